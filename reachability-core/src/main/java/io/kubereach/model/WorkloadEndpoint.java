package io.kubereach.model;

/**
 * A workload or pod as an endpoint, printed {@code ns/name[Kind]} (S15): a workload object as
 * itself, a pod with a controller owner as that owner, any other pod as {@code [Pod]}.
 *
 * @param namespace the namespace name
 * @param name the workload, owner or pod name
 * @param kind the kind, e.g. {@code Deployment}, {@code ReplicaSet} or {@code Pod}
 */
public record WorkloadEndpoint(String namespace, String name, String kind) implements Endpoint {

  /** Validates. */
  public WorkloadEndpoint {
    Labels.requireName(namespace, "endpoint namespace");
    Labels.requireName(name, "endpoint name");
    Labels.requireName(kind, "endpoint kind");
  }

  @Override
  public String toString() {
    return namespace + "/" + name + "[" + kind + "]";
  }
}
