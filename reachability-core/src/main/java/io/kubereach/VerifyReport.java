package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Limitation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@link Reachability#verify} found, most severe first, and what the analysis could not
 * account for (then the findings are incomplete too: a policy of another API could close what looks
 * open).
 *
 * @param findings the findings, by severity (high first), then check order, then subject
 * @param limitations the index's limitations; empty when the report is complete
 */
public record VerifyReport(List<Finding> findings, List<Limitation> limitations) {

  /** Validates and copies. */
  public VerifyReport {
    findings = List.copyOf(requireNonNull(findings, "findings"));
    limitations = List.copyOf(requireNonNull(limitations, "limitations"));
  }

  /** Whether the report accounts for everything (no limitation). */
  public boolean complete() {
    return limitations.isEmpty();
  }

  /** The findings at or above {@code severity}. */
  public List<Finding> atLeast(Severity severity) {
    return findings.stream().filter(f -> f.severity().compareTo(severity) >= 0).toList();
  }

  /** This report with each finding placed where {@code where} says. */
  public VerifyReport located(Function<Finding, Optional<SourceLocation>> where) {
    return new VerifyReport(findings.stream().map(f -> f.at(where.apply(f))).toList(), limitations);
  }

  /** This report without the findings whose {@link Finding#fingerprint()} is in {@code known}. */
  public VerifyReport without(Set<String> known) {
    return new VerifyReport(
        findings.stream().filter(f -> !known.contains(f.fingerprint())).toList(), limitations);
  }
}
