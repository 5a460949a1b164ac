package io.kubereach.internal.semantics;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import java.util.List;

/**
 * One NetworkPolicy in the analysis's normal form: its subject and, per direction it isolates, its
 * rules (S2, S3 in docs/semantics.md: rules of a direction not in its types count for nothing).
 *
 * @param ref its name
 * @param source the policy as the snapshot holds it
 * @param subject the pods it selects (S2)
 * @param ingress its ingress rules, empty unless it isolates ingress
 * @param egress its egress rules, empty unless it isolates egress
 */
public record CompiledPolicy(
    PolicyRef ref,
    NetworkPolicy source,
    Selection subject,
    List<CompiledRule> ingress,
    List<CompiledRule> egress) {

  /** Validates and copies. */
  public CompiledPolicy {
    requireNonNull(ref, "ref");
    requireNonNull(source, "source");
    requireNonNull(subject, "subject");
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }

  /** Whether it isolates the direction (S2, S3). */
  public boolean isolates(PolicyType direction) {
    return source.affects(direction);
  }

  /** The rules of a direction; empty when it does not isolate that direction (S2). */
  public List<CompiledRule> rules(PolicyType direction) {
    return direction == PolicyType.Ingress ? ingress : egress;
  }

  /** Its namespace. */
  public String namespace() {
    return source.namespace();
  }
}
