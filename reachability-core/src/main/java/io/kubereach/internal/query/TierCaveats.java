package io.kubereach.internal.query;

import io.kubereach.Caveat;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.query.Explainer.Member;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledTierPolicy;
import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.PeerSet;
import io.kubereach.internal.semantics.TierRule;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * T8 in docs/semantics.md: what a verdict cannot know about pod addresses when tiered policies
 * match networks. A pod without a known IP counts as IPv4, and whether a narrower IPv4 network
 * holds it is outside the manifests; a dual-stack pod answers for its IPv4 address, and its IPv6
 * address may get another answer. Only the egress side can meet either (ingress peers name no
 * networks). Costs nothing when no tiered egress rule has a networks peer.
 */
final class TierCaveats {
  private final PodTable table;
  private final CompiledPolicies policies;
  private final IpMemberships ips;
  private final Explainer explainer;
  private final boolean relevant;

  TierCaveats(PodTable table, CompiledPolicies policies, IpMemberships ips, Explainer explainer) {
    this.table = table;
    this.policies = policies;
    this.ips = ips;
    this.explainer = explainer;
    this.relevant =
        ips.podsMatched()
            && policies
                .tierRules()
                .anyMatch(
                    r -> r.direction() == PolicyType.Egress && !r.peers().networks().isEmpty());
  }

  /** Whether some pod without a known IP could meet a narrower IPv4 network (T8). */
  boolean mayMeetUnknownAddresses() {
    if (!relevant || table.pods().stream().allMatch(p -> !p.ips().isEmpty())) {
      return false;
    }
    return policies
        .tierRules()
        .filter(r -> r.direction() == PolicyType.Egress)
        .flatMap(r -> r.peers().networks().stream())
        .anyMatch(n -> !n.matcher().cidr().v6() && !n.matcher().isWholeFamily());
  }

  /** The caveats of one question; empty unless a tiered egress rule has a networks peer. */
  List<Caveat> of(EndpointMembers source, EndpointMembers destination, Port port) {
    if (!relevant
        || !(source instanceof EndpointMembers.Pods s)
        || !(destination instanceof EndpointMembers.Pods d)) {
      return List.of();
    }
    // Only a server without a known IP, or with two families, can meet either caveat: most
    // checks end here without walking any policy.
    boolean anyConcerned = false;
    for (int q : d.pods()) {
      anyConcerned |= concerned(table.pod(q));
    }
    if (!anyConcerned) {
      return List.of();
    }
    List<Caveat> out = new ArrayList<>();
    for (int p : s.pods()) {
      AnalysisPod client = table.pod(p);
      List<PeerSet.Network> networks = networks(client);
      if (networks.isEmpty()) {
        continue;
      }
      for (int q : d.pods()) {
        AnalysisPod server = table.pod(q);
        if (!concerned(server)) {
          continue;
        }
        unknown(server, networks).ifPresent(c -> addOnce(out, c));
        otherFamily(client, server, port).ifPresent(c -> addOnce(out, c));
      }
    }
    return List.copyOf(out);
  }

  /** T8: a pod without a known IP, or a dual-stack one. */
  private static boolean concerned(AnalysisPod server) {
    return server.ips().isEmpty() || IpMemberships.otherFamilyAddress(server).isPresent();
  }

  private static void addOnce(List<Caveat> out, Caveat c) {
    if (!out.contains(c)) {
      out.add(c);
    }
  }

  /** The networks of the egress rules of the tiered policies that select the client. */
  private List<PeerSet.Network> networks(AnalysisPod client) {
    List<PeerSet.Network> out = new ArrayList<>();
    for (Tier tier : Tier.values()) {
      for (CompiledTierPolicy policy : policies.selecting(tier, PolicyType.Egress, client, table)) {
        for (TierRule rule : policy.egress()) {
          out.addAll(rule.peers().networks());
        }
      }
    }
    return out;
  }

  private Optional<Caveat> unknown(AnalysisPod server, List<PeerSet.Network> networks) {
    List<String> unknown =
        networks.stream().filter(n -> ips.unknown(server, n)).map(PeerSet.Network::cidr).toList();
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Caveat(
            Caveat.Kind.UNKNOWN_ADDRESS,
            server.endpoint(),
            List.of(server.podEndpoint()),
            server.podEndpoint()
                + " has no known IP: whether networks "
                + unknown.stream().distinct().toList()
                + " hold it is outside the manifests; this answer takes it to be outside (T8)"));
  }

  /** T8: whether the server's other address family would get another egress answer. */
  private Optional<Caveat> otherFamily(AnalysisPod client, AnalysisPod server, Port port) {
    Optional<IpSpace.Address> other = IpMemberships.otherFamilyAddress(server);
    if (other.isEmpty()) {
      return Optional.empty();
    }
    Member first = Member.of(server);
    Member second = Member.as(server, other.get());
    boolean answer = explainer.allows(PolicyType.Egress, client, first, first, port);
    boolean otherAnswer = explainer.allows(PolicyType.Egress, client, second, first, port);
    if (answer == otherAnswer) {
      return Optional.empty();
    }
    IpSpace.Address address = IpMemberships.firstFamilyAddress(server).orElseThrow();
    return Optional.of(
        new Caveat(
            Caveat.Kind.OTHER_FAMILY,
            server.endpoint(),
            List.of(server.podEndpoint()),
            server.podEndpoint()
                + " is dual-stack: this answer is for its address "
                + address
                + "; toward "
                + other.get()
                + " the egress of "
                + client.podEndpoint()
                + " would be "
                + (otherAnswer ? "allowed" : "denied")
                + " (T8)"));
  }
}
