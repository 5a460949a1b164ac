package io.kubereach.internal.engine;

import io.kubereach.internal.engine.NetworkPolicyRows.RulePieces;
import io.kubereach.internal.engine.PeerColumns.Piece;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which NetworkPolicies and rules can be removed alone without changing any connection (the {@code
 * redundant-policy} and {@code redundant-rule} checks of docs/verify.md), decided on the engine's
 * rows rather than by re-indexing: for every class a policy selects, and every port class, what the
 * rule (or policy) admits is already admitted by the other rules of the policies that isolate the
 * class, and the class stays isolated without it. The NetworkPolicy tier's rows are then unchanged,
 * so every answer is (tiers may make more rules irrelevant; those are not reported).
 */
final class Redundancy {
  /** A redundant rule or policy ({@code rule} -1), and the rules that admit what it admits. */
  record Finding(PolicyRef policy, PolicyType direction, int rule, List<String> coveredBy) {}

  private record RuleKey(PolicyRef policy, PolicyType direction, int rule) {}

  private Redundancy() {}

  static List<Finding> find(NetworkPolicyRows rows, int k, int portClasses, int ipBits) {
    int kw = Bits.words(k).length;
    int xw = Bits.words(ipBits).length;
    // Whether each rule / policy stays redundant at every class seen so far, and who covers it.
    Map<RuleKey, Boolean> ruleRedundant = new LinkedHashMap<>();
    Map<RuleKey, Set<String>> ruleCover = new HashMap<>();
    Map<PolicyRef, Boolean> policyRedundant = new LinkedHashMap<>();
    Map<PolicyRef, Set<String>> policyCover = new HashMap<>();
    for (PolicyType direction : PolicyType.values()) {
      for (int c = 0; c < k; c++) {
        List<RulePieces> rules = rows.rules(direction, c);
        List<CompiledPolicy> isolating = rows.isolating(direction, c);
        if (isolating.isEmpty()) {
          continue;
        }
        int n = rules.size();
        boolean[] ruleOk = new boolean[n];
        java.util.Arrays.fill(ruleOk, true);
        Map<PolicyRef, Boolean> policyOk = new HashMap<>();
        isolating.forEach(p -> policyOk.put(p.ref(), isolating.size() > 1));
        long[][] own = new long[n][kw + xw];
        Map<Integer, Set<Integer>> overlap = new HashMap<>();
        long[] all = new long[kw + xw];
        for (int g = 0; g < portClasses; g++) {
          java.util.Arrays.fill(all, 0L);
          for (int r = 0; r < n; r++) {
            java.util.Arrays.fill(own[r], 0L);
            for (Piece p : rules.get(r).pieces()) {
              if (Bits.get(p.portClasses(), g)) {
                orInto(own[r], p.classes(), 0);
                orInto(own[r], p.ips(), kw);
              }
            }
            orInto(all, own[r], 0);
          }
          for (int r = 0; r < n; r++) {
            if (ruleOk[r] && !coveredByOthers(own, r, n)) {
              ruleOk[r] = false;
            }
            if (ruleOk[r]) {
              for (int o = 0; o < n; o++) {
                if (o != r && intersects(own[o], own[r])) {
                  overlap.computeIfAbsent(r, x -> new LinkedHashSet<>()).add(o);
                }
              }
            }
          }
          for (CompiledPolicy p : isolating) {
            if (policyOk.get(p.ref()) && !policyCovered(own, rules, p.ref())) {
              policyOk.put(p.ref(), false);
            }
          }
        }
        for (int r = 0; r < n; r++) {
          CompiledRule rule = rules.get(r).rule();
          RuleKey key = new RuleKey(rule.policy(), direction, rule.index());
          ruleRedundant.merge(key, ruleOk[r], Boolean::logicalAnd);
          if (ruleOk[r]) {
            Set<String> by = ruleCover.computeIfAbsent(key, x -> new LinkedHashSet<>());
            for (int o : overlap.getOrDefault(r, Set.of())) {
              CompiledRule other = rules.get(o).rule();
              by.add(other.policy() + " rule " + other.index());
            }
          }
        }
        for (CompiledPolicy p : isolating) {
          // A namespace-wide policy (podSelector {}) protects pods yet to come: never redundant.
          boolean ok = policyOk.get(p.ref()) && !p.source().podSelector().isEmpty();
          policyRedundant.merge(p.ref(), ok, Boolean::logicalAnd);
          if (ok) {
            Set<String> by = policyCover.computeIfAbsent(p.ref(), x -> new LinkedHashSet<>());
            isolating.stream()
                .filter(o -> !o.ref().equals(p.ref()))
                .forEach(o -> by.add(o.ref().toString()));
          }
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    policyRedundant.forEach(
        (ref, ok) -> {
          if (ok) {
            out.add(new Finding(ref, null, -1, List.copyOf(policyCover.get(ref))));
          }
        });
    ruleRedundant.forEach(
        (key, ok) -> {
          // A rule of a redundant policy goes with it; report the policy only.
          if (ok && !policyRedundant.getOrDefault(key.policy(), false)) {
            out.add(
                new Finding(
                    key.policy(), key.direction(), key.rule(), List.copyOf(ruleCover.get(key))));
          }
        });
    return out;
  }

  /** Whether rule r's cells are all in the union of the other rules' cells. */
  private static boolean coveredByOthers(long[][] own, int r, int n) {
    long[] mine = own[r];
    for (int w = 0; w < mine.length; w++) {
      if (mine[w] == 0) {
        continue;
      }
      long others = 0;
      for (int o = 0; o < n; o++) {
        if (o != r) {
          others |= own[o][w];
        }
      }
      if ((mine[w] & ~others) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the policy's cells are all in the union of the other policies' rules' cells. */
  private static boolean policyCovered(long[][] own, List<RulePieces> rules, PolicyRef policy) {
    int words = own.length == 0 ? 0 : own[0].length;
    for (int w = 0; w < words; w++) {
      long mine = 0;
      long others = 0;
      for (int r = 0; r < rules.size(); r++) {
        if (rules.get(r).rule().policy().equals(policy)) {
          mine |= own[r][w];
        } else {
          others |= own[r][w];
        }
      }
      if ((mine & ~others) != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean intersects(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & b[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  private static void orInto(long[] target, long[] source, int offset) {
    for (int i = 0; i < source.length; i++) {
      target[offset + i] |= source[i];
    }
  }
}
