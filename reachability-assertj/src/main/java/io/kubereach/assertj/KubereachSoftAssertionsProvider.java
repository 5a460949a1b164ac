package io.kubereach.assertj;

import io.kubereach.ReachabilityIndex;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Adds kubereach's {@code assertThat} to any AssertJ soft assertions class, so that one object
 * collects failures of both.
 *
 * <pre>{@code
 * class MySoftAssertions extends SoftAssertions implements KubereachSoftAssertionsProvider {}
 *
 * MySoftAssertions softly = new MySoftAssertions();
 * softly.assertThat(index).workload("shop/web").cannotReach("shop/db");
 * softly.assertThat(42).isPositive();
 * softly.assertAll();
 * }</pre>
 */
public interface KubereachSoftAssertionsProvider extends SoftAssertionsProvider {

  /**
   * Soft assertions about {@code actual}: a failure, also of the endpoint and namespace assertions
   * reached from it, is collected and reported by {@code assertAll()}.
   */
  default ReachabilityIndexAssert assertThat(ReachabilityIndex actual) {
    return proxy(ReachabilityIndexAssert.class, ReachabilityIndex.class, actual)
        .reportingTo(this::collectAssertionError);
  }
}
