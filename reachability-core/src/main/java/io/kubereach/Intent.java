package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Port;
import java.util.Optional;

/**
 * An expected connection that {@link Reachability#verify} checks like a finding: {@code from} must
 * (or must not) reach {@code to} on {@code port}. An endpoint text that names nothing is itself a
 * finding, so that a gate cannot pass because of a typo.
 *
 * @param from the client, as {@link ReachabilityIndex#resolve} reads it
 * @param to the server, likewise
 * @param port the destination port
 * @param allow whether the connection is expected to be allowed
 * @param location where the intent is written, if it came from a file
 */
public record Intent(
    String from, String to, Port port, boolean allow, Optional<SourceLocation> location) {
  /** Validates. */
  public Intent {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(port, "port");
    requireNonNull(location, "location");
  }

  @Override
  public String toString() {
    return from + " => " + to + " : " + port + (allow ? " allowed" : " denied");
  }
}
