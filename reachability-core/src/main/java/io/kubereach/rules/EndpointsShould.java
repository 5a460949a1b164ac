package io.kubereach.rules;

/**
 * What every subject must satisfy. Connection rules look at the allowed connections of the index at
 * the subjects' granularity ({@link io.kubereach.ReachabilityIndex#connections()} for workloads,
 * {@link io.kubereach.ReachabilityIndex#podConnections()} for pods), external ranges included;
 * connections among the subjects count like any other.
 *
 * <pre>{@code
 * workloads().that().areInNamespace("payments")
 *     .should().onlyBeReachableFrom(namespace("checkout")).onPorts(Port.tcp(443));
 * }</pre>
 */
public interface EndpointsShould {

  /**
   * Every connection into a subject comes from an endpoint matching {@code sources}, and, with
   * {@link ConnectionRule#onPorts}, only on those ports. A violation is a connection from any other
   * endpoint (all its ports), or from a matching one on other ports.
   */
  ConnectionRule onlyBeReachableFrom(EndpointPredicate sources);

  /** No connection into a subject comes from an endpoint matching {@code sources}. */
  ConnectionRule notBeReachableFrom(EndpointPredicate sources);

  /**
   * Every connection out of a subject goes to an endpoint matching {@code destinations}, and, with
   * {@link ConnectionRule#onPorts}, only on those ports.
   */
  ConnectionRule onlyReach(EndpointPredicate destinations);

  /** No connection out of a subject goes to an endpoint matching {@code destinations}. */
  ConnectionRule notReach(EndpointPredicate destinations);

  /**
   * No connection in either direction between a subject and an endpoint matching {@code others}:
   * namespace isolation is {@code workloads().that().areInNamespace("a")
   * .should().beIsolatedFrom(namespace("b"))}.
   */
  ConnectionRule beIsolatedFrom(EndpointPredicate others);

  /** No external address range can reach a subject (no ingress from outside the cluster, S12). */
  ConnectionRule notBeReachableFromExternal();

  /** No subject can reach an external address range (no egress out of the cluster, S12). */
  ConnectionRule notReachExternal();

  /**
   * Every pod a subject stands for is selected by some policy with {@code Ingress} in its types
   * (S2): nothing reaches it by default (S1).
   */
  IsolationRule beIsolatedForIngress();

  /** Likewise for {@code Egress} (S2). */
  IsolationRule beIsolatedForEgress();
}
