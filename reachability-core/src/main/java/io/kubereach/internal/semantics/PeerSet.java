package io.kubereach.internal.semantics;

import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import java.util.List;

/**
 * The peers of one rule (S6, S7, S12 in docs/semantics.md): every peer, or the union of pod
 * selections and address sets. The one place that decides whether a rule's {@code from}/{@code to}
 * admits a pod or an address; the engine compiles the same parts to bitsets.
 *
 * @param all whether the rule lists no peers and so admits every pod and every address (S6)
 * @param selections the pods chosen by selectors (S7)
 * @param networks the address sets (ipBlocks, S7, S12)
 */
public record PeerSet(boolean all, List<Selection> selections, List<Network> networks) {

  /**
   * An address set of a rule, with its index among the snapshot's distinct address sets.
   *
   * @param id its index in {@link CompiledPolicies#matchers()}
   * @param cidr the CIDR as the policy writes it (normalised), for messages
   * @param matcher the addresses
   */
  public record Network(int id, String cidr, IpMatcher matcher) {}

  private static final PeerSet ALL = new PeerSet(true, List.of(), List.of());

  /** Copies. */
  public PeerSet {
    selections = List.copyOf(selections);
    networks = List.copyOf(networks);
  }

  /** S6: the set that admits every peer. */
  public static PeerSet everything() {
    return ALL;
  }

  /**
   * Whether a pod is admitted: S6 all; S7 some selection selects it; S12 some address set holds one
   * of its known IPs (per {@code ips}, which knows the "external only" convention).
   */
  public boolean admits(AnalysisPod pod, PodTable table, IpMemberships ips) {
    if (all) {
      return true;
    }
    for (Selection s : selections) {
      if (s.matches(pod.namespace(), table.namespaceLabels(pod.namespace()), pod.labels())) {
        return true;
      }
    }
    for (Network n : networks) {
      if (ips.holds(pod.index(), n.id())) {
        return true;
      }
    }
    return false;
  }

  /** Whether an external address is admitted: S6 all, or S12 an address set holds it. */
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
