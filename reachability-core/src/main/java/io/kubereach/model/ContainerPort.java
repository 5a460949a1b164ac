package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A container port of a pod, the target of named ports in policies and services (S10).
 *
 * @param name the port name, if any
 * @param number the port number, 1..65535
 * @param protocol the protocol (TCP when the manifest omits it)
 */
public record ContainerPort(Optional<String> name, int number, Protocol protocol) {

  /** Validates. */
  public ContainerPort {
    requireNonNull(name, "name");
    requireNonNull(protocol, "protocol");
    Port.checkNumber(number, "containerPort");
  }

  /** A named TCP port. */
  public static ContainerPort tcp(String name, int number) {
    return new ContainerPort(Optional.of(name), number, Protocol.TCP);
  }

  /** A named port. */
  public static ContainerPort of(String name, int number, Protocol protocol) {
    return new ContainerPort(Optional.of(name), number, protocol);
  }

  @Override
  public String toString() {
    return name.map(n -> n + "=").orElse("") + protocol + " " + number;
  }
}
