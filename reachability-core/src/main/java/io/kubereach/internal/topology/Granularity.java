package io.kubereach.internal.topology;

/** The two ways to cut a cluster into endpoints (S15 in docs/semantics.md). */
public enum Granularity {
  /** A workload as itself, the pods of one controller owner as that owner, other pods alone. */
  WORKLOAD,
  /** Each pod of the snapshot alone, each workload's template as the workload. */
  POD
}
