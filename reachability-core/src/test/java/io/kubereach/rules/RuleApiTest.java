package io.kubereach.rules;

import static io.kubereach.rules.Clusters.ALLOW_SHOP;
import static io.kubereach.rules.Clusters.shop;
import static io.kubereach.rules.IsolationRules.kind;
import static io.kubereach.rules.IsolationRules.label;
import static io.kubereach.rules.IsolationRules.named;
import static io.kubereach.rules.IsolationRules.namespace;
import static io.kubereach.rules.IsolationRules.workloads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PortSet;
import org.junit.jupiter.api.Test;

/** The fluent surface: predicates, descriptions, results and misuse. */
class RuleApiTest {

  private final ReachabilityIndex index = Reachability.index(shop(ALLOW_SHOP));

  @Test
  void predicatesDescribeThemselvesAndCombine() {
    EndpointPredicate p =
        namespace("shop").and(label("app", "web")).or(named("api").negate()).and(kind("Pod"));
    assertThat(p.description())
        .isEqualTo("in namespace shop and with label app=web or not named api and of kind Pod");
    assertThat(namespace("a", "b").description()).isEqualTo("in namespaces [a, b]");
  }

  @Test
  void predicatesTestWorkloadEndpointsAgainstTheSnapshot() {
    Endpoint api = index.resolve("payments/api");
    assertThat(label("pci", "true").test(api, index)).isTrue();
    assertThat(label("pci", "false").test(api, index)).isFalse();
    assertThat(namespace("payments").test(api, index)).isTrue();
    assertThat(kind("Deployment").test(api, index)).isTrue();
    assertThat(named("api").test(Endpoint.ip("10.0.0.1"), index)).isFalse();
    assertThat(IsolationRules.external().test(Endpoint.ip("10.0.0.1"), index)).isTrue();
  }

  @Test
  void customPredicatesJoinTheRuleText() {
    EndpointPredicate frontends =
        EndpointPredicate.describedAs(
            "serving the shop web", (e, i) -> e.toString().startsWith("shop/web["));
    IsolationRule rule =
        workloads().that(frontends).should().notReach(namespace("payments")).because("tier rule");
    assertThat(rule.description())
        .isEqualTo(
            "workloads serving the shop web should not reach endpoints in namespace payments, because"
                + " tier rule");
    assertThat(rule.evaluate(index).violations())
        .extracting(Violation::describe)
        .containsExactly(
            "shop/web[Deployment] => payments/api[Deployment] : TCP 8080; egress: not isolated (no"
                + " policy selects it); ingress: allowed by payments/allow-shop rule 0");
  }

  @Test
  void checkThrowsTheReportThatEvaluateReturns() {
    IsolationRule rule =
        workloads()
            .that()
            .match(namespace("payments"))
            .should()
            .notBeReachableFrom(namespace("shop"));
    EvaluationResult result = rule.evaluate(index);
    assertThat(result.hasViolations()).isTrue();
    assertThat(result.toString()).isEqualTo(result.report());
    assertThatThrownBy(() -> rule.check(index))
        .isInstanceOf(AssertionError.class)
        .hasMessage(result.report());
  }

  @Test
  void resultsAreImmutable() {
    EvaluationResult result = workloads().should().notBeReachableFromExternal().evaluate(index);
    assertThatThrownBy(() -> result.violations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRuleThatHoldsSaysSo() {
    EvaluationResult result =
        workloads()
            .that()
            .areInNamespace("payments")
            .should()
            .notBeReachableFromExternal()
            .evaluate(index);
    assertThat(result.report())
        .isEqualTo(
            "Rule 'workloads in namespace payments should not be reachable from endpoints outside"
                + " the cluster' holds");
  }

  @Test
  void misuseNamesTheValueAndTheFix() {
    assertThatThrownBy(() -> namespace())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("namespace() needs at least one namespace name, e.g. namespace(\"shop\")");
    assertThatThrownBy(() -> workloads().should().notReach(namespace("a")).onPorts(PortSet.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "onPorts() needs at least one port, e.g. onPorts(Port.tcp(443)); leave it out for all"
                + " ports");
    assertThatThrownBy(() -> workloads().should().beIsolatedForIngress().because(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason must not be blank; pass the exact name");
    assertThatThrownBy(() -> label("", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label key must not be blank; pass the exact name");
  }
}
