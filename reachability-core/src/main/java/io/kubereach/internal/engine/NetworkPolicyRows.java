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
  private final Map<PolicyType, List<Map<BitSet, long[][]>>> rows = new EnumMap<>(PolicyType.class);

  /** One rule's pieces for one subject class. */
  record RulePieces(CompiledRule rule, List<Piece> pieces) {}

  private final Map<PolicyType, List<List<RulePieces>>> rules = new EnumMap<>(PolicyType.class);
  private final Map<PolicyType, List<List<CompiledPolicy>>> isolatingPolicies =
      new EnumMap<>(PolicyType.class);

  /** The rules of the policies that isolate the class, with their pieces for it. */
  List<RulePieces> rules(PolicyType direction, int cls) {
    return rules.get(direction).get(cls);
  }

  /** The policies that isolate the class in that direction (S2). */
  List<CompiledPolicy> isolating(PolicyType direction, int cls) {
    return isolatingPolicies.get(direction).get(cls);
  }

  /** The empty rows, shared. */
  private final long[][] none;

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
    this.none = new long[][] {Bits.words(k), columns.noIps()};
    for (PolicyType direction : PolicyType.values()) {
      List<Map<BitSet, long[][]>> cacheOfClass = new ArrayList<>(k);
      for (int c = 0; c < k; c++) {
        cacheOfClass.add(new java.util.HashMap<>(4));
      }
      rows.put(direction, cacheOfClass);
      boolean[] iso = new boolean[k];
      List<List<Piece>> ofClass = new ArrayList<>(k);
      List<List<RulePieces>> rulesOfClass = new ArrayList<>(k);
      List<List<CompiledPolicy>> isolatingOfClass = new ArrayList<>(k);
      for (int c = 0; c < k; c++) {
        List<Piece> out = new ArrayList<>();
        List<RulePieces> byRule = new ArrayList<>();
        List<CompiledPolicy> isolating = new ArrayList<>();
        for (CompiledPolicy policy :
            policiesOfProfile.get(selections.profileOf(classes.exemplar(c)))) {
          if (policy.isolates(direction)) {
            iso[c] = true;
            isolating.add(policy);
            for (CompiledRule rule : policy.rules(direction)) {
              List<Piece> ps =
                  direction == PolicyType.Egress
                      ? columns.egress(rule.peers(), rule.ports())
                      : columns.ingress(rule.peers(), rule.ports(), c);
              out.addAll(ps);
              byRule.add(new RulePieces(rule, ps));
            }
          }
        }
        ofClass.add(out);
        rulesOfClass.add(byRule);
        isolatingOfClass.add(isolating);
      }
      isolated.put(direction, iso);
      pieces.put(direction, ofClass);
      rules.put(direction, rulesOfClass);
      isolatingPolicies.put(direction, isolatingOfClass);
    }
  }

  /** S2: whether some NetworkPolicy isolates the class in that direction. */
  boolean isolated(PolicyType direction, int cls) {
    return isolated.get(direction)[cls];
  }

  /**
   * S4: what the class's rules allow on port class {@code g}: {pod classes, IP classes}. The rows
   * depend on {@code g} only through which of the class's pieces hold it, so rows are computed once
   * per such set of pieces and shared: never modify them.
   */
  long[][] allowed(PolicyType direction, int cls, int g) {
    List<Piece> ps = pieces.get(direction).get(cls);
    BitSet active = new BitSet(ps.size());
    for (int i = 0; i < ps.size(); i++) {
      if (Bits.get(ps.get(i).portClasses(), g)) {
        active.set(i);
      }
    }
    if (active.isEmpty()) {
      return none;
    }
    Map<BitSet, long[][]> cache = rows.get(direction).get(cls);
    long[][] known = cache.get(active);
    if (known != null) {
      return known;
    }
    long[] classes = new long[none[0].length];
    long[] ips = new long[none[1].length];
    PeerColumns.union(ps, g, classes, ips);
    long[][] out = {classes, ips};
    cache.put(active, out);
    return out;
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
