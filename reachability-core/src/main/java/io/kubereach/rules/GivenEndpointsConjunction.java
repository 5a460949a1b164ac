package io.kubereach.rules;

/**
 * Filtered subjects: add a filter with {@link #and()} or state the rule with {@link #should()}.
 *
 * <pre>{@code
 * workloads().that().areInNamespace("shop").and().areNamed("db").should().notReachExternal();
 * }</pre>
 */
public interface GivenEndpointsConjunction {

  /** Adds a filter that must hold as well. */
  EndpointsThat and();

  /** States what every subject must satisfy. */
  EndpointsShould should();
}
