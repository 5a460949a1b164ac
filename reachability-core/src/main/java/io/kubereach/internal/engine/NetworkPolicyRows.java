package io.kubereach.internal.engine;

import io.kubereach.internal.engine.PeerColumns.Piece;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicy tier (S1–S12, T4 in docs/semantics.md) per direction and subject class: whether
 * some NetworkPolicy isolates the class, and the pieces of the rules of its selecting policies,
 * whose union on a port class is what the tier allows there (S4).
 */
final class NetworkPolicyRows {
  private final Map<PolicyType, boolean[]> isolated = new EnumMap<>(PolicyType.class);
  private final Map<PolicyType, List<List<Piece>>> pieces = new EnumMap<>(PolicyType.class);

  NetworkPolicyRows(
      CompiledPolicies policies,
      ProfileSelections selections,
      PodClasses classes,
      PeerColumns columns) {
    int k = classes.count();
    // Which policies select each profile (S2: the policy's namespace and podSelector).
    List<List<CompiledPolicy>> policiesOfProfile = new ArrayList<>();
    for (int i = 0; i < selections.profiles(); i++) {
      policiesOfProfile.add(new ArrayList<>());
    }
    for (CompiledPolicy policy : policies.all()) {
      BitSet bits = selections.profilesOf(selections.id(policy.subject()));
      for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
        policiesOfProfile.get(i).add(policy);
      }
    }
    for (PolicyType direction : PolicyType.values()) {
      boolean[] iso = new boolean[k];
      List<List<Piece>> ofClass = new ArrayList<>(k);
      for (int c = 0; c < k; c++) {
        List<Piece> out = new ArrayList<>();
        for (CompiledPolicy policy :
            policiesOfProfile.get(selections.profileOf(classes.exemplar(c)))) {
          if (policy.isolates(direction)) {
            iso[c] = true;
            for (CompiledRule rule : policy.rules(direction)) {
              out.addAll(
                  direction == PolicyType.Egress
                      ? columns.egress(rule.peers(), rule.ports())
                      : columns.ingress(rule.peers(), rule.ports(), c));
            }
          }
        }
        ofClass.add(out);
      }
      isolated.put(direction, iso);
      pieces.put(direction, ofClass);
    }
  }

  /** S2: whether some NetworkPolicy isolates the class in that direction. */
  boolean isolated(PolicyType direction, int cls) {
    return isolated.get(direction)[cls];
  }

  /** S4: sets the scratch rows to what the class's rules allow on port class {@code g}. */
  void allowed(PolicyType direction, int cls, int g, long[] classes, long[] ips) {
    PeerColumns.union(pieces.get(direction).get(cls), g, classes, ips);
  }

  /** Whether the class's allowed peers on port class {@code g} include destination {@code d}. */
  boolean admits(PolicyType direction, int cls, int g, int d) {
    for (Piece p : pieces.get(direction).get(cls)) {
      if (Bits.get(p.portClasses(), g) && Bits.get(p.classes(), d)) {
        return true;
      }
    }
    return false;
  }
}
