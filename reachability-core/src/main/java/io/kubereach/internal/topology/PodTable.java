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
  private final boolean ipv6;

  private PodTable(ClusterSnapshot snapshot) {
    this.snapshot = snapshot;
    Map<String, Map<String, String>> labels = new HashMap<>();
    for (Namespace n : snapshot.namespaces()) {
      labels.put(n.name(), n.labels());
    }
    this.namespaceLabels = Map.copyOf(labels);
    Map<WorkloadEndpoint, Workload> workloads = new HashMap<>();
    for (Workload w : snapshot.workloads()) {
      workloads.put(Endpoint.workload(w.kind(), w.namespace(), w.name()), w);
    }
    List<AnalysisPod> all = new ArrayList<>(snapshot.pods().size() + snapshot.workloads().size());
    java.util.Set<WorkloadEndpoint> withPods = new java.util.HashSet<>();
    boolean anyIpv6 = false;
    // The replicas of an owner come one after another: the owner's endpoint is found once.
    Pod lastOwned = null;
    WorkloadEndpoint lastOwner = null;
    WorkloadEndpoint lastWithPods = null;
    for (Pod p : snapshot.pods()) {
      WorkloadEndpoint self = Endpoint.pod(p.namespace(), p.name());
      WorkloadEndpoint endpoint = self;
      if (p.owner().isPresent()) {
        if (lastOwned == null
            || !p.owner().equals(lastOwned.owner())
            || !p.namespace().equals(lastOwned.namespace())) {
          lastOwner =
              ownerEndpoint(p.namespace(), p.owner().get())
                  .map(e -> top(e, workloads))
                  .orElse(null);
          lastOwned = p;
        }
        if (lastOwner != null) {
          endpoint = lastOwner;
        }
      }
      if (!endpoint.equals(self) && endpoint != lastWithPods) {
        withPods.add(endpoint);
        lastWithPods = endpoint;
      }
      List<IpSpace.Address> ips = new ArrayList<>(p.ips().size());
      for (String ip : p.ips()) {
        IpSpace.Address a = IpSpace.address(ip);
        anyIpv6 |= a.v6();
        ips.add(a);
      }
      all.add(
          new AnalysisPod(
              all.size(),
              p.namespace(),
              p.labels(),
              p.ports(),
              List.copyOf(ips),
              p.hostNetwork(),
              false,
              false,
              self,
              endpoint));
    }
    for (Workload w : snapshot.workloads()) {
      WorkloadEndpoint self = Endpoint.workload(w.kind(), w.namespace(), w.name());
      WorkloadEndpoint endpoint = top(self, workloads);
      if (withPods.contains(endpoint)) {
        continue; // S15: the real pods stand for it; its template is not a pod of its own
      }
      if (!endpoint.equals(self) && workloads.containsKey(endpoint)) {
        // S15: a ReplicaSet of a Deployment, a Job of a CronJob of the input: its template is a
        // revision of its owner's, and the owner's current one stands for both.
        continue;
      }
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
              endpoint));
    }
    this.pods = List.copyOf(all);
    Map<String, List<AnalysisPod>> byNamespace = new HashMap<>();
    for (AnalysisPod pod : pods) {
      byNamespace.computeIfAbsent(pod.namespace(), n -> new ArrayList<>()).add(pod);
    }
    byNamespace.replaceAll((n, list) -> List.copyOf(list));
    this.podsByNamespace = Map.copyOf(byNamespace);
    this.ipv6 = anyIpv6;
  }

  private PodTable(PodTable shared, ClusterSnapshot snapshot) {
    this.snapshot = snapshot;
    this.pods = shared.pods;
    this.namespaceLabels = shared.namespaceLabels;
    this.podsByNamespace = shared.podsByNamespace;
    this.ipv6 = shared.ipv6;
  }

  /** The pods of a snapshot. */
  public static PodTable of(ClusterSnapshot snapshot) {
    return new PodTable(snapshot);
  }

  /**
   * This table's pods for {@code changed}, whose pods, workloads and namespaces are this snapshot's
   * ({@link #sameTopology}, which the caller has checked): what a table holds is read from those
   * three and nothing else.
   */
  public PodTable forSnapshot(ClusterSnapshot changed) {
    return new PodTable(this, changed);
  }

  /** Whether two snapshots make the same table; lists shared by a what-if compare in O(1). */
  public static boolean sameTopology(ClusterSnapshot a, ClusterSnapshot b) {
    return same(a.pods(), b.pods())
        && same(a.workloads(), b.workloads())
        && same(a.namespaces(), b.namespaces());
  }

  private static boolean same(List<?> a, List<?> b) {
    return a == b || a.equals(b);
  }

  /**
   * S15: a controller owner (kind other than Node) names the endpoint, whether or not the owner
   * object is in the input.
   */
  private static Optional<WorkloadEndpoint> ownerEndpoint(String namespace, Owner owner) {
    return owner.kind().equals("Node")
        ? Optional.empty()
        : Optional.of(new WorkloadEndpoint(namespace, owner.name(), owner.kind()));
  }

  /**
   * S15: the top of an owner chain: while the endpoint is a workload of the input that has a
   * controller owner itself (a ReplicaSet of a Deployment, a Job of a CronJob), its owner.
   */
  private static WorkloadEndpoint top(
      WorkloadEndpoint start, Map<WorkloadEndpoint, Workload> workloads) {
    if (!workloads.containsKey(start)) {
      return start; // the usual owner of a dump's pods: a ReplicaSet not in the input
    }
    WorkloadEndpoint at = start;
    java.util.Set<WorkloadEndpoint> seen = new java.util.HashSet<>();
    while (seen.add(at)) {
      Workload w = workloads.get(at);
      if (w == null || w.owner().isEmpty()) {
        return at;
      }
      Optional<WorkloadEndpoint> up = ownerEndpoint(at.namespace(), w.owner().get());
      if (up.isEmpty()) {
        return at;
      }
      at = up.get();
    }
    return start; // a cycle of owners links nothing: the API server never makes one
  }

  /** The snapshot. */
  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  /** Every analysis pod: the snapshot's pods in order, then one template per workload. */
  public List<AnalysisPod> pods() {
    return pods;
  }

  /** Whether some pod has an IPv6 address. */
  public boolean anyIpv6() {
    return ipv6;
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
