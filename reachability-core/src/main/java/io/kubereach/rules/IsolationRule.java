package io.kubereach.rules;

import io.kubereach.ReachabilityIndex;

/**
 * A property of a cluster that {@link #check} asserts and {@link #evaluate} measures. Rules are
 * immutable and thread-safe; one rule can be checked against many indexes.
 *
 * <pre>{@code
 * IsolationRule rule = workloads().should().beIsolatedForIngress().because("zero trust");
 * rule.check(index);                          // throws AssertionError listing every violation
 * rule.evaluate(index).violations().size();   // or look at them
 * }</pre>
 */
public interface IsolationRule {

  /** The rule as a sentence, e.g. {@code workloads in namespace db should not reach ...}. */
  String description();

  /**
   * This rule with a reason, appended to its description as {@code , because <reason>}.
   *
   * @throws IllegalArgumentException if {@code reason} is blank
   */
  IsolationRule because(String reason);

  /**
   * Evaluates the rule on {@code index}.
   *
   * @throws IllegalArgumentException if the subjects' filter matches no endpoint of the index (most
   *     likely a misspelt name; the message lists the namespaces)
   */
  EvaluationResult evaluate(ReachabilityIndex index);

  /**
   * Asserts the rule on {@code index}.
   *
   * @throws AssertionError listing every violation, one per line, if there is any
   * @throws IllegalArgumentException if the subjects' filter matches no endpoint of the index
   */
  default void check(ReachabilityIndex index) {
    EvaluationResult result = evaluate(index);
    if (result.hasViolations()) {
      throw new AssertionError(result.report());
    }
  }
}
