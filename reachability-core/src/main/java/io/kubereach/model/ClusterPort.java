package io.kubereach.model;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a cluster-scoped rule's {@code protocols} (v1alpha1: {@code ports}), T7 in
 * docs/semantics.md: a numbered port or range of one protocol, or a container port name that
 * resolves on the destination pod with that container port's own protocol.
 */
public sealed interface ClusterPort permits ClusterPort.Numbers, ClusterPort.Named {

  /** A single port or an inclusive range of one protocol. */
  static ClusterPort of(PortRange range) {
    return new Numbers(range);
  }

  /** A named port. */
  static ClusterPort named(String name) {
    return new Named(name);
  }

  /**
   * {@code tcp/udp/sctp: {destinationPort: {number | range}}}.
   *
   * @param range the ports
   */
  record Numbers(PortRange range) implements ClusterPort {
    /** Validates. */
    public Numbers {
      requireNonNull(range, "range");
    }

    @Override
    public String toString() {
      return range.toString();
    }
  }

  /**
   * {@code destinationNamedPort} (v1alpha1 {@code namedPort}).
   *
   * @param name the container port name
   */
  record Named(String name) implements ClusterPort {
    /** Validates. */
    public Named {
      Labels.requireName(name, "named port");
    }

    @Override
    public String toString() {
      return "named port " + name;
    }
  }
}
