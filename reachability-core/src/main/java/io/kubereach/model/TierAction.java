package io.kubereach.model;

/**
 * What a matching rule of a cluster-scoped policy does (T3 in docs/semantics.md). The v1alpha1
 * {@code Allow} is {@link #Accept}.
 */
public enum TierAction {
  /** Allowed at this end; no later rule of any tier applies to this direction (T3). */
  Accept,
  /** Denied; no later rule of any tier applies (T3). */
  Deny,
  /** The rest of this tier is skipped; the next tier decides (T3). */
  Pass
}
