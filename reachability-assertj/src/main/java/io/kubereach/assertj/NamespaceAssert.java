package io.kubereach.assertj;

import static java.util.Objects.requireNonNull;

import io.kubereach.ReachabilityIndex;
import io.kubereach.rules.EndpointPredicate;
import io.kubereach.rules.EndpointsShould;
import io.kubereach.rules.EvaluationResult;
import io.kubereach.rules.IsolationRule;
import io.kubereach.rules.IsolationRules;
import java.util.function.Function;

/**
 * Assertions about the workloads of one namespace, backed by {@link IsolationRules}: a failure is
 * the rule's report, one line per violating connection with the policy rule that allows it.
 *
 * <pre>{@code
 * assertThat(index).namespace("db")
 *     .isIsolatedFrom(namespace("default"))
 *     .isNotReachableFromExternal();
 * }</pre>
 */
public final class NamespaceAssert {
  private final ReachabilityIndex index;
  private final String namespace;
  private final Failures failures;

  NamespaceAssert(ReachabilityIndex index, String namespace, Failures failures) {
    this.index = index;
    this.namespace = namespace;
    this.failures = failures;
  }

  /** Verifies that no connection links this namespace and {@code others}, in either direction. */
  public NamespaceAssert isIsolatedFrom(EndpointPredicate others) {
    return holds(s -> s.beIsolatedFrom(requireNonNull(others, "others")));
  }

  /** Verifies that this namespace reaches no endpoint matching {@code destinations}. */
  public NamespaceAssert cannotReach(EndpointPredicate destinations) {
    return holds(s -> s.notReach(requireNonNull(destinations, "destinations")));
  }

  /** Verifies that no endpoint matching {@code sources} reaches this namespace. */
  public NamespaceAssert isNotReachableFrom(EndpointPredicate sources) {
    return holds(s -> s.notBeReachableFrom(requireNonNull(sources, "sources")));
  }

  /**
   * Verifies that only endpoints matching {@code sources} reach this namespace; include the
   * namespace itself to allow its internal traffic.
   */
  public NamespaceAssert isOnlyReachableFrom(EndpointPredicate sources) {
    return holds(s -> s.onlyBeReachableFrom(requireNonNull(sources, "sources")));
  }

  /** Verifies that no external address reaches this namespace (S12). */
  public NamespaceAssert isNotReachableFromExternal() {
    return holds(EndpointsShould::notBeReachableFromExternal);
  }

  /** Verifies that this namespace reaches no external address (S12). */
  public NamespaceAssert cannotReachExternal() {
    return holds(EndpointsShould::notReachExternal);
  }

  /** Verifies that some policy selects every pod of this namespace for ingress (S2). */
  public NamespaceAssert isIsolatedForIngress() {
    return holds(EndpointsShould::beIsolatedForIngress);
  }

  /** Verifies that some policy selects every pod of this namespace for egress (S2). */
  public NamespaceAssert isIsolatedForEgress() {
    return holds(EndpointsShould::beIsolatedForEgress);
  }

  private NamespaceAssert holds(Function<EndpointsShould, IsolationRule> should) {
    EvaluationResult result =
        should
            .apply(IsolationRules.workloads().that().areInNamespace(namespace).should())
            .evaluate(index);
    if (result.hasViolations()) {
      failures.fail(result.report());
    }
    return this;
  }
}
