package io.kubereach.internal.semantics;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Tier;
import java.util.Comparator;
import java.util.List;

/**
 * One tiered policy in the analysis's normal form (T1, T2, T5 in docs/semantics.md).
 *
 * @param ref its name
 * @param source the policy as the snapshot holds it
 * @param subject the pods it applies to (never hostNetwork pods)
 * @param ingress its ingress rules, in order
 * @param egress its egress rules, in order
 */
public record CompiledTierPolicy(
    PolicyRef ref,
    ClusterNetworkPolicy source,
    Selection subject,
    List<TierRule> ingress,
    List<TierRule> egress) {

  /**
   * T2, T9: the evaluation order within a tier: priority ascending, then (for policies of one
   * priority, whose order upstream leaves to the implementation) by name, then by kind.
   */
  public static final Comparator<CompiledTierPolicy> ORDER =
      Comparator.comparingInt(CompiledTierPolicy::priority)
          .thenComparing(p -> p.ref().name())
          .thenComparing(p -> p.ref().kind());

  /** Validates and copies. */
  public CompiledTierPolicy {
    requireNonNull(ref, "ref");
    requireNonNull(source, "source");
    requireNonNull(subject, "subject");
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }

  /** Its tier. */
  public Tier tier() {
    return source.tier();
  }

  /** Its priority. */
  public int priority() {
    return source.priority();
  }

  /** The rules of a direction, in order; empty when it does not affect that direction (T2). */
  public List<TierRule> rules(PolicyType direction) {
    return direction == PolicyType.Ingress ? ingress : egress;
  }
}
