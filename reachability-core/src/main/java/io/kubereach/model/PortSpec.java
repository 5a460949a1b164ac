package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of a rule's {@code ports}: a protocol and, optionally, a port number or name and an
 * {@code endPort} (S9).
 *
 * <pre>{@code
 * PortSpec.range(Protocol.TCP, 8080, 8090)   // TCP 8080-8090
 * PortSpec.named(Protocol.TCP, "http")       // resolved on the destination pod (S10)
 * PortSpec.all(Protocol.UDP)                 // every UDP port
 * }</pre>
 *
 * @param protocol the protocol (TCP when the manifest omits it)
 * @param port the port number or name; empty means every port of the protocol
 * @param endPort the inclusive end of a range; needs a numeric {@code port} no greater than it
 */
public record PortSpec(Protocol protocol, Optional<PortRef> port, OptionalInt endPort) {

  /** Validates per the Kubernetes API (S9). */
  public PortSpec {
    requireNonNull(protocol, "protocol");
    requireNonNull(port, "port");
    requireNonNull(endPort, "endPort");
    if (endPort.isPresent()) {
      int end = endPort.getAsInt();
      Port.checkNumber(end, "endPort");
      if (!(port.orElse(null) instanceof PortRef.Number n)) {
        throw new IllegalArgumentException(
            "endPort "
                + end
                + " needs a numeric port; got "
                + port.map(Object::toString).orElse("none"));
      }
      if (end < n.number()) {
        throw new IllegalArgumentException(
            "endPort " + end + " is less than port " + n.number() + "; endPort must be >= port");
      }
    }
  }

  /** Every port of {@code protocol}. */
  public static PortSpec all(Protocol protocol) {
    return new PortSpec(protocol, Optional.empty(), OptionalInt.empty());
  }

  /** One numbered port. */
  public static PortSpec number(Protocol protocol, int port) {
    return new PortSpec(protocol, Optional.of(PortRef.of(port)), OptionalInt.empty());
  }

  /** An inclusive range of ports. */
  public static PortSpec range(Protocol protocol, int first, int last) {
    return new PortSpec(protocol, Optional.of(PortRef.of(first)), OptionalInt.of(last));
  }

  /** A named port, resolved on the destination pod (S10). */
  public static PortSpec named(Protocol protocol, String name) {
    return new PortSpec(protocol, Optional.of(PortRef.of(name)), OptionalInt.empty());
  }

  @Override
  public String toString() {
    if (port.isEmpty()) {
      return protocol + " *";
    }
    return protocol + " " + port.get() + (endPort.isPresent() ? "-" + endPort.getAsInt() : "");
  }
}
