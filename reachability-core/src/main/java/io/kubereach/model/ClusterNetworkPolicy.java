package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A cluster-scoped, tiered policy (T1–T11 in docs/semantics.md): a {@code
 * policy.networking.k8s.io/v1alpha2} ClusterNetworkPolicy, or a v1alpha1 AdminNetworkPolicy (Admin
 * tier) or BaselineAdminNetworkPolicy (Baseline tier, priority 0) mapped onto the same model
 * ({@code kind} tells which, for names and explanations).
 *
 * <p>Validated as the CRDs do: a subject of namespaces or pods; priority 0..1000; at most 25 rules
 * per direction (100 for v1alpha1 kinds); ingress peers only namespaces or pods; an
 * AdminNetworkPolicy is Admin, a BaselineAdminNetworkPolicy is Baseline, named {@code default} and
 * never passes.
 *
 * <pre>{@code
 * ClusterNetworkPolicy denyAll = new ClusterNetworkPolicy(PolicyKind.ClusterNetworkPolicy,
 *     "baseline-deny", Tier.Baseline, 100,
 *     new ClusterPeer.Namespaces(LabelSelector.everything()),
 *     List.of(new ClusterRule(Optional.empty(), TierAction.Deny,
 *         List.of(new ClusterPeer.Namespaces(LabelSelector.everything())), List.of())),
 *     List.of());
 * }</pre>
 *
 * @param kind the API kind it was written as
 * @param name its name (cluster-scoped: unique per kind)
 * @param tier its tier
 * @param priority 0..1000, lower first within the tier (T2)
 * @param subject the pods it applies to: namespaces or pods
 * @param ingress its ingress rules, in order
 * @param egress its egress rules, in order
 */
public record ClusterNetworkPolicy(
    PolicyKind kind,
    String name,
    Tier tier,
    int priority,
    ClusterPeer subject,
    List<ClusterRule> ingress,
    List<ClusterRule> egress) {

  /**
   * The most rules one direction may hold: 25 for a ClusterNetworkPolicy, 100 for the v1alpha1
   * kinds, as their CRDs say.
   */
  public static int maxRules(PolicyKind kind) {
    return kind == PolicyKind.ClusterNetworkPolicy ? 25 : 100;
  }

  /** The highest priority value. */
  public static final int MAX_PRIORITY = 1000;

  /** Validates and copies. */
  public ClusterNetworkPolicy {
    requireNonNull(kind, "kind");
    Labels.requireName(name, "policy name");
    requireNonNull(tier, "tier");
    requireNonNull(subject, "subject");
    ingress = List.copyOf(requireNonNull(ingress, "ingress"));
    egress = List.copyOf(requireNonNull(egress, "egress"));
    if (kind == PolicyKind.NetworkPolicy) {
      throw new IllegalArgumentException(
          "a NetworkPolicy is not cluster-scoped; use NetworkPolicy");
    }
    if (kind == PolicyKind.AdminNetworkPolicy && tier != Tier.Admin) {
      throw new IllegalArgumentException("an AdminNetworkPolicy is in the Admin tier");
    }
    if (kind == PolicyKind.BaselineAdminNetworkPolicy) {
      if (tier != Tier.Baseline) {
        throw new IllegalArgumentException("a BaselineAdminNetworkPolicy is in the Baseline tier");
      }
      if (!name.equals("default")) {
        throw new IllegalArgumentException(
            "a BaselineAdminNetworkPolicy must be named 'default' (there is one per cluster);"
                + " got '"
                + name
                + "'");
      }
      if (java.util.stream.Stream.concat(ingress.stream(), egress.stream())
          .anyMatch(r -> r.action() == TierAction.Pass)) {
        throw new IllegalArgumentException(
            "a BaselineAdminNetworkPolicy has no Pass action; use Allow or Deny");
      }
    }
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority " + priority + " is not in 0.." + MAX_PRIORITY);
    }
    if (!subject.selectsPods()) {
      throw new IllegalArgumentException("a subject selects namespaces or pods; got " + subject);
    }
    int most = maxRules(kind);
    if (ingress.size() > most || egress.size() > most) {
      throw new IllegalArgumentException(
          "at most " + most + " rules per direction are allowed in a " + kind);
    }
    for (ClusterRule r : ingress) {
      for (ClusterPeer p : r.peers()) {
        if (!(p.selectsPods() || p instanceof ClusterPeer.Unknown)) {
          throw new IllegalArgumentException(
              "ingress peers are namespaces or pods; " + p + " can only be an egress peer");
        }
      }
    }
  }

  /** The rules of a direction, in order. */
  public List<ClusterRule> rules(PolicyType direction) {
    return direction == PolicyType.Ingress ? ingress : egress;
  }

  /** This policy with another priority. */
  public ClusterNetworkPolicy withPriority(int newPriority) {
    return new ClusterNetworkPolicy(kind, name, tier, newPriority, subject, ingress, egress);
  }

  /** This policy with other rules of one direction. */
  public ClusterNetworkPolicy withRules(PolicyType direction, List<ClusterRule> rules) {
    return direction == PolicyType.Ingress
        ? new ClusterNetworkPolicy(kind, name, tier, priority, subject, rules, egress)
        : new ClusterNetworkPolicy(kind, name, tier, priority, subject, ingress, rules);
  }

  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
