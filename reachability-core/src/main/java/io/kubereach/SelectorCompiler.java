package io.kubereach;

import io.kubereach.model.LabelSelector;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Peer;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Rule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles every distinct selector once to a bitset over label profiles (S7, S7a, S8). A profile is
 * a distinct (namespace, labels) pair: replicas share one, so selectors are evaluated once per
 * profile, not once per pod.
 */
final class SelectorCompiler {
  /** Profile of each analysis pod. */
  final int[] profileOfPod;

  /** Number of profiles. */
  final int profiles;

  /** Every compiled selection, a bitset over profiles. */
  final List<BitSet> selections = new ArrayList<>();

  /** The selection of each policy's podSelector, by policy index. */
  final int[] policySelection;

  private final List<String> namespaceOfProfile = new ArrayList<>();
  private final List<Map<String, String>> labelsOfProfile = new ArrayList<>();
  private final Map<String, List<Integer>> profilesByNamespace = new HashMap<>();
  private final Map<List<Object>, Integer> ids = new HashMap<>();
  private final Topology topology;

  SelectorCompiler(Topology topology) {
    this.topology = topology;
    Map<List<Object>, Integer> profileIds = new HashMap<>();
    profileOfPod = new int[topology.pods.size()];
    for (AnalysisPod pod : topology.pods) {
      List<Object> key = List.of(pod.namespace(), pod.labels());
      Integer id = profileIds.get(key);
      if (id == null) {
        id = namespaceOfProfile.size();
        profileIds.put(key, id);
        namespaceOfProfile.add(pod.namespace());
        labelsOfProfile.add(pod.labels());
        profilesByNamespace.computeIfAbsent(pod.namespace(), n -> new ArrayList<>()).add(id);
      }
      profileOfPod[pod.index()] = id;
    }
    profiles = namespaceOfProfile.size();
    List<NetworkPolicy> policies = topology.snapshot.policies();
    policySelection = new int[policies.size()];
    for (int i = 0; i < policies.size(); i++) {
      NetworkPolicy p = policies.get(i);
      // S2: a policy selects pods of its own namespace only.
      policySelection[i] = inNamespace(p.namespace(), Optional.of(p.podSelector()));
      for (PolicyType direction : PolicyType.values()) {
        for (Rule rule : p.rules(direction)) {
          for (Peer peer : rule.peers()) {
            if (peer instanceof PodPeer pp) {
              peer(p.namespace(), pp);
            }
          }
        }
      }
    }
  }

  /**
   * The selection of a pod peer of a policy in {@code policyNamespace} (S7). Every peer of the
   * snapshot is compiled by the constructor; later calls only look up.
   */
  int peer(String policyNamespace, PodPeer peer) {
    if (peer.namespaceSelector().isEmpty()) {
      // S7: podSelector alone means the policy's namespace.
      return inNamespace(policyNamespace, peer.podSelector());
    }
    LabelSelector namespaces = peer.namespaceSelector().get();
    List<Object> key = List.of("namespaces", namespaces, peer.podSelector());
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    BitSet bits = new BitSet(profiles);
    for (Map.Entry<String, List<Integer>> e : profilesByNamespace.entrySet()) {
      // S8: namespace labels include the name label.
      if (namespaces.matches(topology.namespaceLabels(e.getKey()))) {
        for (int profile : e.getValue()) {
          if (peer.podSelector().map(s -> s.matches(labelsOfProfile.get(profile))).orElse(true)) {
            bits.set(profile);
          }
        }
      }
    }
    return register(key, bits);
  }

  private int inNamespace(String namespace, Optional<LabelSelector> selector) {
    List<Object> key = List.of("namespace", namespace, selector);
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    BitSet bits = new BitSet(profiles);
    for (int profile : profilesByNamespace.getOrDefault(namespace, List.of())) {
      if (selector.map(s -> s.matches(labelsOfProfile.get(profile))).orElse(true)) {
        bits.set(profile);
      }
    }
    return register(key, bits);
  }

  private int register(List<Object> key, BitSet bits) {
    int id = selections.size();
    selections.add(bits);
    ids.put(key, id);
    return id;
  }
}
