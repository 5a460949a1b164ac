package io.kubereach.rules;

/**
 * One filter on the subjects of a rule; filters joined by {@code and()} must all hold.
 *
 * <pre>{@code
 * workloads().that().areInNamespace("shop").and().haveLabel("tier", "db").should()...
 * }</pre>
 */
public interface EndpointsThat {

  /**
   * Subjects in one of the namespaces.
   *
   * @throws IllegalArgumentException if no name or a blank name is given
   */
  GivenEndpointsConjunction areInNamespace(String... namespaces);

  /**
   * Subjects with the label: a workload's template labels, a pod's labels; an endpoint standing for
   * several pods (S15) matches when one of them carries the label.
   */
  GivenEndpointsConjunction haveLabel(String key, String value);

  /** Subjects of that name ({@code web} for {@code shop/web[Deployment]}). */
  GivenEndpointsConjunction areNamed(String name);

  /** Subjects of that kind as printed: {@code Deployment}, {@code ReplicaSet}, {@code Pod}… */
  GivenEndpointsConjunction areOfKind(String kind);

  /** Subjects matching {@code predicate}. */
  GivenEndpointsConjunction match(EndpointPredicate predicate);
}
