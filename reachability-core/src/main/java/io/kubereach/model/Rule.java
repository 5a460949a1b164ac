package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One ingress or egress rule: its peers ({@code from} or {@code to}) and ports. An empty peer list
 * matches every peer, an empty port list every port of every protocol (S6).
 *
 * <pre>{@code new Rule(List.of(PodPeer.pods(web)), List.of(PortSpec.number(Protocol.TCP, 80)))}
 * </pre>
 *
 * @param peers the peers; empty means all pods in all namespaces and all addresses
 * @param ports the ports; empty means all ports of all protocols
 */
public record Rule(List<Peer> peers, List<PortSpec> ports) {

  /** Copies. */
  public Rule {
    peers = List.copyOf(requireNonNull(peers, "peers"));
    ports = List.copyOf(requireNonNull(ports, "ports"));
  }

  /** The rule that allows everything: no peers and no ports listed. */
  public static Rule allowAll() {
    return new Rule(List.of(), List.of());
  }

  @Override
  public String toString() {
    return "peers "
        + (peers.isEmpty() ? "all" : peers.toString())
        + " ports "
        + (ports.isEmpty() ? "all" : ports.toString());
  }
}
