package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Endpoint;
import io.kubereach.model.PolicyRef;
import java.util.List;
import java.util.Optional;

/**
 * A remark about the input that does not stop the analysis, as data: its kind, the policy it is
 * about (if any), the endpoints it names, and the text. {@link #toString()} is the text; warnings
 * compare by kind, policy and text.
 *
 * <pre>{@code
 * index.warnings().stream()
 *     .filter(w -> w.kind() == Warning.Kind.UNDEFINED_NAMED_PORT)
 *     .forEach(System.err::println);
 * }</pre>
 *
 * @param kind what the warning is about
 * @param policy the policy it is about; empty for warnings about pods alone
 * @param subjects the endpoints it names, in input order (all of them, also when the text shortens
 *     the list)
 * @param message the warning as a sentence, citing its rule
 */
public record Warning(
    Kind kind, Optional<PolicyRef> policy, List<Endpoint> subjects, String message) {

  /** What a warning is about. */
  public enum Kind {
    /** A named port that a destination the rule can reach does not define (S10). */
    UNDEFINED_NAMED_PORT,
    /** An ipBlock that could hold pod addresses, while some pods have no known IP (S12). */
    POD_WITHOUT_IP,
    /** Pods of one owner that differ for policy purposes (S15). */
    OWNER_PODS_DIFFER,
    /** {@code nodes} peers while the input holds no Node objects to match (T6). */
    NODES_UNKNOWN
  }

  /** Validates and copies. */
  public Warning {
    requireNonNull(kind, "kind");
    requireNonNull(policy, "policy");
    subjects = List.copyOf(subjects);
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message;
  }
}
