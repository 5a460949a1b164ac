package io.kubereach.rules;

/**
 * The subjects of a rule before any filter: every workload or every pod of the index.
 *
 * <pre>{@code
 * workloads().should().beIsolatedForIngress();
 * workloads().that().areInNamespace("db").should().notReachExternal();
 * }</pre>
 */
public interface GivenEndpoints {

  /** Starts a filter on the subjects. */
  EndpointsThat that();

  /** The subjects matching {@code predicate}. */
  GivenEndpointsConjunction that(EndpointPredicate predicate);

  /** States what every subject must satisfy. */
  EndpointsShould should();
}
