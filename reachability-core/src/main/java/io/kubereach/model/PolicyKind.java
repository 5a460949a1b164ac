package io.kubereach.model;

/** The kinds of policy the analysis reads, by the API kind that names them. */
public enum PolicyKind {
  /** {@code networking.k8s.io/v1} NetworkPolicy: namespaced, the NetworkPolicy tier (S1–S15). */
  NetworkPolicy(true),
  /** {@code policy.networking.k8s.io/v1alpha2} ClusterNetworkPolicy: cluster-scoped, tiered. */
  ClusterNetworkPolicy(false),
  /** {@code policy.networking.k8s.io/v1alpha1} AdminNetworkPolicy: cluster-scoped, Admin tier. */
  AdminNetworkPolicy(false),
  /**
   * {@code policy.networking.k8s.io/v1alpha1} BaselineAdminNetworkPolicy: cluster-scoped, Baseline
   * tier.
   */
  BaselineAdminNetworkPolicy(false);

  private final boolean namespaced;

  PolicyKind(boolean namespaced) {
    this.namespaced = namespaced;
  }

  /** Whether objects of this kind live in a namespace. */
  public boolean namespaced() {
    return namespaced;
  }
}
