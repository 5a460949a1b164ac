package io.kubereach.internal.semantics;

import io.kubereach.AnalysisOptions;
import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.semantics.PeerSet.Network;
import io.kubereach.internal.semantics.PeerSet.PodAddresses;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of the policies' address sets hold each pod (S12, T8 in docs/semantics.md), by both rules
 * of {@link PodAddresses}: an ipBlock holds a pod when it holds one of its known IPs; a networks
 * peer holds a pod when it holds the pod's address of its first family (IPv4 where it has both),
 * and a pod without a known IP counts as IPv4, held by {@code 0.0.0.0/0} alone. A pod without a
 * known IP is never held by an ipBlock. Under the "ipBlocks external only" convention no pod is
 * held at all. Computed once per snapshot and shared by the engine, the explanations and the
 * warnings. Immutable.
 */
public final class IpMemberships {
  private static final BitSet NONE = new BitSet();

  private final List<IpMatcher> matchers;
  private final boolean podsMatched;
  private final BitSet[] anyKnownIp;
  private final BitSet[] firstFamily;

  private IpMemberships(
      List<IpMatcher> matchers, boolean podsMatched, BitSet[] anyKnownIp, BitSet[] firstFamily) {
    this.matchers = matchers;
    this.podsMatched = podsMatched;
    this.anyKnownIp = anyKnownIp;
    this.firstFamily = firstFamily;
  }

  /**
   * The memberships of a table's pods in {@code matchers}. All addresses are sorted once; each
   * matcher then visits only the addresses inside its CIDR, instead of every pod testing every
   * block.
   */
  public static IpMemberships of(
      PodTable table, List<IpMatcher> matchers, AnalysisOptions options) {
    int n = table.size();
    boolean podsMatched = options.ipBlocksMatchPodIps() && !matchers.isEmpty();
    if (!podsMatched) {
      BitSet[] none = new BitSet[n];
      Arrays.fill(none, NONE);
      return new IpMemberships(matchers, false, none, none);
    }
    List<IpSpace.Address> all = new ArrayList<>();
    List<Integer> allOwners = new ArrayList<>();
    List<IpSpace.Address> first = new ArrayList<>();
    List<Integer> firstOwners = new ArrayList<>();
    List<Integer> withoutIp = new ArrayList<>();
    for (AnalysisPod pod : table.pods()) {
      for (IpSpace.Address a : pod.ips()) {
        all.add(a);
        allOwners.add(pod.index());
      }
      Optional<IpSpace.Address> primary = firstFamilyAddress(pod);
      if (primary.isPresent()) {
        first.add(primary.get());
        firstOwners.add(pod.index());
      } else {
        withoutIp.add(pod.index());
      }
    }
    BitSet[] any = sweep(n, all, allOwners, matchers);
    BitSet[] firsts = sweep(n, first, firstOwners, matchers);
    for (int m = 0; m < matchers.size(); m++) {
      IpMatcher matcher = matchers.get(m);
      if (matcher.isWholeFamily() && !matcher.cidr().v6()) {
        for (int p : withoutIp) {
          set(firsts, p, m, matchers.size());
        }
      }
    }
    return new IpMemberships(matchers, true, any, firsts);
  }

  /** T8: the address a pod answers for, IPv4 first; empty when it has no known IP. */
  public static Optional<IpSpace.Address> firstFamilyAddress(AnalysisPod pod) {
    for (IpSpace.Address a : pod.ips()) {
      if (!a.v6()) {
        return Optional.of(a);
      }
    }
    return pod.ips().stream().findFirst();
  }

  /** The pod's address of its other family, when it has both. */
  public static Optional<IpSpace.Address> otherFamilyAddress(AnalysisPod pod) {
    Optional<IpSpace.Address> first = firstFamilyAddress(pod);
    return first.flatMap(f -> pod.ips().stream().filter(a -> a.v6() != f.v6()).findFirst());
  }

  private static BitSet[] sweep(
      int pods, List<IpSpace.Address> addresses, List<Integer> owners, List<IpMatcher> matchers) {
    BitSet[] out = new BitSet[pods];
    Arrays.fill(out, NONE);
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
      IpMatcher matcher = matchers.get(m);
      int i = lowerBound(sorted, matcher.cidr().firstAddress());
      for (; i < sorted.length && matcher.cidr().contains(sorted[i]); i++) {
        if (matcher.contains(sorted[i])) {
          set(out, podOf[i], m, matchers.size());
        }
      }
    }
    return out;
  }

  private static void set(BitSet[] out, int pod, int matcher, int matchers) {
    if (out[pod] == NONE) {
      out[pod] = new BitSet(matchers);
    }
    out[pod].set(matcher);
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
   * The matchers (by index) that hold the pod by one rule; empty when ipBlocks are external only.
   * Shared: never modify.
   */
  public BitSet of(int pod, PodAddresses rule) {
    return rule == PodAddresses.ANY_KNOWN_IP ? anyKnownIp[pod] : firstFamily[pod];
  }

  /** Whether an address set holds the pod, by its own rule. */
  public boolean holds(int pod, Network network) {
    return of(pod, network.pods()).get(network.id());
  }

  /**
   * T8: whether the manifests cannot tell if a networks peer holds the pod: the pod has no known IP
   * (so counts as IPv4) and the network is a narrower IPv4 one.
   */
  public boolean unknown(AnalysisPod pod, Network network) {
    if (!podsMatched || network.pods() != PodAddresses.FIRST_FAMILY || !pod.ips().isEmpty()) {
      return false;
    }
    IpMatcher m = matchers.get(network.id());
    return !m.cidr().v6() && !m.isWholeFamily();
  }

  /** Whether pods are matched by address at all (not under "ipBlocks external only"). */
  public boolean podsMatched() {
    return podsMatched;
  }
}
