package io.kubereach.model;

/** A direction that a NetworkPolicy isolates (S2). */
public enum PolicyType {
  /** Traffic into the selected pods. */
  Ingress,
  /** Traffic out of the selected pods. */
  Egress;

  /**
   * The type named exactly as in a manifest.
   *
   * @throws IllegalArgumentException for any text other than {@code Ingress} or {@code Egress}
   */
  public static PolicyType parse(String text) {
    for (PolicyType t : values()) {
      if (t.name().equals(text)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown policyType '" + text + "'; expected Ingress or Egress");
  }
}
