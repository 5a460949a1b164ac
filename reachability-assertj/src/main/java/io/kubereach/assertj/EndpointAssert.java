package io.kubereach.assertj;

import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import io.kubereach.rules.EndpointPredicate;
import io.kubereach.rules.EndpointsShould;
import io.kubereach.rules.EvaluationResult;
import io.kubereach.rules.GivenEndpoints;
import io.kubereach.rules.IsolationRule;
import io.kubereach.rules.IsolationRules;
import java.util.function.Function;

/**
 * Assertions about what one endpoint can reach. Failures carry the explanation: the policies and
 * rules of the source's egress and the destination's ingress (S5).
 *
 * <pre>{@code
 * assertThat(index).workload("shop/web")
 *     .cannotReach("shop/db")
 *     .canReach("shop/api").on(Port.tcp(8080));
 * }</pre>
 */
public final class EndpointAssert {
  private final ReachabilityIndex index;
  private final Endpoint source;
  private final Failures failures;

  EndpointAssert(ReachabilityIndex index, Endpoint source, Failures failures) {
    this.index = index;
    this.source = source;
    this.failures = failures;
  }

  /**
   * Verifies that this endpoint can reach {@code destination} on some port; narrow it with {@link
   * ConnectionAssert#on}.
   *
   * @throws IllegalArgumentException if the text names no endpoint or is ambiguous
   */
  public ConnectionAssert canReach(String destination) {
    return canReach(index.resolve(destination));
  }

  /** Verifies that this endpoint can reach {@code destination} on some port. */
  public ConnectionAssert canReach(Endpoint destination) {
    PortSet allowed = index.allowed(source, destination);
    boolean reached = !allowed.isEmpty();
    if (!reached) {
      failures.fail(
          "Expecting "
              + source
              + " to reach "
              + destination
              + " on some port, but no port is allowed; for example on "
              + ConnectionAssert.EXAMPLE_PORT
              + ":\n"
              + index.explain(source, destination, ConnectionAssert.EXAMPLE_PORT));
    }
    return new ConnectionAssert(index, source, destination, allowed, reached, failures);
  }

  /**
   * Verifies that this endpoint can reach {@code destination} on no port at all.
   *
   * @throws IllegalArgumentException if the text names no endpoint or is ambiguous
   */
  public EndpointAssert cannotReach(String destination) {
    return cannotReach(index.resolve(destination), PortSet.all());
  }

  /**
   * Verifies that this endpoint cannot reach {@code destination} on any of {@code ports}.
   *
   * @throws IllegalArgumentException if the text names no endpoint or no port is given
   */
  public EndpointAssert cannotReach(String destination, Port... ports) {
    return cannotReach(index.resolve(destination), ConnectionAssert.portSet(ports));
  }

  /** Verifies that this endpoint cannot reach {@code destination} on any of {@code ports}. */
  public EndpointAssert cannotReach(Endpoint destination, PortSet ports) {
    PortSet reached = index.allowed(source, destination).intersection(ports);
    if (!reached.isEmpty()) {
      Port first = ConnectionAssert.first(reached);
      failures.fail(
          "Expecting "
              + source
              + " not to reach "
              + destination
              + (ports.isAll() ? "" : " on " + ports)
              + ", but it can on "
              + reached
              + ":\n"
              + index.explain(source, destination, first));
    }
    return this;
  }

  /** Verifies that some policy selects every pod of this endpoint for ingress (S2). */
  public EndpointAssert isIsolatedForIngress() {
    return holds(EndpointsShould::beIsolatedForIngress);
  }

  /** Verifies that some policy selects every pod of this endpoint for egress (S2). */
  public EndpointAssert isIsolatedForEgress() {
    return holds(EndpointsShould::beIsolatedForEgress);
  }

  private EndpointAssert holds(Function<EndpointsShould, IsolationRule> should) {
    if (!(source instanceof WorkloadEndpoint)) {
      throw new IllegalArgumentException(
          source + " is an external range; isolation is about pods and workloads");
    }
    GivenEndpoints given =
        index.endpoints().contains(source) ? IsolationRules.workloads() : IsolationRules.pods();
    EndpointPredicate self =
        EndpointPredicate.describedAs(source.toString(), (e, i) -> e.equals(source));
    EvaluationResult result = should.apply(given.that(self).should()).evaluate(index);
    if (result.hasViolations()) {
      failures.fail(result.report());
    }
    return this;
  }
}
