package io.kubereach.bench;

import io.kubereach.AnalysisOptions;
import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.PeerSet.PodAddresses;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Old against new where an algorithm was replaced: which address sets hold each pod's IPs (S12,
 * T8), step 2a of the pipeline (docs/architecture.md). {@link #sortedSweep} is the algorithm the
 * engine used before (every pod address sorted, each address set walked over the addresses inside
 * its CIDR, a bit set per pod); {@link #atoms} is {@code IpMemberships.of}, which reads each
 * address off the signature of its address atom. The setup checks that both give the same
 * memberships.
 *
 * <p>This class reaches into core's internal packages, as a benchmark of an internal step must; it
 * runs on the class path, where they are visible.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-Xss4m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MembershipsBenchmark {

  /** The pod table and address sets of the cluster. */
  @State(Scope.Benchmark)
  public static class Input {
    PodTable table;
    List<IpMatcher> matchers;

    /** Builds once per trial, and checks that old and new agree. */
    @Setup(Level.Trial)
    public void prepare(ClusterState cluster) {
      table = PodTable.of(cluster.snapshot);
      matchers = CompiledPolicies.of(cluster.snapshot).matchers();
      IpMemberships now = IpMemberships.of(table, matchers, AnalysisOptions.defaults());
      BitSet[][] before = sortedSweep(table, matchers);
      for (int p = 0; p < table.size(); p++) {
        if (!now.of(p, PodAddresses.ANY_KNOWN_IP).equals(before[0][p])
            || !now.of(p, PodAddresses.FIRST_FAMILY).equals(before[1][p])) {
          throw new IllegalStateException("the algorithms disagree on pod " + table.pod(p));
        }
      }
    }
  }

  /** The memberships read off the address atoms (the engine's). */
  @Benchmark
  public IpMemberships atoms(Input in) {
    return IpMemberships.of(in.table, in.matchers, AnalysisOptions.defaults());
  }

  /** The memberships by the sorted sweep the engine used before. */
  @Benchmark
  public BitSet[][] sortedSweep(Input in) {
    return sortedSweep(in.table, in.matchers);
  }

  private static final BitSet NONE = new BitSet();

  /** The former algorithm, as it was: {any known IP, first family} per pod. */
  static BitSet[][] sortedSweep(PodTable table, List<IpMatcher> matchers) {
    int n = table.size();
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
      var primary = IpMemberships.firstFamilyAddress(pod);
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
    return new BitSet[][] {any, firsts};
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
}
