package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.ClusterSnapshot;

/**
 * The entry point: builds a {@link ReachabilityIndex} for a cluster. Stateless; safe from any
 * thread.
 *
 * <pre>{@code
 * ReachabilityIndex index = Reachability.index(cluster);
 * index.check(Endpoint.pod("shop", "web"), Endpoint.pod("shop", "db"), Port.tcp(5432)).allowed();
 * }</pre>
 */
public final class Reachability {
  private Reachability() {}

  /**
   * The index of {@code snapshot} with Kubernetes semantics ({@link AnalysisOptions#defaults()}).
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
    return new EngineIndex(
        new Topology(requireNonNull(snapshot, "snapshot"), requireNonNull(options, "options")));
  }
}
