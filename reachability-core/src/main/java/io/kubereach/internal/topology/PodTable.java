package io.kubereach.internal.topology;

import io.kubereach.internal.net.IpSpace;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Namespace;
import io.kubereach.model.Owner;
import io.kubereach.model.Pod;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first step of the analysis: every pod of a snapshot and one template pod per workload,
 * numbered 0..N-1, with the labels of their namespaces (S8, S11, S15 in docs/semantics.md).
 * Immutable.
 */
public final class PodTable {
  private final ClusterSnapshot snapshot;
  private final List<AnalysisPod> pods;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final Map<String, List<AnalysisPod>> podsByNamespace;

  private PodTable(ClusterSnapshot snapshot) {
    this.snapshot = snapshot;
    Map<String, Map<String, String>> labels = new HashMap<>();
    for (Namespace n : snapshot.namespaces()) {
      labels.put(n.name(), n.labels());
    }
    this.namespaceLabels = Map.copyOf(labels);
    List<AnalysisPod> all = new ArrayList<>();
    for (Pod p : snapshot.pods()) {
      WorkloadEndpoint self = Endpoint.pod(p.namespace(), p.name());
      all.add(
          new AnalysisPod(
              all.size(),
              p.namespace(),
              p.labels(),
              p.ports(),
              p.ips().stream().map(IpSpace::address).toList(),
              p.hostNetwork(),
              false,
              false,
              self,
              p.owner().flatMap(o -> ownerEndpoint(p, o)).orElse(self)));
    }
    for (Workload w : snapshot.workloads()) {
      WorkloadEndpoint self = Endpoint.workload(w.kind(), w.namespace(), w.name());
      all.add(
          new AnalysisPod(
              all.size(),
              w.namespace(),
              w.templateLabels(),
              w.templatePorts(),
              List.of(),
              w.hostNetwork(),
              true,
              // S11: replicas <= 1 is one pod (self allowed); 2+ are distinct replicas.
              w.replicas() >= 2,
              self,
              self));
    }
    this.pods = List.copyOf(all);
    Map<String, List<AnalysisPod>> byNamespace = new HashMap<>();
    for (AnalysisPod pod : pods) {
      byNamespace.computeIfAbsent(pod.namespace(), n -> new ArrayList<>()).add(pod);
    }
    byNamespace.replaceAll((n, list) -> List.copyOf(list));
    this.podsByNamespace = Map.copyOf(byNamespace);
  }

  /** The pods of a snapshot. */
  public static PodTable of(ClusterSnapshot snapshot) {
    return new PodTable(snapshot);
  }

  /**
   * S15: a pod with a controller owner (kind other than Node) is reported as that owner, whether or
   * not the owner object is in the input.
   */
  private static Optional<WorkloadEndpoint> ownerEndpoint(Pod pod, Owner owner) {
    return owner.kind().equals("Node")
        ? Optional.empty()
        : Optional.of(new WorkloadEndpoint(pod.namespace(), owner.name(), owner.kind()));
  }

  /** The snapshot. */
  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  /** Every analysis pod: the snapshot's pods in order, then one template per workload. */
  public List<AnalysisPod> pods() {
    return pods;
  }

  /** The pod numbered {@code index}. */
  public AnalysisPod pod(int index) {
    return pods.get(index);
  }

  /** The number of analysis pods. */
  public int size() {
    return pods.size();
  }

  /** The analysis pods of a namespace, in table order; empty for a namespace without pods. */
  public List<AnalysisPod> inNamespace(String namespace) {
    return podsByNamespace.getOrDefault(namespace, List.of());
  }

  /**
   * The labels of a namespace (S8: every namespace exists and carries its name label, also one the
   * snapshot never declared).
   */
  public Map<String, String> namespaceLabels(String namespace) {
    Map<String, String> labels = namespaceLabels.get(namespace);
    return labels != null ? labels : Namespace.of(namespace).labels();
  }
}
