package io.kubereach.assertj;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft kubereach assertions: every failure is collected, and {@link #assertAll()} throws one error
 * listing them all. Works with AssertJ's JUnit extension ({@code @InjectSoftAssertions}) too. Not
 * thread-safe: one instance per test.
 *
 * <pre>{@code
 * KubereachSoftAssertions.assertSoftly(softly -> {
 *   softly.assertThat(index).workload("shop/web").canReach("shop/api").on(Port.tcp(8080));
 *   softly.assertThat(index).namespace("db").isIsolatedFrom(namespace("default"));
 * });
 * }</pre>
 */
public class KubereachSoftAssertions extends AbstractSoftAssertions
    implements KubereachSoftAssertionsProvider {

  /** An empty collector. */
  public KubereachSoftAssertions() {}

  /**
   * Runs {@code softly} and then asserts all: throws one error listing every failure.
   *
   * @throws AssertionError if any assertion inside failed
   */
  public static void assertSoftly(Consumer<KubereachSoftAssertions> softly) {
    SoftAssertionsProvider.assertSoftly(KubereachSoftAssertions.class, softly);
  }
}
