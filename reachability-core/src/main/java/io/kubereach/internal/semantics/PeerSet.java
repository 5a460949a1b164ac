package io.kubereach.internal.semantics;

import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ClusterPeer;
import java.util.List;

/**
 * The peers of one rule (S6, S7, S12, T6 in docs/semantics.md): every peer, or the union of pod
 * selections, address sets and domain names. The one place that decides whether a rule's {@code
 * from}/{@code to} admits a pod, an address or a domain; the engine compiles the same parts to
 * bitsets.
 *
 * @param all whether the rule lists no peers and so admits every pod and every address (S6)
 * @param selections the pods chosen by selectors (S7, T5)
 * @param networks the address sets (ipBlocks S12, networks and node addresses T6)
 * @param domains the domain names (T6); they admit no pod and no address
 */
public record PeerSet(
    boolean all,
    List<Selection> selections,
    List<Network> networks,
    List<ClusterPeer.DomainNames> domains) {

  /** How an address set matches pods. */
  public enum PodAddresses {
    /** S12: an ipBlock holds a pod when it holds one of its known IPs. */
    ANY_KNOWN_IP,
    /**
     * T8: a networks peer holds a pod when it holds the pod's address of its first family (IPv4
     * where it has both); a pod without a known IP counts as IPv4, held by {@code 0.0.0.0/0} only.
     */
    FIRST_FAMILY
  }

  /**
   * An address set of a rule, with its index among the snapshot's distinct address sets.
   *
   * @param id its index in {@link CompiledPolicies#matchers()}
   * @param cidr the CIDR as the policy writes it (normalised), for messages
   * @param matcher the addresses
   * @param pods how it matches pods
   */
  public record Network(int id, String cidr, IpMatcher matcher, PodAddresses pods) {}

  private static final PeerSet ALL = new PeerSet(true, List.of(), List.of(), List.of());

  /** Copies. */
  public PeerSet {
    selections = List.copyOf(selections);
    networks = List.copyOf(networks);
    domains = List.copyOf(domains);
  }

  /** S6: the set that admits every peer. */
  public static PeerSet everything() {
    return ALL;
  }

  /** Whether the set admits nothing at all (T10: an Accept rule whose peers all failed closed). */
  public boolean isEmpty() {
    return !all && selections.isEmpty() && networks.isEmpty() && domains.isEmpty();
  }

  /**
   * Whether a pod is admitted: S6 all; S7, T5 some selection selects it; S12, T8 some address set
   * holds it (per {@code ips}, which knows the "external only" convention).
   */
  public boolean admits(AnalysisPod pod, PodTable table, IpMemberships ips) {
    if (all) {
      return true;
    }
    for (Selection s : selections) {
      if (s.selects(pod, table)) {
        return true;
      }
    }
    for (Network n : networks) {
      if (ips.holds(pod.index(), n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Like {@link #admits(AnalysisPod, PodTable, IpMemberships)}, with the pod taken to have {@code
   * address} for the networks peers (T8): to ask what the pod's other address family would get.
   */
  public boolean admitsAs(
      AnalysisPod pod, IpSpace.Address address, PodTable table, IpMemberships ips) {
    if (all) {
      return true;
    }
    for (Selection s : selections) {
      if (s.selects(pod, table)) {
        return true;
      }
    }
    for (Network n : networks) {
      boolean held =
          n.pods() == PodAddresses.FIRST_FAMILY
              ? ips.podsMatched() && n.matcher().contains(address)
              : ips.holds(pod.index(), n);
      if (held) {
        return true;
      }
    }
    return false;
  }

  /** Whether an external address is admitted: S6 all, or S12, T6 an address set holds it. */
  public boolean admits(IpSpace.Address address) {
    if (all) {
      return true;
    }
    for (Network n : networks) {
      if (n.matcher().contains(address)) {
        return true;
      }
    }
    return false;
  }
}
