package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one rule on one index: the rule's text and every violation, in a stable order
 * (connections in {@code list} order, then endpoints by text). Immutable and thread-safe.
 *
 * <pre>{@code
 * EvaluationResult r = rule.evaluate(index);
 * if (r.hasViolations()) System.out.println(r.report());
 * }</pre>
 *
 * @param rule the rule's description, with its reason
 * @param violations the violations; empty when the rule holds
 */
public record EvaluationResult(String rule, List<Violation> violations) {

  /** Validates and copies. */
  public EvaluationResult {
    requireNonNull(rule, "rule");
    violations = List.copyOf(violations);
  }

  /** Whether the rule is broken. */
  public boolean hasViolations() {
    return !violations.isEmpty();
  }

  /**
   * The failure text: a heading naming the rule and the number of violations, then one line per
   * violation; or a line saying the rule holds.
   *
   * <pre>{@code
   * Rule 'workloads in namespace db should not reach outside the cluster' was violated (1 time):
   * db/pg[StatefulSet] => 0.0.0.0-255.255.255.255[External] : All Connections; egress: ...
   * }</pre>
   */
  public String report() {
    if (violations.isEmpty()) {
      return "Rule '" + rule + "' holds";
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "Rule '%s' was violated (%d %s):",
            rule,
            violations.size(),
            violations.size() == 1 ? "time" : "times"));
    violations.forEach(v -> lines.add(v.describe()));
    return String.join("\n", lines);
  }

  @Override
  public String toString() {
    return report();
  }
}
