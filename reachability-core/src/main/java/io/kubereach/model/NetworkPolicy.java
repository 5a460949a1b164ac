package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A NetworkPolicy. The constructor applies the API's defaulting of {@code policyTypes} (S3): an
 * empty set means "absent" and becomes {@code [Ingress]}, plus {@code Egress} when {@code egress}
 * has at least one rule. Rules of a direction not in {@link #policyTypes()} count for nothing (S2).
 *
 * <pre>{@code
 * NetworkPolicy denyAll = new NetworkPolicy("shop", "deny-all", LabelSelector.everything(),
 *     Set.of(PolicyType.Ingress, PolicyType.Egress), List.of(), List.of());
 * }</pre>
 *
 * @param namespace the policy's namespace
 * @param name the policy name
 * @param podSelector the pods it selects in its namespace ({@code {}} selects all)
 * @param policyTypes the directions it isolates, after defaulting (never empty)
 * @param ingress the ingress rules
 * @param egress the egress rules
 */
public record NetworkPolicy(
    String namespace,
    String name,
    LabelSelector podSelector,
    Set<PolicyType> policyTypes,
    List<Rule> ingress,
    List<Rule> egress) {

  /** Validates, copies and applies S3. */
  public NetworkPolicy {
    Labels.requireName(namespace, "policy namespace");
    Labels.requireName(name, "policy name");
    requireNonNull(podSelector, "podSelector");
    ingress = List.copyOf(requireNonNull(ingress, "ingress"));
    egress = List.copyOf(requireNonNull(egress, "egress"));
    EnumSet<PolicyType> types = EnumSet.noneOf(PolicyType.class);
    types.addAll(requireNonNull(policyTypes, "policyTypes"));
    if (types.isEmpty()) {
      // S3: absent policyTypes means Ingress, plus Egress only if there is an egress rule.
      types.add(PolicyType.Ingress);
      if (!egress.isEmpty()) {
        types.add(PolicyType.Egress);
      }
    }
    policyTypes = java.util.Collections.unmodifiableSet(types);
  }

  /** Whether this policy isolates the given direction (S2). */
  public boolean affects(PolicyType direction) {
    return policyTypes.contains(direction);
  }

  /** The rules of a direction (empty when the policy does not affect that direction, S2). */
  public List<Rule> rules(PolicyType direction) {
    if (!affects(direction)) {
      return List.of();
    }
    return direction == PolicyType.Ingress ? ingress : egress;
  }

  /** This policy with other ingress rules. */
  public NetworkPolicy withIngress(List<Rule> rules) {
    return new NetworkPolicy(namespace, name, podSelector, policyTypes, rules, egress);
  }

  /** This policy with other egress rules. */
  public NetworkPolicy withEgress(List<Rule> rules) {
    return new NetworkPolicy(namespace, name, podSelector, policyTypes, ingress, rules);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
