package io.kubereach.model;

import java.util.Locale;

/** A transport protocol that a NetworkPolicy can name. Declared in output order (S&lt;T&lt;U). */
public enum Protocol {
  /** Stream Control Transmission Protocol. */
  SCTP,
  /** Transmission Control Protocol, the default wherever a protocol is omitted (S9). */
  TCP,
  /** User Datagram Protocol. */
  UDP;

  /**
   * Parses a protocol name, ignoring case.
   *
   * <pre>{@code Protocol.parse("udp") == Protocol.UDP}</pre>
   *
   * @throws IllegalArgumentException if {@code text} is not TCP, UDP or SCTP
   */
  public static Protocol parse(String text) {
    switch (text) { // as written in nearly every manifest
      case "TCP":
        return TCP;
      case "UDP":
        return UDP;
      case "SCTP":
        return SCTP;
      default:
        break;
    }
    String upper = text.trim().toUpperCase(Locale.ROOT);
    for (Protocol p : values()) {
      if (p.name().equals(upper)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown protocol '" + text + "'; expected one of TCP, UDP, SCTP");
  }
}
