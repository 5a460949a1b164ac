package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import io.kubereach.ReachabilityIndex;
import io.kubereach.model.PolicyType;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every pod a subject stands for is selected by some policy of the direction (S2). */
final class IsolatedRule implements IsolationRule {
  private final Given given;
  private final PolicyType direction;
  private final String reason;

  IsolatedRule(Given given, PolicyType direction, String reason) {
    this.given = given;
    this.direction = direction;
    this.reason = reason;
  }

  @Override
  public String description() {
    return given.description()
        + " should be isolated for "
        + direction.name().toLowerCase(Locale.ROOT)
        + (reason.isEmpty() ? "" : ", because " + reason);
  }

  @Override
  public IsolationRule because(String reason) {
    return new IsolatedRule(given, direction, Predicates.requireText(reason, "reason"));
  }

  @Override
  public EvaluationResult evaluate(ReachabilityIndex index) {
    requireNonNull(index, "index");
    String rule = description();
    List<Violation> out = new ArrayList<>();
    for (WorkloadEndpoint subject : given.subjects(index, rule)) {
      List<Members> open =
          Members.of(index, subject).stream().filter(m -> !m.isolated(index, direction)).toList();
      if (!open.isEmpty()) {
        // Name the pods only when the endpoint stands for pods other than itself (S15).
        boolean self = open.stream().allMatch(m -> standsForItself(subject, m));
        out.add(
            new NotIsolatedViolation(
                subject, direction, self ? List.of() : open.stream().map(Members::name).toList()));
      }
    }
    return new EvaluationResult(rule, out);
  }

  /** A workload's template, or the pod the endpoint names: no need to name it again. */
  private static boolean standsForItself(WorkloadEndpoint subject, Members m) {
    return m.pod().template()
        || (subject.kind().equals("Pod")
            && m.name().equals(subject.namespace() + "/" + subject.name()));
  }

  @Override
  public String toString() {
    return description();
  }
}
