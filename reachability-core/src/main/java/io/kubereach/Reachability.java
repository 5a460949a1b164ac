package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.internal.query.EngineIndex;
import io.kubereach.model.ClusterSnapshot;

/**
 * The entry point: builds a {@link ReachabilityIndex} for a cluster. Stateless; safe from any
 * thread.
 *
 * <pre>{@code
 * ReachabilityIndex index = Reachability.index(cluster);
 * index.check(Endpoint.pod("shop", "web"), Endpoint.pod("shop", "db"), Port.tcp(5432)).allowed();
 * Reachability.diff(cluster, cluster.withoutPolicy("shop", "deny-all")).changes();
 * }</pre>
 */
public final class Reachability {
  private Reachability() {}

  /**
   * The index of {@code snapshot} with Kubernetes semantics ({@link AnalysisOptions#defaults()}).
   *
   * @throws NullPointerException if the snapshot is null
   */
  public static ReachabilityIndex index(ClusterSnapshot snapshot) {
    return index(snapshot, AnalysisOptions.defaults());
  }

  /**
   * The index of {@code snapshot} under {@code options}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ReachabilityIndex index(ClusterSnapshot snapshot, AnalysisOptions options) {
    return EngineIndex.of(requireNonNull(snapshot, "snapshot"), requireNonNull(options, "options"));
  }

  /**
   * What changes between two versions of a cluster, at workload granularity, with Kubernetes
   * semantics: a what-if. Same as {@link ReachabilityDiff#between} on the two indexes, which the
   * diff keeps to {@linkplain ReachabilityDiff#explain(ConnectionChange) explain} each change.
   *
   * <pre>{@code
   * ReachabilityDiff d = Reachability.diff(cluster, cluster.withoutPolicy("shop", "deny-all"));
   * d.changes(ConnectionChange.Kind.ADDED).forEach(System.out::println);
   * }</pre>
   *
   * @throws NullPointerException if an argument is null
   */
  public static ReachabilityDiff diff(ClusterSnapshot before, ClusterSnapshot after) {
    return diff(before, after, AnalysisOptions.defaults());
  }

  /**
   * Like {@link #diff(ClusterSnapshot, ClusterSnapshot)}, both snapshots indexed under {@code
   * options}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ReachabilityDiff diff(
      ClusterSnapshot before, ClusterSnapshot after, AnalysisOptions options) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    requireNonNull(options, "options");
    return ReachabilityDiff.between(index(before, options), index(after, options));
  }

  /**
   * The security review of an index (docs/verify.md): every check, most severe findings first.
   *
   * <pre>{@code
   * VerifyReport r = Reachability.verify(index);
   * r.atLeast(Severity.HIGH).forEach(System.out::println);
   * }</pre>
   *
   * @throws NullPointerException if {@code index} is null
   * @throws IllegalArgumentException if the index was not made by {@link #index}
   */
  public static VerifyReport verify(ReachabilityIndex index) {
    return verify(index, VerifyOptions.defaults());
  }

  /**
   * The checks {@code options} select, and its intents.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the index was not made by {@link #index}
   */
  public static VerifyReport verify(ReachabilityIndex index, VerifyOptions options) {
    requireNonNull(index, "index");
    requireNonNull(options, "options");
    if (!(index instanceof EngineIndex engineIndex)) {
      throw new IllegalArgumentException(
          "verify needs an index made by Reachability.index, not " + index.getClass().getName());
    }
    return engineIndex.verify(options);
  }
}
