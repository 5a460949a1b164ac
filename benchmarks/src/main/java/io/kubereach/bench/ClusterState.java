package io.kubereach.bench;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.testing.RealisticClusters;
import io.kubereach.testing.RealisticClusters.Style;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cluster under test: {@code size} running pods of {@link RealisticClusters} with seed {@value
 * #SEED}, standalone pods with IPs by default ({@code -p style=WORKLOADS} for workload templates).
 */
@State(Scope.Benchmark)
public class ClusterState {
  /** The one seed of every benchmark cluster, so that runs compare. */
  public static final long SEED = 42L;

  /** Running pods. */
  @Param({"1000", "10000", "100000"})
  public int size;

  /** How pods appear: {@code PODS} or {@code WORKLOADS}. */
  @Param({"PODS"})
  public String style;

  /**
   * Whether a platform admin tier of about 30 ClusterNetworkPolicies sits on top ({@link
   * RealisticClusters#withAdminTier}); off by default so that figures compare across versions.
   */
  @Param({"false"})
  public boolean adminTier;

  /** The generated cluster. */
  public ClusterSnapshot snapshot;

  /** Generates the cluster once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    ClusterSnapshot generated = RealisticClusters.generate(size, SEED, Style.valueOf(style));
    snapshot = adminTier ? RealisticClusters.withAdminTier(generated) : generated;
  }
}
