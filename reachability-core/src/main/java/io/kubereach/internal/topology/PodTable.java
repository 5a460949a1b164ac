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
import java.util.Arrays;
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

  /** For a what-if's table: the namespaces where its pods differ from the previous table's. */
  private final java.util.Set<String> changedNamespaces;

  /** For a what-if's table: the index of each pod in the previous table, or -1 for a new one. */
  private final int[] previousIndex;

  /** For a what-if's table: whether every pod is the previous table's at the same place. */
  private final boolean samePods;

  /**
   * @param previous the table of a snapshot this one is a what-if of, or null: the analysis pods of
   *     the pod objects both hold are taken over when the workloads, which decide their owners'
   *     endpoints (S15), are the same
   */
  private PodTable(ClusterSnapshot snapshot, PodTable previous) {
    this.snapshot = snapshot;
    int[] before =
        previous != null && same(previous.snapshot.workloads(), snapshot.workloads())
            ? SameObjects.positions(snapshot.pods(), previous.snapshot.pods())
            : null;
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
    // Which analysis pods of this table and of the previous one are the same pod (a what-if).
    boolean[] keptBefore = previous == null ? null : new boolean[previous.pods.size()];
    int[] fromPrevious = new int[snapshot.pods().size() + snapshot.workloads().size()];
    java.util.Set<WorkloadEndpoint> withPods = new java.util.HashSet<>();
    boolean anyIpv6 = false;
    // The replicas of an owner come one after another: the owner's endpoint is found once.
    Pod lastOwned = null;
    WorkloadEndpoint lastOwner = null;
    WorkloadEndpoint lastWithPods = null;
    for (Pod p : snapshot.pods()) {
      if (before != null && before[all.size()] >= 0) {
        keptBefore[before[all.size()]] = true;
        AnalysisPod kept = previous.pods.get(before[all.size()]).at(all.size());
        if (!kept.endpoint().equals(kept.podEndpoint()) && kept.endpoint() != lastWithPods) {
          withPods.add(kept.endpoint());
          lastWithPods = kept.endpoint();
        }
        for (IpSpace.Address a : kept.ips()) {
          anyIpv6 |= a.v6();
        }
        fromPrevious[all.size()] = before[all.size()];
        all.add(kept);
        continue;
      }
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
      fromPrevious[all.size()] = -1;
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
    Map<WorkloadEndpoint, Integer> previousTemplates = new HashMap<>();
    if (previous != null) {
      for (int i = previous.snapshot.pods().size(); i < previous.pods.size(); i++) {
        previousTemplates.put(previous.pods.get(i).podEndpoint(), i);
      }
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
      AnalysisPod template =
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
              endpoint);
      Integer was = previousTemplates.get(self);
      boolean kept = was != null && previous.pods.get(was).at(template.index()).equals(template);
      if (kept) {
        keptBefore[was] = true;
      }
      fromPrevious[all.size()] = kept ? was : -1;
      all.add(template);
    }
    this.pods = List.copyOf(all);
    this.previousIndex = previous == null ? null : Arrays.copyOf(fromPrevious, all.size());
    boolean inPlace = previous != null && previous.pods.size() == all.size();
    for (int i = 0; inPlace && i < all.size(); i++) {
      inPlace = fromPrevious[i] == i;
    }
    this.changedNamespaces = previous == null ? null : changedNamespaces(previous, keptBefore);
    this.samePods = inPlace && changedNamespaces.isEmpty();
    Map<String, List<AnalysisPod>> byNamespace = new HashMap<>();
    for (AnalysisPod pod : pods) {
      byNamespace.computeIfAbsent(pod.namespace(), n -> new ArrayList<>()).add(pod);
    }
    byNamespace.replaceAll((n, list) -> List.copyOf(list));
    this.podsByNamespace = Map.copyOf(byNamespace);
    this.ipv6 = anyIpv6;
  }

  /**
   * The namespaces where this table's pods differ from {@code previous}'s: pods that came, went or
   * changed (a pod kept from {@code previous} is the same pod), and namespaces whose labels
   * changed.
   */
  private java.util.Set<String> changedNamespaces(PodTable previous, boolean[] keptBefore) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int i = 0; i < pods.size(); i++) {
      if (previousIndex[i] < 0) {
        out.add(pods.get(i).namespace());
      }
    }
    for (int i = 0; i < keptBefore.length; i++) {
      if (!keptBefore[i]) {
        out.add(previous.pods.get(i).namespace());
      }
    }
    java.util.Set<String> namespaces = new java.util.HashSet<>(namespaceLabels.keySet());
    namespaces.addAll(previous.namespaceLabels.keySet());
    for (String namespace : namespaces) {
      if (!namespaceLabels(namespace).equals(previous.namespaceLabels(namespace))) {
        out.add(namespace);
      }
    }
    return java.util.Set.copyOf(out);
  }

  private PodTable(PodTable shared, ClusterSnapshot snapshot) {
    this.snapshot = snapshot;
    this.pods = shared.pods;
    this.namespaceLabels = shared.namespaceLabels;
    this.podsByNamespace = shared.podsByNamespace;
    this.ipv6 = shared.ipv6;
    this.changedNamespaces = java.util.Set.of(); // the same pods and namespaces
    this.previousIndex = null;
    this.samePods = true;
  }

  /** The pods of a snapshot. */
  public static PodTable of(ClusterSnapshot snapshot) {
    return new PodTable(snapshot, null);
  }

  /**
   * The pods of a what-if of {@code previous}'s snapshot: the analysis pods of the pod objects both
   * snapshots hold are taken over (moved when pods before them came or went) rather than made
   * again, when the workloads are the same.
   */
  public static PodTable of(ClusterSnapshot snapshot, PodTable previous) {
    return new PodTable(snapshot, java.util.Objects.requireNonNull(previous, "previous"));
  }

  /**
   * This table's pods for {@code changed}, whose pods, workloads and namespaces are this snapshot's
   * ({@link #sameTopology}, which the caller has checked): what a table holds is read from those
   * three and nothing else.
   */
  public PodTable forSnapshot(ClusterSnapshot changed) {
    return new PodTable(this, changed);
  }

  /**
   * What the pods of two tables share, place by place: the steps that read only that (endpoints,
   * host-network caveats, address memberships) are taken over by a what-if.
   *
   * @param endpoints the same pods at the same places with the same endpoints at both granularities
   * @param hostNetwork and the same hostNetwork settings
   * @param addresses the same pods at the same places with the same addresses
   */
  public record Unchanged(boolean endpoints, boolean hostNetwork, boolean addresses) {}

  /** What this table's pods share with {@code previous}'s (see {@link Unchanged}). */
  public Unchanged unchangedFrom(PodTable previous) {
    if (previous.pods.size() != pods.size()) {
      return new Unchanged(false, false, false);
    }
    boolean endpoints = true;
    boolean hostNetwork = true;
    boolean addresses = true;
    for (int i = 0; i < pods.size(); i++) {
      AnalysisPod a = pods.get(i);
      AnalysisPod b = previous.pods.get(i);
      if (a != b) { // kept pods are the same objects: only the changed ones are compared
        endpoints &= a.endpoint().equals(b.endpoint()) && a.podEndpoint().equals(b.podEndpoint());
        hostNetwork &= a.hostNetwork() == b.hostNetwork();
        addresses &= a.ips().equals(b.ips());
      }
    }
    return new Unchanged(endpoints, endpoints && hostNetwork, addresses);
  }

  /**
   * For the table of a what-if ({@link #of(ClusterSnapshot, PodTable)}), the namespaces where its
   * pods differ from the previous table's (pods that came, went or changed, and changed labels);
   * empty for {@link #forSnapshot}; null for a table made from a snapshot alone.
   */
  public java.util.Set<String> changedNamespaces() {
    return changedNamespaces;
  }

  /**
   * For the table of a what-if: whether its pods are the previous table's, each at the same place,
   * with the same namespace labels (always for {@link #forSnapshot}).
   */
  public boolean samePods() {
    return samePods;
  }

  /**
   * For the table of a what-if ({@link #of(ClusterSnapshot, PodTable)}): the index in the previous
   * table of the same pod as {@code index} (the same pod object, or an equal template), or -1.
   */
  public int previousIndex(int index) {
    return previousIndex[index];
  }

  /**
   * Whether two snapshots make the same table: the same pod and workload lists (a what-if hands
   * them on; equal lists of other objects make an equal table through {@link #of(ClusterSnapshot,
   * PodTable)}), and equal namespaces.
   */
  public static boolean sameTopology(ClusterSnapshot a, ClusterSnapshot b) {
    return a.pods() == b.pods()
        && a.workloads() == b.workloads()
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
