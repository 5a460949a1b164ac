package io.kubereach.internal.semantics;

import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.internal.topology.SameObjects;
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
   * One instance of each distinct selection and port match the policies use (and a what-if's
   * predecessors used): the engine finds them in hash maps, where the same instance compares at
   * once and an equal copy walks label maps. A what-if interns its new policies' selections to
   * these, which its kept policies hold.
   */
  private final Map<Object, Object> canonical;

  /**
   * @param previous the policies of an index this snapshot is a what-if of, or null: a policy
   *     object of both snapshots keeps its normal form when its address sets keep their numbers,
   *     and the blocks it parsed are not parsed again
   */
  private CompiledPolicies(ClusterSnapshot snapshot, CompiledPolicies previous) {
    Numbering numbering = new Numbering(previous);
    List<NetworkPolicy> source = snapshot.policies();
    CompiledPolicy[] kept = previous == null ? null : previous.kept(source);
    List<CompiledPolicy> all = new ArrayList<>(source.size());
    Map<String, List<CompiledPolicy>> namespaces = new HashMap<>();
    for (int i = 0; i < source.size(); i++) {
      NetworkPolicy policy = source.get(i);
      CompiledPolicy c = kept == null ? null : kept[i];
      if (c == null || !numbering.numberedAsBefore(c)) {
        c = numbering.compile(policy);
      }
      all.add(c);
      namespaces.computeIfAbsent(policy.namespace(), n -> new ArrayList<>()).add(c);
    }
    numbering.keepKnownBlocks();
    this.policies = List.copyOf(all);
    Map<Tier, List<CompiledTierPolicy>> tiers = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      tiers.put(tier, new ArrayList<>());
    }
    for (ClusterNetworkPolicy policy : snapshot.clusterPolicies()) {
      CompiledTierPolicy c = numbering.tiered(policy, snapshot.nodes());
      tiers.get(policy.tier()).add(c);
    }
    tiers.replaceAll((t, list) -> list.stream().sorted(CompiledTierPolicy.ORDER).toList());
    this.tiered = tiers;
    this.matchers = List.copyOf(numbering.matcherIds.keySet());
    this.namedRefs = List.copyOf(numbering.refs);
    namespaces.replaceAll((n, list) -> List.copyOf(list));
    this.byNamespace = Map.copyOf(namespaces);
    this.matcherOfBlock = Map.copyOf(numbering.blocks);
    this.canonical = numbering.canonical();
  }

  /** The normal form of each of {@code now} that these compiled (the same object), or null. */
  private CompiledPolicy[] kept(List<NetworkPolicy> now) {
    int[] at = SameObjects.positions(now, policies.stream().map(CompiledPolicy::source).toList());
    CompiledPolicy[] out = new CompiledPolicy[now.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = at[i] < 0 ? null : policies.get(at[i]);
    }
    return out;
  }

  /**
   * The compilation of one snapshot's policies: numbers the distinct address sets and named ports
   * in the order the policies first use them, and interns selections and port matches.
   */
  private static final class Numbering {
    private final Map<IpMatcher, Integer> matcherIds = new LinkedHashMap<>();
    private final Set<NamedRef> refs = new LinkedHashSet<>();
    private final Map<IpBlockPeer, IpMatcher> blocks = new HashMap<>();

    /** What this compilation interned that the previous policies did not. */
    private final Map<Object, Object> interned = new HashMap<>();

    private final CompiledPolicies previous;

    Numbering(CompiledPolicies previous) {
      this.previous = previous;
    }

    /**
     * The one instance of a value equal to {@code value}: the previous policies', or this one's.
     */
    @SuppressWarnings("unchecked")
    private <T> T intern(T value) {
      Object known = previous == null ? null : previous.canonical.get(value);
      if (known == null) {
        known = interned.putIfAbsent(value, value);
      }
      return known == null ? value : (T) known;
    }

    /**
     * Every instance interned by this compilation and the ones it came from. A what-if that adds
     * nothing (a removal) shares the previous map; the few values a chain of what-ifs no longer
     * uses cost less than finding them would.
     */
    Map<Object, Object> canonical() {
      if (previous == null) {
        return interned;
      }
      if (interned.isEmpty()) {
        return previous.canonical;
      }
      Map<Object, Object> all = new HashMap<>(previous.canonical);
      all.putAll(interned);
      return all;
    }

    /** S2, S3, S6–S12: one NetworkPolicy in normal form. */
    CompiledPolicy compile(NetworkPolicy policy) {
      PolicyRef ref = PolicyRef.of(policy);
      Map<PolicyType, List<CompiledRule>> rules = new EnumMap<>(PolicyType.class);
      for (PolicyType direction : PolicyType.values()) {
        List<CompiledRule> compiled = new ArrayList<>();
        List<Rule> list = policy.rules(direction); // S2: empty unless in its types
        for (int i = 0; i < list.size(); i++) {
          Rule rule = list.get(i);
          PortMatch ports = intern(PortMatch.of(rule.ports()));
          refs.addAll(ports.named());
          compiled.add(new CompiledRule(ref, direction, i, peers(policy.namespace(), rule), ports));
        }
        rules.put(direction, compiled);
      }
      return new CompiledPolicy(
          ref,
          policy,
          intern(Selection.subjectOf(policy)),
          rules.get(PolicyType.Ingress),
          rules.get(PolicyType.Egress));
    }

    /**
     * Numbers the address sets and named ports of a policy compiled before, in the order {@link
     * #compile} would: whether each address set got the number it had then, so that the policy's
     * normal form holds as it is (its selections and port matches are interned already). Either way
     * the numbering is what compiling it anew gives.
     */
    boolean numberedAsBefore(CompiledPolicy policy) {
      boolean same = true;
      for (PolicyType direction : PolicyType.values()) {
        for (CompiledRule rule : policy.rules(direction)) {
          refs.addAll(rule.ports().named());
          for (PeerSet.Network n : rule.peers().networks()) {
            same &= matcherIds.computeIfAbsent(n.matcher(), k -> matcherIds.size()) == n.id();
          }
        }
      }
      return same;
    }

    /** S6: no peers admit everything; S7 selectors; S12 ipBlocks, each distinct one numbered. */
    private PeerSet peers(String namespace, Rule rule) {
      if (rule.peers().isEmpty()) {
        return PeerSet.everything();
      }
      List<Selection> selections = new ArrayList<>();
      List<PeerSet.Network> networks = new ArrayList<>();
      for (Peer peer : rule.peers()) {
        if (peer instanceof PodPeer p) {
          selections.add(intern(Selection.peerOf(namespace, p)));
        } else {
          IpBlockPeer block = (IpBlockPeer) peer;
          IpMatcher m = blocks.computeIfAbsent(block, this::parse);
          int id = matcherIds.computeIfAbsent(m, k -> matcherIds.size());
          networks.add(new PeerSet.Network(id, block.cidr(), m, PeerSet.PodAddresses.ANY_KNOWN_IP));
        }
      }
      return new PeerSet(false, selections, networks, List.of());
    }

    /** A block's matcher: parsed, unless the previous policies did. */
    private IpMatcher parse(IpBlockPeer block) {
      IpMatcher known = previous == null ? null : previous.matcherOfBlock.get(block);
      return known != null ? known : IpMatcher.of(block);
    }

    /** The blocks of the policies kept as they were, for the next what-if. */
    void keepKnownBlocks() {
      if (previous != null) {
        previous.matcherOfBlock.forEach(
            (block, matcher) -> {
              if (matcherIds.containsKey(matcher)) {
                blocks.putIfAbsent(block, matcher);
              }
            });
      }
    }

    /** T5, T6, T7, T10: a tiered policy's subject and rules. */
    CompiledTierPolicy tiered(ClusterNetworkPolicy policy, List<Node> nodes) {
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
                  tieredPeers(rule, nodes),
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
     * T6: namespaces and pods peers select pods (never hostNetwork ones); networks and the
     * addresses of matching nodes are address sets held by the first family of a pod (T8); a peer
     * of a newer API admits nothing (T10, Accept rules).
     */
    private PeerSet tieredPeers(ClusterRule rule, List<Node> nodes) {
      List<Selection> selections = new ArrayList<>();
      List<PeerSet.Network> networks = new ArrayList<>();
      List<ClusterPeer.DomainNames> domains = new ArrayList<>();
      for (ClusterPeer peer : rule.peers()) {
        if (peer.selectsPods()) {
          selections.add(Selection.ofTiered(peer));
        } else if (peer instanceof ClusterPeer.Networks n) {
          n.cidrs().forEach(c -> networks.add(network(c, IpMatcher.of(c))));
        } else if (peer instanceof ClusterPeer.Nodes n) {
          for (Node node : nodes) {
            if (n.nodes().matches(node.labels())) {
              for (String address : node.addresses()) {
                String cidr = address + (address.contains(":") ? "/128" : "/32");
                networks.add(network(cidr, IpMatcher.of(cidr)));
              }
            }
          }
        } else if (peer instanceof ClusterPeer.DomainNames d) {
          domains.add(d);
        }
      }
      return new PeerSet(false, selections, networks, domains);
    }

    private PeerSet.Network network(String cidr, IpMatcher matcher) {
      int id = matcherIds.computeIfAbsent(matcher, k -> matcherIds.size());
      return new PeerSet.Network(id, cidr, matcher, PeerSet.PodAddresses.FIRST_FAMILY);
    }
  }

  /** The normal form of a snapshot's policies. */
  public static CompiledPolicies of(ClusterSnapshot snapshot) {
    return new CompiledPolicies(snapshot, null);
  }

  /**
   * The same, for a what-if: the policy objects both snapshots hold keep their normal form where
   * their address sets keep their numbers, and the address blocks {@code previous} parsed are not
   * parsed again (the result is the same; a normal form depends on its policy and the numbering, a
   * matcher on its block alone).
   */
  public static CompiledPolicies of(ClusterSnapshot snapshot, CompiledPolicies previous) {
    return new CompiledPolicies(snapshot, java.util.Objects.requireNonNull(previous, "previous"));
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
