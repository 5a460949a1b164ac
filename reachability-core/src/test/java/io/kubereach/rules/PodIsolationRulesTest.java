package io.kubereach.rules;

import static io.kubereach.rules.Clusters.PAYMENTS_NO_EGRESS;
import static io.kubereach.rules.Clusters.SHOP_INTERNAL;
import static io.kubereach.rules.Clusters.shop;
import static io.kubereach.rules.IsolationRules.pods;
import static io.kubereach.rules.IsolationRules.workloads;
import static io.kubereach.testing.Build.pod;
import static io.kubereach.testing.Build.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Owner;
import io.kubereach.model.PolicyType;
import org.junit.jupiter.api.Test;

/** Every pod isolated for ingress or egress (S1, S2), at workload and at pod granularity. */
class PodIsolationRulesTest {

  @Test
  void ingressIsolationListsEveryWorkloadNoPolicySelects() {
    // S1: checkout has no policy; payments and shop are selected for ingress.
    ReachabilityIndex index = Reachability.index(shop(SHOP_INTERNAL));
    assertThat(
            workloads()
                .should()
                .beIsolatedForIngress()
                .because("zero trust")
                .evaluate(index)
                .report())
        .isEqualTo(
            """
            Rule 'workloads should be isolated for ingress, because zero trust' was violated \
            (1 time):
            checkout/web[Deployment] is not isolated for ingress (no policy selects it)""");
  }

  @Test
  void egressIsolationIgnoresIngressOnlyPolicies() {
    // S2/S3: allow-checkout has no policyTypes and no egress rule, so it isolates ingress only.
    ReachabilityIndex index = Reachability.index(shop(SHOP_INTERNAL));
    assertThat(
            workloads()
                .that()
                .areInNamespace("payments", "shop")
                .should()
                .beIsolatedForEgress()
                .evaluate(index)
                .violations())
        .extracting(Violation::describe)
        .containsExactly(
            "payments/api[Deployment] is not isolated for egress (no policy selects it)");
  }

  @Test
  void holdsWhenEveryPodIsSelectedInThatDirection() {
    ReachabilityIndex index = Reachability.index(shop(SHOP_INTERNAL, PAYMENTS_NO_EGRESS));
    assertThatCode(
            () ->
                workloads()
                    .that()
                    .areInNamespace("payments", "shop")
                    .should()
                    .beIsolatedForEgress()
                    .check(index))
        .doesNotThrowAnyException();
  }

  /** Two pods of one ReplicaSet, only one of them selected by the egress policy. */
  private static ReachabilityIndex replicas() {
    Owner rs = new Owner("ReplicaSet", "web-7d9f");
    return Reachability.index(
        ClusterSnapshot.builder()
            .add(pod("shop", "web-a", "app=web", "canary=true").withOwner(rs))
            .add(pod("shop", "web-b", "app=web").withOwner(rs))
            .add(
                policy("shop", "canary-egress")
                    .select("canary=true")
                    .types(PolicyType.Egress)
                    .build())
            .build());
  }

  @Test
  void namesThePodsOfAnOwnerThatNoPolicySelects() {
    // S15: the pods of one owner are one endpoint; the report says which of them is open.
    assertThat(
            workloads()
                .that()
                .areOfKind("ReplicaSet")
                .should()
                .beIsolatedForEgress()
                .evaluate(replicas())
                .violations())
        .extracting(Violation::describe)
        .containsExactly(
            "shop/web-7d9f[ReplicaSet] is not isolated for egress (no policy selects pod"
                + " shop/web-b)");
  }

  @Test
  void podGranularityReportsEachPodAsItself() {
    EvaluationResult result =
        pods().that().haveLabel("app", "web").should().beIsolatedForEgress().evaluate(replicas());
    assertThat(result.violations())
        .containsExactly(
            new NotIsolatedViolation(
                io.kubereach.model.Endpoint.pod("shop", "web-b"),
                PolicyType.Egress,
                java.util.List.of()));
    assertThat(result.rule()).isEqualTo("pods with label app=web should be isolated for egress");
  }

  @Test
  void labelOfAnOwnerMatchesWhenOneOfItsPodsCarriesIt() {
    assertThat(
            workloads()
                .that()
                .haveLabel("canary", "true")
                .should()
                .beIsolatedForIngress()
                .evaluate(replicas())
                .violations())
        .extracting(Violation::describe)
        .containsExactly(
            "shop/web-7d9f[ReplicaSet] is not isolated for ingress (no policy selects pods"
                + " shop/web-a, shop/web-b)");
  }

  @Test
  void aFilterMatchingNothingIsMisuseNamingTheNamespaces() {
    assertThatThrownBy(
            () ->
                workloads()
                    .that()
                    .areInNamespace("paymnts")
                    .should()
                    .beIsolatedForIngress()
                    .evaluate(Reachability.index(shop())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "rule 'workloads in namespace paymnts should be isolated for ingress' applies to"
                + " nothing: there are no workloads in namespace paymnts; namespaces in this"
                + " snapshot: [checkout, payments, shop]; fix the that() filter");
  }
}
