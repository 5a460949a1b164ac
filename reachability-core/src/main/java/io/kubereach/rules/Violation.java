package io.kubereach.rules;

/**
 * One way a cluster breaks a rule. {@link #describe()} is its line in the failure report.
 *
 * <pre>{@code
 * for (Violation v : rule.evaluate(index).violations()) {
 *   if (v instanceof ConnectionViolation c) System.out.println(c.source() + " -> " + c.ports());
 * }
 * }</pre>
 */
public sealed interface Violation permits ConnectionViolation, NotIsolatedViolation {

  /** The line of the failure report, naming the endpoints and the cause. */
  String describe();
}
