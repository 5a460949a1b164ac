package io.kubereach.internal.semantics;

import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Peer;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every policy of a snapshot in the analysis's normal form (S2–S12 in docs/semantics.md): the one
 * walk over policies, directions and rules, done once; the distinct address sets and named ports
 * that the rules use; and which policies isolate a pod. The engine compiles this form to bitsets;
 * the explanations and warnings read it directly. Immutable.
 */
public final class CompiledPolicies {
  private final List<CompiledPolicy> policies;
  private final List<IpMatcher> matchers;
  private final List<NamedRef> namedRefs;
  private final Map<String, List<CompiledPolicy>> byNamespace;

  private CompiledPolicies(ClusterSnapshot snapshot) {
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
                  ref, direction, i, peers(policy.namespace(), rule, matcherIds), ports));
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
    this.matchers = List.copyOf(matcherIds.keySet());
    this.namedRefs = List.copyOf(refs);
    namespaces.replaceAll((n, list) -> List.copyOf(list));
    this.byNamespace = Map.copyOf(namespaces);
  }

  /** The normal form of a snapshot's policies. */
  public static CompiledPolicies of(ClusterSnapshot snapshot) {
    return new CompiledPolicies(snapshot);
  }

  /** S6: no peers admit everything; S7 selectors; S12 ipBlocks, each distinct one numbered. */
  private static PeerSet peers(String namespace, Rule rule, Map<IpMatcher, Integer> matcherIds) {
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
        IpMatcher m = IpMatcher.of(block);
        int id = matcherIds.computeIfAbsent(m, k -> matcherIds.size());
        networks.add(new PeerSet.Network(id, block.cidr(), m));
      }
    }
    return new PeerSet(false, selections, networks);
  }

  /** Every policy, in snapshot order. */
  public List<CompiledPolicy> all() {
    return policies;
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
      if (policy.isolates(direction)
          && policy
              .subject()
              .matches(pod.namespace(), table.namespaceLabels(pod.namespace()), pod.labels())) {
        out.add(policy);
      }
    }
    return out;
  }
}
