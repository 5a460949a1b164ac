package io.kubereach.assertj;

import static io.kubereach.rules.IsolationRules.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Port;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Soft assertions collect every failure, also of the endpoint and namespace assertions. */
class KubereachSoftAssertionsTest {

  private final ReachabilityIndex index = Shop.index();

  @Test
  void collectsEveryFailureAndReportsThemTogether() {
    KubereachSoftAssertions softly = new KubereachSoftAssertions();
    softly.assertThat(index).workload("shop/web").canReach("shop/api").on(Port.tcp(9090));
    softly.assertThat(index).workload("shop/api").cannotReach("db/pg");
    softly.assertThat(index).namespace("db").isIsolatedFrom(namespace("default"));
    softly.assertThat(index).namespace("shop").isIsolatedFrom(namespace("default"));

    assertThat(softly.errorsCollected())
        .extracting(e -> e.getMessage().lines().findFirst().orElseThrow())
        .containsExactly(
            "Expecting shop/web[Deployment] to reach shop/api[Deployment] on TCP 9090, but TCP"
                + " 9090 is denied (allowed: TCP 8080):",
            "Expecting shop/api[Deployment] not to reach db/pg[StatefulSet], but it can on TCP"
                + " 5432:",
            "Rule 'workloads in namespace shop should be isolated from endpoints in namespace"
                + " default' was violated (3 times):");
    assertThatThrownBy(softly::assertAll)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Multiple Failures (3 failures)")
        .hasMessageContaining("ingress of db/pg[StatefulSet]: isolated by [db/pg-from-api]");
  }

  @Test
  void failedCanReachSkipsThePortChecksThatFollow() {
    KubereachSoftAssertions softly = new KubereachSoftAssertions();
    softly.assertThat(index).workload("shop/web").canReach("db/pg").on(Port.tcp(5432));
    assertThat(softly.errorsCollected()).hasSize(1);
  }

  @Test
  void inheritedAssertionsAreSoftToo() {
    KubereachSoftAssertions softly = new KubereachSoftAssertions();
    softly.assertThat(index).isNull();
    softly.assertThat(index).as("PCI").workload("shop/api").cannotReach("db/pg");
    assertThat(softly.errorsCollected()).hasSize(2);
    assertThat(softly.errorsCollected().get(1)).hasMessageStartingWith("[PCI] Expecting");
  }

  @Test
  void assertSoftlyPassesWhenEverythingHolds() {
    assertThatCode(
            () ->
                KubereachSoftAssertions.assertSoftly(
                    softly -> {
                      softly.assertThat(index).workload("shop/web").canReach("shop/api");
                      softly.assertThat(index).namespace("db").cannotReachExternal();
                    }))
        .doesNotThrowAnyException();
  }

  /** AssertJ's own soft assertions with kubereach's mixed in. */
  static final class MixedSoftAssertions extends SoftAssertions
      implements KubereachSoftAssertionsProvider {}

  @Test
  void mixesIntoAssertJSoftAssertions() {
    MixedSoftAssertions softly = new MixedSoftAssertions();
    softly.assertThat(index).workload("shop/api").cannotReach("db/pg");
    softly.assertThat(1).isEqualTo(2);
    assertThat(softly.errorsCollected()).hasSize(2);
  }
}
