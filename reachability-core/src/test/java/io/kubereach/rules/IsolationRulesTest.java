package io.kubereach.rules;

import static io.kubereach.rules.Clusters.ALLOW_SHOP;
import static io.kubereach.rules.Clusters.PAYMENTS_NO_EGRESS;
import static io.kubereach.rules.Clusters.SHOP_FROM_CORP;
import static io.kubereach.rules.Clusters.SHOP_INGRESS_INTERNAL;
import static io.kubereach.rules.Clusters.SHOP_INTERNAL;
import static io.kubereach.rules.Clusters.shop;
import static io.kubereach.rules.IsolationRules.external;
import static io.kubereach.rules.IsolationRules.named;
import static io.kubereach.rules.IsolationRules.namespace;
import static io.kubereach.rules.IsolationRules.workloads;
import static io.kubereach.testing.Build.namespaces;
import static io.kubereach.testing.Build.policy;
import static io.kubereach.testing.Build.rule;
import static io.kubereach.testing.Build.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.Explanation.RuleRef;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rule kinds of {@link IsolationRules}, each holding and broken, with the exact report. */
class IsolationRulesTest {

  private static ReachabilityIndex index(NetworkPolicy... policies) {
    return Reachability.index(shop(policies));
  }

  private static final IsolationRule PCI_SCOPE =
      workloads()
          .that()
          .areInNamespace("payments")
          .should()
          .onlyBeReachableFrom(namespace("checkout"))
          .onPorts(Port.tcp(443))
          .because("PCI scope");

  @Nested
  class OnlyBeReachableFrom {

    @Test
    void holdsWhenOnlyTheAllowedSourcesReachOnTheAllowedPorts() {
      assertThatCode(() -> PCI_SCOPE.check(index())).doesNotThrowAnyException();
      assertThat(PCI_SCOPE.evaluate(index()).hasViolations()).isFalse();
    }

    @Test
    void listsEveryOtherSourceWithThePolicyRuleThatAdmitsIt() {
      assertThatThrownBy(() -> PCI_SCOPE.check(index(ALLOW_SHOP)))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              """
              Rule 'workloads in namespace payments should only be reachable from endpoints in \
              namespace checkout on TCP 443, because PCI scope' was violated (2 times):
              shop/cart[Deployment] => payments/api[Deployment] : TCP 8080; egress: not isolated \
              (no policy selects it); ingress: allowed by payments/allow-shop rule 0
              shop/web[Deployment] => payments/api[Deployment] : TCP 8080; egress: not isolated \
              (no policy selects it); ingress: allowed by payments/allow-shop rule 0""");
    }

    @Test
    void flagsAnAllowedSourceOnPortsOutsideOnPorts() {
      NetworkPolicy admin =
          policy("payments", "admin")
              .ingress(rule(List.of(namespaces("kubernetes.io/metadata.name=checkout")), tcp(8443)))
              .build();
      EvaluationResult result = PCI_SCOPE.evaluate(index(admin));
      assertThat(result.violations())
          .extracting(Violation::describe)
          .containsExactly(
              "checkout/web[Deployment] => payments/api[Deployment] : TCP 8443; egress: not"
                  + " isolated (no policy selects it); ingress: allowed by payments/admin rule 0");
    }

