package io.kubereach.rules;

/**
 * Where rules start: the subjects ({@link #workloads()}, {@link #pods()}) and the endpoint
 * predicates that name peers. Meant for static import.
 *
 * <pre>{@code
 * import static io.kubereach.rules.IsolationRules.*;
 *
 * workloads().that().areInNamespace("payments")
 *     .should().onlyBeReachableFrom(namespace("checkout")).onPorts(Port.tcp(443))
 *     .because("PCI scope")
 *     .check(index);
 * workloads().that().areInNamespace("db").should().beIsolatedFrom(namespace("default"));
 * pods().should().beIsolatedForIngress();
 * }</pre>
 */
public final class IsolationRules {
  private IsolationRules() {}

  /**
   * Every endpoint of {@link io.kubereach.ReachabilityIndex#endpoints()}: workloads as themselves,
   * pods of one controller owner as that owner, other pods as themselves (S15). Rules look at
   * {@link io.kubereach.ReachabilityIndex#connections()}.
   */
  public static GivenEndpoints workloads() {
    return Given.of(Granularity.WORKLOADS);
  }

  /**
   * Every endpoint of {@link io.kubereach.ReachabilityIndex#podEndpoints()}: each pod as {@code
   * ns/name[Pod]}, each workload as itself. Rules look at {@link
   * io.kubereach.ReachabilityIndex#podConnections()}.
   */
  public static GivenEndpoints pods() {
    return Given.of(Granularity.PODS);
  }

  /**
   * Workloads and pods in one of the namespaces; never an external range.
   *
   * @throws IllegalArgumentException if no name or a blank name is given
   */
  public static EndpointPredicate namespace(String... names) {
    return Predicates.namespace(names);
  }

  /**
   * Workloads and pods with the label {@code key=value} (a workload's template labels; for an
   * endpoint standing for several pods, one of them carries it).
   *
   * @throws IllegalArgumentException if {@code key} is blank
   */
  public static EndpointPredicate label(String key, String value) {
    return Predicates.label(key, value);
  }

  /**
   * Workloads and pods of that name, in any namespace.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static EndpointPredicate named(String name) {
    return Predicates.named(name);
  }

  /**
   * Workloads and pods of that kind as printed ({@code Deployment}, {@code ReplicaSet}, {@code
   * Pod}…).
   *
   * @throws IllegalArgumentException if {@code kind} is blank
   */
  public static EndpointPredicate kind(String kind) {
    return Predicates.kind(kind);
  }

  /** External address ranges (S12). */
  public static EndpointPredicate external() {
    return Predicates.external();
  }
}
