package io.kubereach.internal.semantics;

import io.kubereach.AnalysisOptions;
import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * S12 in docs/semantics.md: which of the policies' address sets hold each pod's known IPs. An
 * ipBlock matches a pod whose manifest carries an IP inside it; a pod without a known IP is never
 * matched; under the "ipBlocks external only" convention no pod is. Computed once per snapshot and
 * shared by the engine, the explanations and the warnings. Immutable.
 */
public final class IpMemberships {
  private static final BitSet NONE = new BitSet();

  private final BitSet[] ofPod;

  private IpMemberships(BitSet[] ofPod) {
    this.ofPod = ofPod;
  }

  /**
   * The memberships of a table's pods in {@code matchers}. All pod addresses are sorted once; each
   * matcher then visits only the addresses inside its CIDR, instead of every pod testing every
   * block.
   */
  public static IpMemberships of(
      PodTable table, List<IpMatcher> matchers, AnalysisOptions options) {
    BitSet[] out = new BitSet[table.size()];
    Arrays.fill(out, NONE);
    if (!options.ipBlocksMatchPodIps() || matchers.isEmpty()) {
      return new IpMemberships(out);
    }
    List<IpSpace.Address> addresses = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (AnalysisPod pod : table.pods()) {
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
      IpMatcher matcher = matchers.get(m);
      int i = lowerBound(sorted, matcher.cidr().firstAddress());
      for (; i < sorted.length && matcher.cidr().contains(sorted[i]); i++) {
        if (matcher.contains(sorted[i])) {
          int p = podOf[i];
          if (out[p] == NONE) {
            out[p] = new BitSet(matchers.size());
          }
          out[p].set(m);
        }
      }
    }
    return new IpMemberships(out);
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
   * The matchers (by index) that hold one of the pod's IPs; empty when the pod has no IP or
   * ipBlocks are external only. Shared: never modify.
   */
  public BitSet of(int pod) {
    return ofPod[pod];
  }

  /** Whether the matcher of that index holds one of the pod's IPs. */
  public boolean holds(int pod, int matcher) {
    return ofPod[pod].get(matcher);
  }
}
