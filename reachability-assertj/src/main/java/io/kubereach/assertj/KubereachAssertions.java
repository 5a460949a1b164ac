package io.kubereach.assertj;

import io.kubereach.ReachabilityIndex;

/**
 * Entry point of the kubereach assertions. Meant for static import next to AssertJ's {@code
 * Assertions}.
 *
 * <pre>{@code
 * import static io.kubereach.assertj.KubereachAssertions.assertThat;
 *
 * ReachabilityIndex index = Reachability.index(cluster);
 * assertThat(index).workload("shop/web").canReach("shop/api").on(Port.tcp(8080));
 * }</pre>
 */
public final class KubereachAssertions {
  private KubereachAssertions() {}

  /** Assertions about {@code actual}; each failed assertion throws at once. */
  public static ReachabilityIndexAssert assertThat(ReachabilityIndex actual) {
    return new ReachabilityIndexAssert(actual);
  }
}
