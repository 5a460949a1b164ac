package io.kubereach.assertj;

import static io.kubereach.assertj.KubereachAssertions.assertThat;
import static io.kubereach.rules.IsolationRules.namespace;
import static io.kubereach.rules.IsolationRules.workloads;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.Namespace;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hard assertions: each passing, then failing with the explanation in the message. */
class KubereachAssertionsTest {

  private final ReachabilityIndex index = Shop.index();

  @Test
  void hasNoFindingsListsWhatVerifyFound() {
    assertThatCode(() -> assertThat(index).hasNoFindings("shadowed-rule", "ambiguous-priority"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(index).hasNoFindings("unprotected-ingress"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expecting verify to find nothing of [unprotected-ingress], but it found")
        .hasMessageContaining("high unprotected-ingress default/debug[Deployment]");
  }

  /** T1–T3: a failure under an admin tier names the tier, the policy, its priority and the rule. */
  @Test
  void aTierDenialNamesTheTierPolicyPriorityAndRule() {
    ClusterNetworkPolicy denyDb =
        new ClusterNetworkPolicy(
            PolicyKind.ClusterNetworkPolicy,
            "protect-db",
            Tier.Admin,
            10,
            new ClusterPeer.Namespaces(
                LabelSelector.matchLabels(Map.of(Namespace.NAME_LABEL, "db"))),
            List.of(
                new ClusterRule(
                    Optional.of("only-api"),
                    TierAction.Deny,
                    List.of(
                        new ClusterPeer.Pods(
                            LabelSelector.everything(),
                            LabelSelector.matchLabels(Map.of("app", "web")))),
                    List.of())),
            List.of());
    ReachabilityIndex tiered = Reachability.index(Shop.cluster().withClusterPolicy(denyDb));
    assertThatThrownBy(() -> assertThat(tiered).workload("shop/web").canReach("db/pg"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "ingress of db/pg[StatefulSet]: admin tier: ClusterNetworkPolicy/protect-db"
                + " (priority 10) rule 0 \"only-api\" denies");
  }

  @Nested
  class CanReach {

    @Test
    void passesOnAnAllowedPort() {
      assertThatCode(
              () ->
                  assertThat(index)
                      .workload("shop/web")
                      .canReach("shop/api")
                      .on(Port.tcp(8080))
                      .onlyOn(Port.tcp(8080))
                      .notOn(Port.tcp(22)))
          .doesNotThrowAnyException();
    }

    @Test
    void failsOnADeniedPortWithTheExplanation() {
      assertThatThrownBy(
              () -> assertThat(index).workload("shop/web").canReach("shop/api").on(Port.tcp(9090)))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Expecting shop/web[Deployment] to reach shop/api[Deployment] on TCP 9090, but TCP \
              9090 is denied (allowed: TCP 8080):
              shop/web[Deployment] => shop/api[Deployment] on TCP 9090: denied
                egress of shop/web[Deployment]: not isolated, no policy selects it for Egress (S1)
                ingress of shop/api[Deployment]: isolated by [shop/api-from-web]; no rule admits \
              shop/web[Deployment] on this port""");
    }

    @Test
    void failsWhenNoPortIsAllowed() {
      assertThatThrownBy(() -> assertThat(index).workload("shop/web").canReach("db/pg"))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Expecting shop/web[Deployment] to reach db/pg[StatefulSet] on some port, but no \
              port is allowed; for example on TCP 80:
              shop/web[Deployment] => db/pg[StatefulSet] on TCP 80: denied
                egress of shop/web[Deployment]: not isolated, no policy selects it for Egress (S1)
                ingress of db/pg[StatefulSet]: isolated by [db/pg-from-api]; no rule admits \
              shop/web[Deployment] on this port""");
    }

    @Test
    void onlyOnFailsWhenMoreIsAllowedAndExplainsTheFirstExtraPort() {
      assertThatThrownBy(
              () ->
                  assertThat(index).workload("shop/api").canReach("shop/web").onlyOn(Port.tcp(80)))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Expecting shop/api[Deployment] to reach shop/web[Deployment] on exactly TCP 80, but \
              it can on All Connections:
              shop/api[Deployment] => shop/web[Deployment] on SCTP 1: allowed
                egress of shop/api[Deployment]: not isolated, no policy selects it for Egress (S1)
                ingress of shop/web[Deployment]: not isolated, no policy selects it for Ingress \
              (S1)""");
    }

    @Test
    void notOnFailsOnAnAllowedPort() {
      assertThatThrownBy(
              () ->
                  assertThat(index).workload("shop/web").canReach("shop/api").notOn(Port.tcp(8080)))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              "Expecting shop/web[Deployment] not to reach shop/api[Deployment] on TCP 8080, but"
                  + " it can on TCP 8080:\n"
                  + "shop/web[Deployment] => shop/api[Deployment] on TCP 8080: allowed\n");
    }
  }

  @Nested
  class CannotReach {

    @Test
    void passesWhenNothingIsAllowed() {
      assertThatCode(
              () ->
                  assertThat(index)
                      .workload("shop/web")
                      .cannotReach("db/pg")
                      .cannotReach("shop/api", Port.tcp(22), Port.udp(53)))
          .doesNotThrowAnyException();
    }

    @Test
    void failsNamingThePolicyRuleThatAllows() {
      assertThatThrownBy(() -> assertThat(index).workload("shop/api").cannotReach("db/pg"))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Expecting shop/api[Deployment] not to reach db/pg[StatefulSet], but it can on TCP \
              5432:
              shop/api[Deployment] => db/pg[StatefulSet] on TCP 5432: allowed
                egress of shop/api[Deployment]: not isolated, no policy selects it for Egress (S1)
                ingress of db/pg[StatefulSet]: isolated by [db/pg-from-api]; allowed by \
              [db/pg-from-api rule 0]""");
    }

    @Test
    void onPortsFailsOnlyForThosePorts() {
      assertThatThrownBy(
              () ->
                  assertThat(index)
                      .workload("shop/api")
                      .cannotReach("db/pg", Port.tcp(5432), Port.tcp(5433)))
          .hasMessageStartingWith(
              "Expecting shop/api[Deployment] not to reach db/pg[StatefulSet] on TCP 5432-5433,"
                  + " but it can on TCP 5432:\n");
    }
  }

  @Nested
  class Namespaces {

    @Test
    void passesWhenIsolated() {
      assertThatCode(
              () ->
                  assertThat(index)
                      .namespace("db")
                      .isIsolatedFrom(namespace("default"))
                      .cannotReachExternal()
                      .isNotReachableFromExternal()
                      .isOnlyReachableFrom(namespace("shop"))
                      .isIsolatedForIngress()
                      .isIsolatedForEgress())
          .doesNotThrowAnyException();
    }

    @Test
    void failsWithEveryViolatingConnectionInBothDirections() {
      assertThatThrownBy(
              () -> assertThat(index).namespace("shop").isIsolatedFrom(namespace("default")))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Rule 'workloads in namespace shop should be isolated from endpoints in namespace \
              default' was violated (3 times):
              default/debug[Deployment] => shop/web[Deployment] : All Connections; egress: not \
              isolated (no policy selects it); ingress: not isolated (no policy selects it)
              shop/api[Deployment] => default/debug[Deployment] : All Connections; egress: not \
              isolated (no policy selects it); ingress: not isolated (no policy selects it)
              shop/web[Deployment] => default/debug[Deployment] : All Connections; egress: not \
              isolated (no policy selects it); ingress: not isolated (no policy selects it)""");
    }

    @Test
    void cannotReachLooksAtOneDirection() {
      assertThatCode(() -> assertThat(index).namespace("db").cannotReach(namespace("shop")))
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> assertThat(index).namespace("shop").cannotReach(namespace("db")))
          .hasMessage(
              """
              Rule 'workloads in namespace shop should not reach endpoints in namespace db' was \
              violated (1 time):
              shop/api[Deployment] => db/pg[StatefulSet] : TCP 5432; egress: not isolated (no \
              policy selects it); ingress: allowed by db/pg-from-api rule 0""");
    }

    @Test
    void unknownNamespaceIsMisuse() {
      assertThatThrownBy(() -> assertThat(index).namespace("dbx"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("namespace 'dbx' is not in this snapshot; namespaces: [shop, db, default]");
    }
  }

  @Test
  void endpointIsolationFailsWithTheRuleReport() {
    assertThatCode(() -> assertThat(index).workload("shop/api").isIsolatedForIngress())
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(index).workload("shop/web").isIsolatedForIngress())
        .hasMessage(
            """
            Rule 'workloads shop/web[Deployment] should be isolated for ingress' was violated \
            (1 time):
            shop/web[Deployment] is not isolated for ingress (no policy selects it)""");
  }

  @Test
  void conformsToChecksRules() {
    assertThatCode(
            () ->
                assertThat(index)
                    .hasNoWarnings()
                    .conformsTo(
                        workloads().that().areInNamespace("db").should().notReachExternal()))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                assertThat(index)
                    .conformsTo(
                        workloads()
                            .that()
                            .areInNamespace("db")
                            .should()
                            .notBeReachableFrom(namespace("shop"))
                            .onPorts(PortSet.parse("TCP 5432"))))
        .hasMessageStartingWith(
            "Rule 'workloads in namespace db should not be reachable from endpoints in namespace"
                + " shop on TCP 5432' was violated (1 time):\n"
                + "shop/api[Deployment] => db/pg[StatefulSet] : TCP 5432;");
  }

  @Test
  void descriptionPrefixesTheMessage() {
    assertThatThrownBy(
            () -> assertThat(index).as("PCI scope").workload("shop/api").cannotReach("db/pg"))
        .hasMessageStartingWith("[PCI scope] Expecting shop/api[Deployment] not to reach");
  }

  @Test
  void unknownEndpointIsMisuse() {
    assertThatThrownBy(() -> assertThat(index).workload("shop/nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop/nope");
  }
}
