package io.kubereach.assertj;

import static java.util.Objects.requireNonNull;

import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortSet;
import java.util.Arrays;

/**
 * Assertions about the ports on which one endpoint reaches another, after {@link
 * EndpointAssert#canReach}. When {@code canReach} itself failed, these checks are skipped: the
 * failure is already reported.
 *
 * <pre>{@code
 * assertThat(index).workload("shop/web").canReach("shop/api")
 *     .on(Port.tcp(8080))
 *     .notOn(Port.tcp(22));
 * }</pre>
 */
public final class ConnectionAssert {
  /** The port explained when nothing is allowed and no port was asked for. */
  static final Port EXAMPLE_PORT = Port.tcp(80);

  private final ReachabilityIndex index;
  private final Endpoint source;
  private final Endpoint destination;
  private final PortSet allowed;
  private final boolean reached;
  private final Failures failures;

  ConnectionAssert(
      ReachabilityIndex index,
      Endpoint source,
      Endpoint destination,
      PortSet allowed,
      boolean reached,
      Failures failures) {
    this.index = index;
    this.source = source;
    this.destination = destination;
    this.allowed = allowed;
    this.reached = reached;
    this.failures = failures;
  }

  /**
   * Verifies that every one of {@code ports} is allowed; the failure explains each denied port.
   *
   * @throws IllegalArgumentException if no port is given
   */
  public ConnectionAssert on(Port... ports) {
    PortSet asked = portSet(ports);
    PortSet denied = asked.difference(allowed);
    if (reached && !denied.isEmpty()) {
      Port first = first(denied);
      failures.fail(
          "Expecting "
              + source
              + " to reach "
              + destination
              + " on "
              + asked
              + ", but "
              + denied
              + " is denied (allowed: "
              + allowed
              + "):\n"
              + index.explain(source, destination, first));
    }
    return this;
  }

  /**
   * Verifies that exactly {@code ports} are allowed, no more and no fewer.
   *
   * @throws IllegalArgumentException if {@code ports} is empty
   */
  public ConnectionAssert onlyOn(PortSet ports) {
    requireNonNull(ports, "ports");
    if (ports.isEmpty()) {
      throw new IllegalArgumentException(
          "onlyOn() needs at least one port; use cannotReach(...) to assert that none is allowed");
    }
    if (reached && !allowed.equals(ports)) {
      PortSet extra = allowed.difference(ports);
      Port first = first(extra.isEmpty() ? ports.difference(allowed) : extra);
      failures.fail(
          "Expecting "
              + source
              + " to reach "
              + destination
              + " on exactly "
              + ports
              + ", but it can on "
              + allowed
              + ":\n"
              + index.explain(source, destination, first));
    }
    return this;
  }

  /** Verifies that exactly {@code ports} are allowed. */
  public ConnectionAssert onlyOn(Port... ports) {
    return onlyOn(portSet(ports));
  }

  /**
   * Verifies that none of {@code ports} is allowed; the failure explains the first one that is.
   *
   * @throws IllegalArgumentException if no port is given
   */
  public ConnectionAssert notOn(Port... ports) {
    PortSet asked = portSet(ports);
    PortSet open = asked.intersection(allowed);
    if (reached && !open.isEmpty()) {
      failures.fail(
          "Expecting "
              + source
              + " not to reach "
              + destination
              + " on "
              + asked
              + ", but it can on "
              + open
              + ":\n"
              + index.explain(source, destination, first(open)));
    }
    return this;
  }

  static PortSet portSet(Port... ports) {
    requireNonNull(ports, "ports");
    if (ports.length == 0) {
      throw new IllegalArgumentException("no port given; pass one, e.g. Port.tcp(8080)");
    }
    return PortSet.of(Arrays.stream(ports).map(PortRange::of).toList());
  }

  /** The port a failure explains: the first port of the first range (protocol order). */
  static Port first(PortSet ports) {
    return ports.ranges().get(0).firstPort();
  }
}
