package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Endpoint;
import io.kubereach.model.PortSet;

/**
 * One allowed connection: the ports on which {@code source} can reach {@code destination}. {@link
 * #toString()} prints the {@code list} line grammar (docs/cli.md).
 *
 * <pre>{@code
 * connection.toString(); // "shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432"
 * }</pre>
 *
 * @param source the client end, never null
 * @param destination the server end, never null
 * @param ports the allowed ports, never null or empty
 */
public record Connection(Endpoint source, Endpoint destination, PortSet ports) {

  /** Validates. */
  public Connection {
    requireNonNull(source, "source");
    requireNonNull(destination, "destination");
    requireNonNull(ports, "ports");
    if (ports.isEmpty()) {
      throw new IllegalArgumentException(
          "connection " + source + " => " + destination + " has no ports; leave it out instead");
    }
  }

  @Override
  public String toString() {
    return source + " => " + destination + " : " + ports;
  }
}
