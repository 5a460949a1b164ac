package io.kubereach.internal.semantics;

import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Node;
import io.kubereach.model.Peer;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Rule;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every policy of a snapshot in the analysis's normal form (S2–S12, T1–T10 in docs/semantics.md):
 * the one walk over policies, directions and rules, done once; the tiered policies in evaluation
 * order; the distinct address sets and named ports that the rules use; and which policies isolate
 * or select a pod. The engine compiles this form to bitsets; the explanations and warnings read it
 * directly. Immutable.
 */
public final class CompiledPolicies {
  private final List<CompiledPolicy> policies;
  private final Map<Tier, List<CompiledTierPolicy>> tiered;
  private final List<IpMatcher> matchers;
  private final List<NamedRef> namedRefs;
  private final Map<String, List<CompiledPolicy>> byNamespace;

  /**
   * The matcher of each ipBlock these policies use, by the block: parsing the CIDRs was most of
   * compiling the policies (a third of a what-if at 100k pods, docs/benchmarks.md), thousands of
   * policies repeat a few blocks, and a what-if starts from the previous index's.
   */
  private final Map<IpBlockPeer, IpMatcher> matcherOfBlock;

  /**
   * @param knownBlocks matchers parsed before; only those these policies use are kept, so that a
   *     chain of what-ifs does not keep every block it ever saw
   */
  private CompiledPolicies(ClusterSnapshot snapshot, Map<IpBlockPeer, IpMatcher> knownBlocks) {
    Map<IpBlockPeer, IpMatcher> blocks = new HashMap<>();
    Map<IpMatcher, Integer> matcherIds = new LinkedHashMap<>();
    Set<NamedRef> refs = new LinkedHashSet<>();
    List<CompiledPolicy> all = new ArrayList<>();
    Map<String, List<CompiledPolicy>> namespaces = new HashMap<>();
    for (NetworkPolicy policy : snapshot.policies()) {
      PolicyRef ref = PolicyRef.of(policy);
      Map<PolicyType, List<CompiledRule>> rules = new HashMap<>();
      for (PolicyType direction : PolicyType.values()) {
        List<CompiledRule> compiled = new ArrayList<>();
        List<Rule> list = policy.rules(direction); // S2: empty unless in its types
        for (int i = 0; i < list.size(); i++) {
          Rule rule = list.get(i);
          PortMatch ports = PortMatch.of(rule.ports());
          refs.addAll(ports.named());
          compiled.add(
              new CompiledRule(
                  ref,
                  direction,
                  i,
                  peers(policy.namespace(), rule, matcherIds, blocks, knownBlocks),
                  ports));
        }
        rules.put(direction, compiled);
      }
      CompiledPolicy c =
          new CompiledPolicy(
              ref,
              policy,
              Selection.subjectOf(policy),
              rules.get(PolicyType.Ingress),
              rules.get(PolicyType.Egress));
      all.add(c);
      namespaces.computeIfAbsent(policy.namespace(), n -> new ArrayList<>()).add(c);
    }
    this.policies = List.copyOf(all);
    Map<Tier, List<CompiledTierPolicy>> tiers = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      tiers.put(tier, new ArrayList<>());
    }
    for (ClusterNetworkPolicy policy : snapshot.clusterPolicies()) {
      CompiledTierPolicy c = tiered(policy, snapshot.nodes(), matcherIds, refs);
      tiers.get(policy.tier()).add(c);
    }
    tiers.replaceAll((t, list) -> list.stream().sorted(CompiledTierPolicy.ORDER).toList());
    this.tiered = tiers;
    this.matchers = List.copyOf(matcherIds.keySet());
    this.namedRefs = List.copyOf(refs);
    namespaces.replaceAll((n, list) -> List.copyOf(list));
    this.byNamespace = Map.copyOf(namespaces);
    this.matcherOfBlock = Map.copyOf(blocks);
  }

  /** T5, T6, T7, T10: a tiered policy's subject and rules. */
  private static CompiledTierPolicy tiered(
      ClusterNetworkPolicy policy,
      List<Node> nodes,
      Map<IpMatcher, Integer> matcherIds,
      Set<NamedRef> refs) {
    PolicyRef ref = PolicyRef.of(policy);
    Map<PolicyType, List<TierRule>> rules = new EnumMap<>(PolicyType.class);
    for (PolicyType direction : PolicyType.values()) {
      List<TierRule> compiled = new ArrayList<>();
      List<ClusterRule> list = policy.rules(direction);
      for (int i = 0; i < list.size(); i++) {
        ClusterRule rule = list.get(i);
        boolean unknown = rule.peers().stream().anyMatch(p -> p instanceof ClusterPeer.Unknown);
        if (unknown && rule.action() != TierAction.Accept) {
          // T10: a Deny or Pass rule with a peer of a newer API fails closed: deny everything.
          compiled.add(
              new TierRule(
                  ref,
                  direction,
                  i,
                  rule.name(),
                  TierAction.Deny,
                  PeerSet.everything(),
                  PortMatch.of(List.of()),
                  true));
          continue;
        }
        PortMatch ports = PortMatch.ofTiered(rule.ports());
        refs.addAll(ports.named());
        compiled.add(
            new TierRule(
                ref,
                direction,
                i,
                rule.name(),
                rule.action(),
                tieredPeers(rule, nodes, matcherIds),
                ports,
                unknown));
      }
      rules.put(direction, compiled);
    }
    return new CompiledTierPolicy(
        ref,
        policy,
        Selection.ofTiered(policy.subject()),
        rules.get(PolicyType.Ingress),
        rules.get(PolicyType.Egress));
  }

  /**
   * T6: namespaces and pods peers select pods (never hostNetwork ones); networks and the addresses
   * of matching nodes are address sets held by the first family of a pod (T8); a peer of a newer
   * API admits nothing (T10, Accept rules).
   */
  private static PeerSet tieredPeers(
      ClusterRule rule, List<Node> nodes, Map<IpMatcher, Integer> matcherIds) {
    List<Selection> selections = new ArrayList<>();
    List<PeerSet.Network> networks = new ArrayList<>();
    List<ClusterPeer.DomainNames> domains = new ArrayList<>();
    for (ClusterPeer peer : rule.peers()) {
      if (peer.selectsPods()) {
        selections.add(Selection.ofTiered(peer));
      } else if (peer instanceof ClusterPeer.Networks n) {
        n.cidrs().forEach(c -> networks.add(network(c, IpMatcher.of(c), matcherIds)));
      } else if (peer instanceof ClusterPeer.Nodes n) {
        for (Node node : nodes) {
          if (n.nodes().matches(node.labels())) {
            for (String address : node.addresses()) {
              String cidr = address + (address.contains(":") ? "/128" : "/32");
              networks.add(network(cidr, IpMatcher.of(cidr), matcherIds));
            }
          }
        }
      } else if (peer instanceof ClusterPeer.DomainNames d) {
        domains.add(d);
      }
    }
    return new PeerSet(false, selections, networks, domains);
  }

  private static PeerSet.Network network(
      String cidr, IpMatcher matcher, Map<IpMatcher, Integer> matcherIds) {
    int id = matcherIds.computeIfAbsent(matcher, k -> matcherIds.size());
    return new PeerSet.Network(id, cidr, matcher, PeerSet.PodAddresses.FIRST_FAMILY);
  }

  /** The normal form of a snapshot's policies. */
  public static CompiledPolicies of(ClusterSnapshot snapshot) {
    return new CompiledPolicies(snapshot, Map.of());
  }

  /**
   * The same, for a what-if: the address blocks {@code previous} parsed are not parsed again (the
   * result is the same; a matcher depends on its block alone).
   */
  public static CompiledPolicies of(ClusterSnapshot snapshot, CompiledPolicies previous) {
    return new CompiledPolicies(snapshot, previous.matcherOfBlock);
  }

  /** S6: no peers admit everything; S7 selectors; S12 ipBlocks, each distinct one numbered. */
  private static PeerSet peers(
      String namespace,
      Rule rule,
      Map<IpMatcher, Integer> matcherIds,
      Map<IpBlockPeer, IpMatcher> blocks,
      Map<IpBlockPeer, IpMatcher> knownBlocks) {
    if (rule.peers().isEmpty()) {
      return PeerSet.everything();
    }
    List<Selection> selections = new ArrayList<>();
    List<PeerSet.Network> networks = new ArrayList<>();
    for (Peer peer : rule.peers()) {
      if (peer instanceof PodPeer p) {
        selections.add(Selection.peerOf(namespace, p));
      } else {
        IpBlockPeer block = (IpBlockPeer) peer;
        IpMatcher m =
            blocks.computeIfAbsent(
                block,
                b -> {
                  IpMatcher known = knownBlocks.get(b);
                  return known != null ? known : IpMatcher.of(b);
                });
        int id = matcherIds.computeIfAbsent(m, k -> matcherIds.size());
        networks.add(new PeerSet.Network(id, block.cidr(), m, PeerSet.PodAddresses.ANY_KNOWN_IP));
      }
    }
    return new PeerSet(false, selections, networks, List.of());
  }

  /** Every policy, in snapshot order. */
  public List<CompiledPolicy> all() {
    return policies;
  }

  /** The tiered policies of a tier, in evaluation order (T2, T9). */
  public List<CompiledTierPolicy> tier(Tier tier) {
    return tiered.get(tier);
  }

  /** Every tiered policy, Admin tier first, each tier in evaluation order. */
  public Stream<CompiledTierPolicy> tiered() {
    return Stream.of(Tier.values()).flatMap(t -> tiered.get(t).stream());
  }

  /** Every rule of every tiered policy. */
  public Stream<TierRule> tierRules() {
    return tiered().flatMap(p -> Stream.concat(p.ingress().stream(), p.egress().stream()));
  }

  /**
   * T2, T5: the policies of a tier whose subject selects the pod and that have rules for {@code
   * direction}, in evaluation order.
   */
  public List<CompiledTierPolicy> selecting(
      Tier tier, PolicyType direction, AnalysisPod pod, PodTable table) {
    List<CompiledTierPolicy> out = new ArrayList<>();
    for (CompiledTierPolicy p : tiered.get(tier)) {
      if (!p.rules(direction).isEmpty() && p.subject().selects(pod, table)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Every rule of every policy, in snapshot order, ingress before egress. */
  public Stream<CompiledRule> rules() {
    return policies.stream().flatMap(p -> Stream.concat(p.ingress().stream(), p.egress().stream()));
  }

  /** The distinct address sets of all rules, numbered as {@link PeerSet.Network#id()} says. */
  public List<IpMatcher> matchers() {
    return matchers;
  }

  /** The distinct named ports of all rules. */
  public List<NamedRef> namedRefs() {
    return namedRefs;
  }

  /** The policies of a namespace, in snapshot order. */
  public List<CompiledPolicy> inNamespace(String namespace) {
    return byNamespace.getOrDefault(namespace, List.of());
  }

  /**
   * S2: the policies that select the pod and isolate {@code direction}, in snapshot order; empty
   * when the pod is not isolated in that direction (S1).
   */
  public List<CompiledPolicy> isolating(PolicyType direction, AnalysisPod pod, PodTable table) {
    List<CompiledPolicy> out = new ArrayList<>();
    for (CompiledPolicy policy : inNamespace(pod.namespace())) {
      if (policy.isolates(direction) && policy.subject().selects(pod, table)) {
        out.add(policy);
      }
    }
    return out;
  }
}
