package io.kubereach.assertj;

import static java.util.Objects.requireNonNull;

import io.kubereach.ReachabilityIndex;
import io.kubereach.Warning;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Namespace;
import io.kubereach.rules.EvaluationResult;
import io.kubereach.rules.IsolationRule;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about a {@link ReachabilityIndex}: pick an endpoint or a namespace and assert what it
 * can reach, or check {@link IsolationRule}s. Endpoints are written as users write them and read by
 * {@link ReachabilityIndex#resolve(String)} ({@code shop/web}, {@code shop/web[Deployment]}, an IP
 * address); an unknown or ambiguous one is misuse and raises {@link IllegalArgumentException}, also
 * in soft mode.
 *
 * <pre>{@code
 * assertThat(index).workload("shop/web").canReach("shop/api").on(Port.tcp(8080));
 * assertThat(index).namespace("db").isIsolatedFrom(namespace("default"));
 * assertThat(index).conformsTo(workloads().should().beIsolatedForIngress());
 * }</pre>
 */
public class ReachabilityIndexAssert
    extends AbstractAssert<ReachabilityIndexAssert, ReachabilityIndex> {

  // Set once, right after construction, by the soft assertions provider (which must build this
  // object through AssertJ's proxy and so cannot pass it to the constructor).
  private Consumer<AssertionError> sink = Failures.THROW;

  /**
   * Assertions about {@code actual}, failing hard. Prefer {@link KubereachAssertions#assertThat}.
   */
  public ReachabilityIndexAssert(ReachabilityIndex actual) {
    super(actual, ReachabilityIndexAssert.class);
  }

  /** Sends the failures of this assertion and of those reached from it to {@code failures}. */
  ReachabilityIndexAssert reportingTo(Consumer<AssertionError> failures) {
    this.sink = requireNonNull(failures, "failures");
    return this;
  }

  private Failures failures() {
    String text = descriptionText();
    return new Failures(sink, text == null ? "" : text);
  }

  /**
   * Assertions about one endpoint, written as in {@link ReachabilityIndex#resolve(String)}: {@code
   * shop/web}, {@code shop/web[Deployment]}, {@code shop/web-0[Pod]} or an IP address.
   *
   * @throws IllegalArgumentException if the text names no endpoint or is ambiguous
   */
  public EndpointAssert workload(String endpoint) {
    isNotNull();
    return new EndpointAssert(
        actual, actual.resolve(requireNonNull(endpoint, "endpoint")), failures());
  }

  /**
   * Assertions about one endpoint of the index.
   *
   * @throws IllegalArgumentException if the index does not know it
   */
  public EndpointAssert endpoint(Endpoint endpoint) {
    isNotNull();
    return new EndpointAssert(actual, requireNonNull(endpoint, "endpoint"), failures());
  }

  /**
   * Assertions about the workloads of one namespace.
   *
   * @throws IllegalArgumentException if the snapshot has no such namespace (the message lists them)
   */
  public NamespaceAssert namespace(String name) {
    isNotNull();
    requireNonNull(name, "name");
    if (actual.snapshot().namespace(name).isEmpty()) {
      throw new IllegalArgumentException(
          "namespace '"
              + name
              + "' is not in this snapshot; namespaces: "
              + actual.snapshot().namespaces().stream().map(Namespace::name).toList());
    }
    return new NamespaceAssert(actual, name, failures());
  }

  /**
   * Verifies that every rule holds; each broken rule fails with its report (every violation on its
   * own line, with the policy rule that allows it).
   */
  public ReachabilityIndexAssert conformsTo(IsolationRule... rules) {
    isNotNull();
    for (IsolationRule rule : rules) {
      EvaluationResult result = rule.evaluate(actual);
      if (result.hasViolations()) {
        failures().fail(result.report());
      }
    }
    return this;
  }

  /** Verifies that the analysis has no warnings (S10, S12, S15); the failure lists them. */
  public ReachabilityIndexAssert hasNoWarnings() {
    isNotNull();
    if (!actual.warnings().isEmpty()) {
      failures()
          .fail(
              "Expecting no warnings, but got:\n"
                  + String.join("\n", actual.warnings().stream().map(Warning::message).toList()));
    }
    return this;
  }

  /**
   * Asserts that {@code verify} (docs/verify.md) finds nothing of the given checks; the failure
   * lists every finding, with its subject and message.
   *
   * <pre>{@code
   * assertThat(index).hasNoFindings("unprotected-ingress", "metadata-egress");
   * }</pre>
   *
   * @throws IllegalArgumentException if a check is unknown
   */
  public ReachabilityIndexAssert hasNoFindings(String... checks) {
    isNotNull();
    io.kubereach.VerifyReport report =
        io.kubereach.Reachability.verify(
            actual, io.kubereach.VerifyOptions.defaults().only(checks));
    if (!report.findings().isEmpty()) {
      StringBuilder sb =
          new StringBuilder(
              "Expecting verify to find nothing of "
                  + java.util.Arrays.toString(checks)
                  + ", but it found "
                  + report.findings().size()
                  + ":");
      report.findings().forEach(f -> sb.append("\n  ").append(f));
      failures().fail(sb.toString());
    }
    return this;
  }
}
