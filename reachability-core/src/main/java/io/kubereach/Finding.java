package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One result of {@link Reachability#verify}: a check that found something (docs/verify.md).
 *
 * <pre>{@code
 * for (Finding f : Reachability.verify(index).findings()) {
 *   System.out.println(f);   // high unprotected-ingress shop/db[Deployment]: no policy ...
 * }
 * }</pre>
 *
 * @param check the check's stable kebab-case id, e.g. {@code unprotected-ingress}
 * @param severity how much it matters
 * @param subject what it is about: {@code ns/name[Kind]} for an endpoint, {@code ns} for a
 *     namespace, {@code ns/name} for a NetworkPolicy, {@code Kind/name} for a cluster-scoped
 *     policy, {@code intent N} for an intent
 * @param policy the policy it is about, if any
 * @param direction the direction it concerns, if one
 * @param rule the rule index in the policy's list for {@code direction}, if it is about a rule
 * @param evidence what shows it: connections, ports, the rules that cover a redundant one
 * @param location where the subject is written, when the snapshot came from files (see {@code
 *     LoadResult.locations()} in reachability-yaml)
 * @param message what was found and why it matters, in one or two sentences
 */
public record Finding(
    String check,
    Severity severity,
    String subject,
    Optional<PolicyRef> policy,
    Optional<PolicyType> direction,
    OptionalInt rule,
    List<String> evidence,
    Optional<SourceLocation> location,
    String message) {

  /** Validates and copies. */
  public Finding {
    requireNonNull(check, "check");
    requireNonNull(severity, "severity");
    requireNonNull(subject, "subject");
    requireNonNull(policy, "policy");
    requireNonNull(direction, "direction");
    requireNonNull(rule, "rule");
    evidence = List.copyOf(evidence);
    requireNonNull(location, "location");
    requireNonNull(message, "message");
  }

  /** This finding placed at {@code where}. */
  public Finding at(Optional<SourceLocation> where) {
    return new Finding(check, severity, subject, policy, direction, rule, evidence, where, message);
  }

  /** This finding with another severity. */
  public Finding withSeverity(Severity other) {
    return new Finding(check, other, subject, policy, direction, rule, evidence, location, message);
  }

  /**
   * What identifies the finding across runs, for baselines: the check, the subject and the rule
   * (not the message, the evidence or the place).
   */
  public String fingerprint() {
    return check
        + " "
        + subject
        + (rule.isPresent() ? " rule " + rule.getAsInt() : "")
        + direction.map(d -> " " + d).orElse("");
  }

  /** {@code severity check subject[ rule i]: message}. */
  @Override
  public String toString() {
    return severity
        + " "
        + check
        + " "
        + subject
        + (rule.isPresent() ? " rule " + rule.getAsInt() : "")
        + ": "
        + message;
  }
}
