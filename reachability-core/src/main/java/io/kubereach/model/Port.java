package io.kubereach.model;

import static java.util.Objects.requireNonNull;

/**
 * One destination port of one protocol, printed as {@code TCP 80}.
 *
 * <pre>{@code Port p = Port.tcp(5432); Port.parse("TCP 5432").equals(p)}</pre>
 *
 * @param protocol the protocol, never null
 * @param number the port number, 1..65535
 */
public record Port(Protocol protocol, int number) {

  /** The lowest valid port number. */
  public static final int MIN = 1;

  /** The highest valid port number. */
  public static final int MAX = 65535;

  /** Validates the port. */
  public Port {
    requireNonNull(protocol, "protocol");
    checkNumber(number, "port");
  }

  /** A TCP port. */
  public static Port tcp(int number) {
    return new Port(Protocol.TCP, number);
  }

  /** A UDP port. */
  public static Port udp(int number) {
    return new Port(Protocol.UDP, number);
  }

  /** An SCTP port. */
  public static Port sctp(int number) {
    return new Port(Protocol.SCTP, number);
  }

  /**
   * Parses {@code PROTO N} (as printed by {@link #toString()}) or a bare number meaning TCP.
   *
   * @throws IllegalArgumentException if the text is not a port
   */
  public static Port parse(String text) {
    String[] parts = text.trim().split("[\\s/]+");
    try {
      if (parts.length == 1) {
        return tcp(Integer.parseInt(parts[0]));
      }
      if (parts.length == 2) {
        return new Port(Protocol.parse(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid port '" + text + "'; expected e.g. 'TCP 80'", e);
    }
    throw new IllegalArgumentException("invalid port '" + text + "'; expected e.g. 'TCP 80'");
  }

  static void checkNumber(int number, String what) {
    if (number < MIN || number > MAX) {
      throw new IllegalArgumentException(what + " " + number + " is not in 1..65535");
    }
  }

  @Override
  public String toString() {
    return protocol + " " + number;
  }
}
