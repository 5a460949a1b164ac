package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.ContainerPort;
import io.kubereach.model.WorkloadEndpoint;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pod an endpoint stands for, as the analysis sees it (S15): a pod of the snapshot, or the
 * template of a workload, which stands for all its replicas. Immutable.
 *
 * <pre>{@code
 * for (MemberPod m : index.members(Endpoint.parse("shop/web-7d9f[ReplicaSet]"))) {
 *   m.endpoint(); // shop/web-7d9f-x[Pod]
 *   m.labels();   // {app=web, pod-template-hash=7d9f}
 * }
 * }</pre>
 *
 * @param endpoint the pod at pod granularity ({@code ns/name[Pod]}), or the workload itself ({@code
 *     ns/name[Deployment]}) for a template
 * @param labels the pod's labels, or the template's; sorted by key
 * @param ports the container ports, which named ports resolve on (S10, S14)
 * @param template whether this is a workload's template rather than a pod of the snapshot
 */
public record MemberPod(
    WorkloadEndpoint endpoint,
    Map<String, String> labels,
    List<ContainerPort> ports,
    boolean template) {

  /** Validates and copies. */
  public MemberPod {
    requireNonNull(endpoint, "endpoint");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels)); // sorted: prints alike
    ports = List.copyOf(ports);
  }

  @Override
  public String toString() {
    return endpoint + " " + labels;
  }
}
