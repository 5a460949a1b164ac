package io.kubereach.model;

/** The controllers whose pod template contributes a representative pod to the analysis. */
public enum WorkloadKind {
  /** apps/v1 Deployment. */
  Deployment,
  /** apps/v1 ReplicaSet. */
  ReplicaSet,
  /** v1 ReplicationController. */
  ReplicationController,
  /** apps/v1 StatefulSet. */
  StatefulSet,
  /** apps/v1 DaemonSet. */
  DaemonSet,
  /** batch/v1 Job. */
  Job,
  /** batch/v1 CronJob (its {@code jobTemplate}). */
  CronJob;

  /**
   * The kind named exactly as in a manifest's {@code kind} field.
   *
   * @throws IllegalArgumentException if {@code kind} is not a workload kind
   */
  public static WorkloadKind parse(String kind) {
    for (WorkloadKind k : values()) {
      if (k.name().equals(kind)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "'" + kind + "' is not a workload kind; expected one of " + java.util.List.of(values()));
  }
}
