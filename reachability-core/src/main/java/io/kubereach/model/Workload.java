package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workload controller and its pod template. It contributes one representative pod to the
 * analysis: all its replicas are identical for policy purposes, yet distinct pods, so traffic
 * between two replicas follows the rules like any other pair (S11).
 *
 * <pre>{@code
 * Workload web = new Workload(WorkloadKind.Deployment, "shop", "web", 3,
 *     Map.of("app", "web"), List.of(ContainerPort.tcp("http", 8080)), false);
 * }</pre>
 *
 * @param kind the controller kind
 * @param namespace the namespace name
 * @param name the workload name
 * @param replicas the replica count (0 or more; informative only)
 * @param templateLabels the labels of the pod template
 * @param templatePorts the container ports of the pod template
 * @param hostNetwork whether the template's pods share their node's network (S13)
 * @param owner the controller that stamped this workload, if any (S15: a ReplicaSet's Deployment, a
 *     Job's CronJob)
 */
public record Workload(
    WorkloadKind kind,
    String namespace,
    String name,
    int replicas,
    Map<String, String> templateLabels,
    List<ContainerPort> templatePorts,
    boolean hostNetwork,
    Optional<Owner> owner) {

  /** Validates and copies. */
  public Workload {
    requireNonNull(owner, "owner");
    requireNonNull(kind, "kind");
    Labels.requireName(namespace, "workload namespace");
    Labels.requireName(name, "workload name");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas " + replicas + " of " + name + " is negative");
    }
    templateLabels = Labels.copyOf(templateLabels, "template labels");
    templatePorts = List.copyOf(requireNonNull(templatePorts, "templatePorts"));
  }

  /** A workload without a controller owner of its own. */
  public Workload(
      WorkloadKind kind,
      String namespace,
      String name,
      int replicas,
      Map<String, String> templateLabels,
      List<ContainerPort> templatePorts,
      boolean hostNetwork) {
    this(
        kind,
        namespace,
        name,
        replicas,
        templateLabels,
        templatePorts,
        hostNetwork,
        Optional.empty());
  }

  /** This workload with other template labels. */
  public Workload withTemplateLabels(Map<String, String> labels) {
    return new Workload(kind, namespace, name, replicas, labels, templatePorts, hostNetwork, owner);
  }

  /** This workload owned by {@code newOwner} (S15: a ReplicaSet of a Deployment). */
  public Workload withOwner(Owner newOwner) {
    return new Workload(
        kind,
        namespace,
        name,
        replicas,
        templateLabels,
        templatePorts,
        hostNetwork,
        Optional.of(newOwner));
  }

  @Override
  public String toString() {
    return namespace + "/" + name + "[" + kind + "]";
  }
}
