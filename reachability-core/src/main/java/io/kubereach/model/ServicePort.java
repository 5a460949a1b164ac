package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One port of a Service: clients connect to {@code port}; policies see {@code targetPort} on the
 * selected pods (S14).
 *
 * @param name the port name, if any
 * @param protocol the protocol (TCP when omitted)
 * @param port the Service port, 1..65535
 * @param targetPort the pod port, a number or a container port name (defaults to {@code port})
 */
public record ServicePort(Optional<String> name, Protocol protocol, int port, PortRef targetPort) {

  /** Validates. */
  public ServicePort {
    requireNonNull(name, "name");
    requireNonNull(protocol, "protocol");
    Port.checkNumber(port, "service port");
    requireNonNull(targetPort, "targetPort");
  }

  /** A TCP port whose target is the same number. */
  public static ServicePort tcp(int port) {
    return new ServicePort(Optional.empty(), Protocol.TCP, port, PortRef.of(port));
  }

  @Override
  public String toString() {
    return protocol + " " + port + "->" + targetPort;
  }
}
