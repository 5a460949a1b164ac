package io.kubereach;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Owner;
import io.kubereach.model.Peer;
import io.kubereach.model.Pod;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Rule;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The analysis pods of a snapshot and the endpoints they form (S15), the ipBlocks of its policies
 * and the address atoms they induce (S12). Shared by the engine and the reference evaluator;
 * immutable after construction.
 */
final class Topology {
  private static final Comparator<WorkloadEndpoint> BY_TEXT =
      Comparator.comparing(WorkloadEndpoint::toString);

  final ClusterSnapshot snapshot;
  final AnalysisOptions options;
  final List<AnalysisPod> pods;
  final Map<String, Map<String, String>> namespaceLabels;
  final List<WorkloadEndpoint> groups;
  final int[][] membersOfGroup;
  final int[] groupOfPod;
  final List<WorkloadEndpoint> podEndpoints;
  final List<IpSpace.Matcher> matchers;
  final Map<IpBlockPeer, Integer> matcherIndex;
  final IpAtoms ipAtoms;
  final boolean ipv6Listed;

  /**
   * Per analysis pod: the matchers (by index) that hold one of its IPs (S12); empty when ipBlocks
   * match external addresses only. Shared by the engine and the warnings; never modify.
   */
  private final BitSet[] matchersOfPod;

  private final Map<WorkloadEndpoint, Integer> groupIndex = new HashMap<>();
  private final Map<WorkloadEndpoint, Integer> podIndex = new HashMap<>();
  private final Map<WorkloadEndpoint, List<String>> groupCaveats = new HashMap<>();
  private final Map<String, List<NetworkPolicy>> policiesByNamespace;

  Topology(ClusterSnapshot snapshot, AnalysisOptions options) {
    this.snapshot = snapshot;
    this.options = options;
    Map<String, Map<String, String>> ns = new HashMap<>();
    for (Namespace n : snapshot.namespaces()) {
      ns.put(n.name(), n.labels());
    }
    this.namespaceLabels = Map.copyOf(ns);
    Map<String, List<NetworkPolicy>> byNamespace = new HashMap<>();
    for (NetworkPolicy policy : snapshot.policies()) {
      byNamespace.computeIfAbsent(policy.namespace(), k -> new ArrayList<>()).add(policy);
    }
    byNamespace.replaceAll((k, v) -> List.copyOf(v));
    this.policiesByNamespace = Map.copyOf(byNamespace);

    List<AnalysisPod> all = new ArrayList<>();
    for (Pod p : snapshot.pods()) {
      WorkloadEndpoint self = new WorkloadEndpoint(p.namespace(), p.name(), "Pod");
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
              p.owner()
                  .filter(o -> !o.kind().equals("Node"))
                  .map(o -> ownerEndpoint(p, o))
                  .orElse(self)));
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

    this.groups = sortedByText(pods.stream().map(AnalysisPod::groupEndpoint).toList());
    for (int g = 0; g < groups.size(); g++) {
      groupIndex.put(groups.get(g), g);
    }
    this.groupOfPod = new int[pods.size()];
    List<List<Integer>> members = new ArrayList<>();
    groups.forEach(g -> members.add(new ArrayList<>()));
    for (AnalysisPod p : pods) {
      int g = groupIndex.get(p.groupEndpoint());
      groupOfPod[p.index()] = g;
      members.get(g).add(p.index());
    }
    this.membersOfGroup =
        members.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    for (AnalysisPod p : pods) {
      podIndex.put(p.podEndpoint(), p.index());
    }
    this.podEndpoints = sortedByText(pods.stream().map(AnalysisPod::podEndpoint).toList());
    for (int g = 0; g < groups.size(); g++) {
      List<String> c = hostNetworkCaveat(new PodMembers(groups.get(g), membersOfGroup[g]));
      if (!c.isEmpty()) {
        groupCaveats.put(groups.get(g), c);
      }
    }

