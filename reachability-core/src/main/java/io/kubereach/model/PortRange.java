package io.kubereach.model;

import static java.util.Objects.requireNonNull;

/**
 * An inclusive range of ports of one protocol, printed as {@code TCP 8080-8090} or {@code TCP 80}.
 *
 * @param protocol the protocol, never null
 * @param first the first port, 1..65535
 * @param last the last port, {@code first..65535}
 */
public record PortRange(Protocol protocol, int first, int last) {

  /** Validates the range. */
  public PortRange {
    requireNonNull(protocol, "protocol");
    Port.checkNumber(first, "port");
    Port.checkNumber(last, "endPort");
    if (last < first) {
      throw new IllegalArgumentException(
          "endPort " + last + " is less than port " + first + "; endPort must be >= port");
    }
  }

  /**
   * The record's own hash is {@code 961·protocol + 32·port} for a single port, whose low bits
   * hardly vary: hash maps of single-port ranges (the engine's port atoms) fell into a few buckets.
   */
  @Override
  public int hashCode() {
    int h = protocol.ordinal() * 0x9E3779B1 + first;
    h = h * 0x9E3779B1 + last;
    return h ^ (h >>> 16);
  }

  /** Every port of a protocol. */
  public static PortRange all(Protocol protocol) {
    return new PortRange(protocol, Port.MIN, Port.MAX);
  }

  /** The range holding one port. */
  public static PortRange of(Port port) {
    return new PortRange(port.protocol(), port.number(), port.number());
  }

  /** The range's first port: the one explanations of the whole range are given on. */
  public Port firstPort() {
    return new Port(protocol, first);
  }

  /** Whether {@code port} lies in this range. */
  public boolean contains(Port port) {
    return port.protocol() == protocol && port.number() >= first && port.number() <= last;
  }

  /** The range text without the protocol: {@code 80} or {@code 8080-8090}. */
  public String portsText() {
    return first == last ? Integer.toString(first) : first + "-" + last;
  }

  @Override
  public String toString() {
    return protocol + " " + portsText();
  }
}
