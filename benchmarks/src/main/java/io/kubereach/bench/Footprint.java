package io.kubereach.bench;

import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.testing.RealisticClusters;
import io.kubereach.testing.RealisticClusters.Style;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints, per size and style, what the index reports of its compression ({@code toString()}: pods,
 * classes, distinct port matrices) and the retained heap of the snapshot, of the index, and of the
 * memoised connection list, each measured as used heap after full GCs; and the single-shot wall
 * time of the first build and list (cold JIT: a rough guide, the JMH scores are the measurement).
 * Run with a fixed heap, e.g. {@code java -Xmx6g -cp benchmarks.jar io.kubereach.bench.Footprint
 * 1000 10000 100000}. {@code -Dfootprint.list=false} leaves out the listing (at a million pods it
 * takes too long), and {@code -Dfootprint.styles=PODS} the workload style.
 */
public final class Footprint {
  private Footprint() {}

  /** Sizes in pods as arguments. */
  public static void main(String[] args) {
    boolean list = Boolean.parseBoolean(System.getProperty("footprint.list", "true"));
    List<Style> styles =
        Arrays.stream(System.getProperty("footprint.styles", "PODS,WORKLOADS").split(","))
            .map(Style::valueOf)
            .toList();
    for (String arg : args) {
      int size = Integer.parseInt(arg);
      for (Style style : styles) {
        long base = usedAfterGc();
        ClusterSnapshot cluster = RealisticClusters.generate(size, ClusterState.SEED, style);
        long snapshot = usedAfterGc() - base;
        long t0 = System.nanoTime();
        ReachabilityIndex index = Reachability.index(cluster);
        long t1 = System.nanoTime();
        long built = usedAfterGc() - base - snapshot;
        long t2 = System.nanoTime();
        int connections = list ? index.connections().size() : -1;
        long t3 = System.nanoTime();
        long listed = usedAfterGc() - base - snapshot - built;
        System.out.printf(
            Locale.ROOT,
            "size=%d style=%s policies=%d %s connections=%d snapshotMB=%.1f indexMB=%.1f"
                + " connectionsMB=%.1f buildS=%.2f connectionsS=%.2f%n",
            size,
            style,
            cluster.policies().size(),
            index,
            connections,
            snapshot / 1e6,
            built / 1e6,
            listed / 1e6,
            (t1 - t0) / 1e9,
            (t3 - t2) / 1e9);
      }
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
