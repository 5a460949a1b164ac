package io.kubereach.model;

/**
 * The controller a pod was stamped from, as named by its {@code ownerReferences} entry with {@code
 * controller: true} (S15). The owner object need not be in the input.
 *
 * @param kind the owner's kind, e.g. {@code ReplicaSet}; {@code Pod} when the reference has none
 * @param name the owner's name
 */
public record Owner(String kind, String name) {

  /** Validates. */
  public Owner {
    Labels.requireName(kind, "owner kind");
    Labels.requireName(name, "owner name");
  }

  @Override
  public String toString() {
    return name + "[" + kind + "]";
  }
}