    Map<IpBlockPeer, Integer> mIndex = new LinkedHashMap<>();
    List<IpSpace.Matcher> ms = new ArrayList<>();
    for (NetworkPolicy policy : snapshot.policies()) {
      for (PolicyType dir : PolicyType.values()) {
        for (Rule rule : policy.rules(dir)) {
          for (Peer peer : rule.peers()) {
            if (peer instanceof IpBlockPeer b && !mIndex.containsKey(b)) {
              mIndex.put(b, ms.size());
              ms.add(IpSpace.Matcher.of(b));
            }
          }
        }
      }
    }
    this.matchers = List.copyOf(ms);
    this.matcherIndex = Map.copyOf(mIndex);
    this.ipAtoms = new IpAtoms(matchers);
    this.matchersOfPod = matchersOfPods(pods, matchers, options.ipBlocksMatchPodIps());
    this.ipv6Listed =
        matchers.stream().anyMatch(m -> m.cidr().v6())
            || pods.stream().flatMap(p -> p.ips().stream()).anyMatch(IpSpace.Address::v6)
            || snapshot.services().stream()
                .flatMap(s -> s.sourceRanges().stream())
                .anyMatch(r -> r.contains(":"));
  }

  /**
   * S12: which blocks hold each pod's IPs. All pod addresses are sorted once; each matcher then
   * visits only the addresses inside its cidr, instead of every pod testing every block.
   */
  private static BitSet[] matchersOfPods(
      List<AnalysisPod> pods, List<IpSpace.Matcher> matchers, boolean podIps) {
    BitSet none = new BitSet();
    BitSet[] out = new BitSet[pods.size()];
    Arrays.fill(out, none);
    if (!podIps || matchers.isEmpty()) {
      return out;
    }
    List<IpSpace.Address> addresses = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (AnalysisPod pod : pods) {
      for (IpSpace.Address a : pod.ips()) {
        addresses.add(a);
        owners.add(pod.index());
      }
    }
    Integer[] order = new Integer[addresses.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(addresses::get));
    IpSpace.Address[] sorted = new IpSpace.Address[order.length];
    int[] podOf = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = addresses.get(order[i]);
      podOf[i] = owners.get(order[i]);
    }
    for (int m = 0; m < matchers.size(); m++) {
      IpSpace.Matcher matcher = matchers.get(m);
      IpSpace.Block cidr = matcher.cidr();
      int i = lowerBound(sorted, new IpSpace.Address(cidr.v6(), cidr.first()));
      for (; i < sorted.length && cidr.contains(sorted[i]); i++) {
        if (matcher.contains(sorted[i])) {
          int p = podOf[i];
          if (out[p] == none) {
            out[p] = new BitSet(matchers.size());
          }
          out[p].set(m);
        }
      }
    }
    return out;
  }

  /** The first index whose address is not below {@code key}. */
  private static int lowerBound(IpSpace.Address[] sorted, IpSpace.Address key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid].compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The matchers (indexes into {@link #matchers}) that hold one of the pod's IPs (S12); empty when
   * ipBlocks are external only or the pod has no IP. Shared: do not modify.
   */
  BitSet matchersOf(int pod) {
    return matchersOfPod[pod];
  }

  /** Distinct endpoints sorted by their text as byte strings (DESIGN §8), each printed once. */
  private static List<WorkloadEndpoint> sortedByText(List<WorkloadEndpoint> endpoints) {
    TreeMap<String, WorkloadEndpoint> byText = new TreeMap<>();
    for (WorkloadEndpoint e : endpoints) {
      byText.putIfAbsent(e.toString(), e);
    }
    return List.copyOf(byText.values());
  }

  private static WorkloadEndpoint ownerEndpoint(Pod pod, Owner owner) {
    // S15: pods with a controller owner are reported as that owner.
    return new WorkloadEndpoint(pod.namespace(), owner.name(), owner.kind());
  }

  /** What an endpoint of a query stands for. */
  sealed interface Members permits PodMembers, AddressMembers {
    Endpoint endpoint();
  }

  /**
   * Pods (S15). A class, not a record: a record would compare and print its {@code int[]} by
   * identity. Equality and text follow the contents. The array itself is shared, never copied: for
   * a group it is {@link #membersOfGroup}'s row, and {@link ConnectionLister} caches the classes of
   * each such row in an {@code IdentityHashMap} keyed by that very array, so {@link #pods()} must
   * hand out the same instance every time (and nobody may modify it).
   */
  static final class PodMembers implements Members {
    private final WorkloadEndpoint endpoint;
    private final int[] pods;

    /**
     * @param endpoint the endpoint
     * @param pods the analysis pods, at least one; kept, not copied (see above)
     */
    PodMembers(WorkloadEndpoint endpoint, int[] pods) {
      this.endpoint = endpoint;
      this.pods = pods;
    }

    @Override
    public WorkloadEndpoint endpoint() {
      return endpoint;
    }

    /** The analysis pods, at least one: the shared array itself, do not modify. */
    int[] pods() {
      return pods;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PodMembers m
          && endpoint.equals(m.endpoint)
          && Arrays.equals(pods, m.pods);
    }

    @Override
    public int hashCode() {
      return 31 * endpoint.hashCode() + Arrays.hashCode(pods);
    }

    @Override
    public String toString() {
      return endpoint + " " + Arrays.toString(pods);
    }
  }

  /**
   * An external range.
   *
   * @param range its addresses
   */
  record AddressMembers(ExternalEndpoint endpoint, IpSpace.Block range) implements Members {}

  /** The members of an endpoint: workload granularity first, then pod granularity. */
  Members members(Endpoint e) {
    if (e instanceof ExternalEndpoint x) {
      return new AddressMembers(x, IpSpace.range(x));
    }
    WorkloadEndpoint w = (WorkloadEndpoint) e;
    Integer g = groupIndex.get(w);
    if (g != null) {
      return new PodMembers(w, membersOfGroup[g]);
    }
    Integer p = podIndex.get(w);
    if (p != null) {
      return new PodMembers(w, new int[] {p});
    }
    throw new IllegalArgumentException(
        "endpoint "
            + w
            + " is not in this snapshot; endpoints in "
            + w.namespace()
            + ": "
            + inNamespace(w.namespace()));
  }

  /** Whether the endpoint is one of workload granularity (else pod granularity or external). */
  boolean isGroup(Endpoint e) {
    return e instanceof WorkloadEndpoint w && groupIndex.containsKey(w);
  }

  /** Index of a workload-granularity endpoint, or -1. */
  int groupIndexOf(Endpoint e) {
    return e instanceof WorkloadEndpoint w ? groupIndex.getOrDefault(w, -1) : -1;
  }

  /** Index of a pod-granularity endpoint, or -1. */
  int podIndexOf(Endpoint e) {
    return e instanceof WorkloadEndpoint w ? podIndex.getOrDefault(w, -1) : -1;
  }

  private List<String> inNamespace(String namespace) {
    TreeSet<String> names = new TreeSet<>();
    for (WorkloadEndpoint w : groups) {
      if (w.namespace().equals(namespace)) {
        names.add(w.name() + "[" + w.kind() + "]");
      }
    }
    for (WorkloadEndpoint w : podEndpoints) {
      if (w.namespace().equals(namespace)) {
        names.add(w.name() + "[" + w.kind() + "]");
      }
    }
    return List.copyOf(names);
  }

  /** Reads an endpoint as a user writes it (see {@link ReachabilityIndex#resolve(String)}). */
  Endpoint resolve(String text) {
    String t = text.trim();
    if (t.indexOf('/') > 0
        && t.indexOf('[') < 0
        && looksLikeAddress(t.substring(0, t.indexOf('/')))) {
      throw new IllegalArgumentException(
          "'" + t + "' is a CIDR, not an endpoint; give one address or a range A-B[External]");
    }
    if (t.indexOf('/') < 0 && t.indexOf('[') < 0 && !looksLikeAddress(t)) {
      List<String> sameName =
          groups.stream().filter(w -> w.name().equals(t)).map(Object::toString).toList();
      throw new IllegalArgumentException(
          "'"
              + t
              + "' is not an endpoint; write ns/name[Kind], ns/name or an IP address"
              + (sameName.isEmpty() ? "" : ", e.g. one of " + sameName));
    }
    if (t.indexOf('/') > 0 && t.indexOf('[') < 0) {
      String namespace = t.substring(0, t.indexOf('/'));
      String name = t.substring(t.indexOf('/') + 1);
      TreeSet<WorkloadEndpoint> candidates = new TreeSet<>(BY_TEXT);
      for (List<WorkloadEndpoint> list : List.of(groups, podEndpoints)) {
        for (WorkloadEndpoint w : list) {
          if (w.namespace().equals(namespace) && w.name().equals(name)) {
            candidates.add(w);
          }
        }
      }
      if (candidates.size() == 1) {
        return candidates.first();
      }
      if (candidates.isEmpty()) {
        throw new IllegalArgumentException(
            "no endpoint named "
                + t
                + " in this snapshot; endpoints in "
                + namespace
                + ": "
                + inNamespace(namespace));
      }
      throw new IllegalArgumentException(
          t + " is ambiguous; write one of " + candidates.stream().map(Object::toString).toList());
    }
    Endpoint e = Endpoint.parse(t);
    members(e);
    return e;
  }

  /** Digits and dots (IPv4) or a colon (IPv6): meant as an address, not a name. */
  private static boolean looksLikeAddress(String text) {
    return text.indexOf(':') >= 0
        || (!text.isEmpty() && text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')));
  }

  /** S13 caveats for the hostNetwork pods among the members of an endpoint. */
  List<String> caveats(Members m) {
    if (!(m instanceof PodMembers pm)) {
      return List.of();
    }
    if (pm.pods().length > 1) {
      // Endpoints of several pods are groups: computed once, so a check stays O(1).
      return groupCaveats.getOrDefault(pm.endpoint(), List.of());
    }
    return hostNetworkCaveat(pm);
  }

  private List<String> hostNetworkCaveat(PodMembers pm) {
    List<String> hostNetwork = new ArrayList<>();
    for (int p : pm.pods()) {
      if (pods.get(p).hostNetwork()) {
        hostNetwork.add(pods.get(p).podEndpoint().toString());
      }
    }
    if (hostNetwork.isEmpty()) {
      return List.of();
    }
    return List.of(
        (hostNetwork.size() == 1 && hostNetwork.get(0).equals(pm.endpoint().toString())
                ? pm.endpoint() + " uses"
                : pm.endpoint() + " has pods that use")
            + " hostNetwork: most network plugins do not apply NetworkPolicy to such pods;"
            + " this answer treats them as ordinary pods (S13)");
  }

  /** The caveats of a query between two endpoints, without duplicates. */
  List<String> caveats(Members a, Members b) {
    List<String> out = new ArrayList<>(caveats(a));
    for (String c : caveats(b)) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /** The namespace labels of a pod's namespace (S8: every namespace exists). */
  Map<String, String> namespaceLabels(String namespace) {
    return Optional.ofNullable(namespaceLabels.get(namespace))
        .orElseGet(() -> Namespace.of(namespace).labels());
  }

  /**
   * S2: the policies of the pod's namespace that select it and have {@code direction} in their
   * types, in snapshot order; empty when the pod is not isolated in that direction (S1).
   */
  List<NetworkPolicy> isolating(PolicyType direction, AnalysisPod pod) {
    List<NetworkPolicy> out = new ArrayList<>();
    for (NetworkPolicy policy : policiesByNamespace.getOrDefault(pod.namespace(), List.of())) {
      if (policy.affects(direction) && policy.podSelector().matches(pod.labels())) {
        out.add(policy);
      }
    }
    return out;
  }
}
