package io.kubereach.model;

/**
 * The tier of a cluster-scoped policy (T1 in docs/semantics.md): the Admin tier decides before the
 * NetworkPolicy tier, the Baseline tier after it.
 */
public enum Tier {
  /** Evaluated first, before NetworkPolicies (AdminNetworkPolicy in v1alpha1). */
  Admin,
  /** Evaluated last, for pods no NetworkPolicy isolates (BaselineAdminNetworkPolicy). */
  Baseline;

  /**
   * The tier named exactly as in a manifest.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static Tier parse(String text) {
    for (Tier t : values()) {
      if (t.name().equals(text)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown tier '" + text + "'; expected Admin or Baseline");
  }
}
