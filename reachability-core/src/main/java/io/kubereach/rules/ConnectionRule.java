package io.kubereach.rules;

import io.kubereach.model.Port;
import io.kubereach.model.PortSet;

/**
 * A rule about connections that can be narrowed to some ports. Without {@code onPorts} it speaks of
 * every port of every protocol.
 *
 * <pre>{@code
 * workloads().that().areInNamespace("db").should().notBeReachableFrom(namespace("default"))
 *     .onPorts(Port.tcp(5432));
 * }</pre>
 */
public interface ConnectionRule extends IsolationRule {

  /**
   * This rule on the given ports only.
   *
   * @throws IllegalArgumentException if no port is given
   */
  IsolationRule onPorts(Port... ports);

  /**
   * This rule on the given ports only.
   *
   * @throws IllegalArgumentException if {@code ports} is empty
   */
  IsolationRule onPorts(PortSet ports);
}