    @Test
    void withoutOnPortsAllowsTheSourcesEveryPort() {
      IsolationRule rule =
          workloads()
              .that()
              .areInNamespace("payments")
              .should()
              .onlyBeReachableFrom(namespace("checkout"));
      assertThat(rule.evaluate(index()).violations()).isEmpty();
      assertThat(rule.description())
          .isEqualTo(
              "workloads in namespace payments should only be reachable from endpoints in"
                  + " namespace checkout");
    }
  }

  @Nested
  class NamespaceIsolation {

    private final IsolationRule checkoutApartFromShop =
        workloads().that().areInNamespace("checkout").should().beIsolatedFrom(namespace("shop"));

    @Test
    void holdsWhenNeitherDirectionIsAllowed() {
      assertThat(checkoutApartFromShop.evaluate(index(SHOP_INTERNAL)).violations()).isEmpty();
    }

    @Test
    void listsConnectionsInBothDirections() {
      assertThat(checkoutApartFromShop.evaluate(index()).report())
          .isEqualTo(
              """
              Rule 'workloads in namespace checkout should be isolated from endpoints in \
              namespace shop' was violated (4 times):
              checkout/web[Deployment] => shop/cart[Deployment] : All Connections; egress: not \
              isolated (no policy selects it); ingress: not isolated (no policy selects it)
              checkout/web[Deployment] => shop/web[Deployment] : All Connections; egress: not \
              isolated (no policy selects it); ingress: not isolated (no policy selects it)
              shop/cart[Deployment] => checkout/web[Deployment] : All Connections; egress: not \
              isolated (no policy selects it); ingress: not isolated (no policy selects it)
              shop/web[Deployment] => checkout/web[Deployment] : All Connections; egress: not \
              isolated (no policy selects it); ingress: not isolated (no policy selects it)""");
    }

    @Test
    void notReachLooksAtOneDirectionOnly() {
      ReachabilityIndex index = index(SHOP_INGRESS_INTERNAL);
      IsolationRule checkoutToShop =
          workloads().that().areInNamespace("checkout").should().notReach(namespace("shop"));
      IsolationRule shopToCheckout =
          workloads().that().areInNamespace("shop").should().notReach(namespace("checkout"));

      assertThat(checkoutToShop.evaluate(index).violations()).isEmpty();
      assertThat(shopToCheckout.evaluate(index).violations())
          .extracting(Violation::describe)
          .containsExactly(
              "shop/cart[Deployment] => checkout/web[Deployment] : All Connections; egress: not"
                  + " isolated (no policy selects it); ingress: not isolated (no policy selects"
                  + " it)",
              "shop/web[Deployment] => checkout/web[Deployment] : All Connections; egress: not"
                  + " isolated (no policy selects it); ingress: not isolated (no policy selects"
                  + " it)");
    }

    @Test
    void namesTheRulesOfBothSidesWhenBothAreIsolated() {
      IsolationRule rule =
          workloads()
              .that()
              .areInNamespace("shop")
              .and()
              .areNamed("web")
              .should()
              .notReach(named("cart"))
              .because("the cart talks to the web, not back");
      EvaluationResult result = rule.evaluate(index(SHOP_INTERNAL));

      assertThat(result.report())
          .isEqualTo(
              """
              Rule 'workloads in namespace shop and named web should not reach endpoints named \
              cart, because the cart talks to the web, not back' was violated (1 time):
              shop/web[Deployment] => shop/cart[Deployment] : All Connections; egress: allowed \
              by shop/internal rule 0; ingress: allowed by shop/internal rule 0""");
      ConnectionViolation v = (ConnectionViolation) result.violations().get(0);
      assertThat(v.egressAllowedBy())
          .containsExactly(new RuleRef(PolicyRef.networkPolicy("shop", "internal"), 0));
      assertThat(v.ingressAllowedBy())
          .containsExactly(new RuleRef(PolicyRef.networkPolicy("shop", "internal"), 0));
      assertThat(v.ports()).isEqualTo(PortSet.all());
    }

    @Test
    void onPortsNarrowsTheForbiddenPorts() {
      IsolationRule rule =
          workloads()
              .that()
              .areInNamespace("checkout")
              .should()
              .notReach(namespace("payments"))
              .onPorts(PortSet.parse("TCP 400-500"));
      assertThat(rule.evaluate(index()).violations())
          .extracting(Violation::describe)
          .containsExactly(
              "checkout/web[Deployment] => payments/api[Deployment] : TCP 443; egress: not"
                  + " isolated (no policy selects it); ingress: allowed by payments/allow-checkout"
                  + " rule 0");
      assertThat(
              rule.evaluate(Reachability.index(shop().withoutPolicy("payments", "allow-checkout")))
                  .violations())
          .hasSize(1);
    }
  }

  @Nested
  class External {

    @Test
    void noExternalIngressListsTheAddressRangesThatGetIn() {
      IsolationRule rule =
          workloads().that().areInNamespace("shop").should().notBeReachableFromExternal();
      assertThat(rule.evaluate(index(SHOP_FROM_CORP)).report())
          .isEqualTo(
              """
              Rule 'workloads in namespace shop should not be reachable from endpoints outside \
              the cluster' was violated (2 times):
              10.0.0.0-10.255.255.255[External] => shop/cart[Deployment] : TCP 80; egress: \
              outside the cluster; ingress: allowed by shop/from-corp rule 0
              10.0.0.0-10.255.255.255[External] => shop/web[Deployment] : TCP 80; egress: \
              outside the cluster; ingress: allowed by shop/from-corp rule 0""");
    }

    @Test
    void noExternalIngressHoldsWhenOnlyPodsAreAdmitted() {
      IsolationRule rule =
          workloads().that().areInNamespace("shop").should().notBeReachableFromExternal();
      assertThat(rule.evaluate(index(SHOP_INGRESS_INTERNAL)).hasViolations()).isFalse();
    }

    @Test
    void noExternalEgressFailsForAPodThatIsNotEgressIsolated() {
      IsolationRule rule = workloads().that().haveLabel("pci", "true").should().notReachExternal();
      assertThat(rule.evaluate(index()).report())
          .isEqualTo(
              """
              Rule 'workloads with label pci=true should not reach endpoints outside the \
              cluster' was violated (1 time):
              payments/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections; \
              egress: not isolated (no policy selects it); ingress: outside the cluster""");
      assertThat(rule.evaluate(index(PAYMENTS_NO_EGRESS)).hasViolations()).isFalse();
    }

    @Test
    void externalPredicateMatchesRangesOnly() {
      IsolationRule rule = workloads().that().areInNamespace("shop").should().onlyReach(external());
      // shop reaches checkout and itself, never payments (admits checkout only), and every
      // address: only the pod destinations break the rule.
      assertThat(rule.evaluate(index()).violations())
          .extracting(v -> ((ConnectionViolation) v).destination().toString())
          .containsExactly(
              "checkout/web[Deployment]",
              "shop/web[Deployment]",
              "checkout/web[Deployment]",
              "shop/cart[Deployment]");
    }
  }
}
