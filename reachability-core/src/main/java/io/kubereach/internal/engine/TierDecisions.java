package io.kubereach.internal.engine;

import io.kubereach.internal.engine.PeerColumns.Piece;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledTierPolicy;
import io.kubereach.internal.semantics.TierRule;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tier's decisions (T1–T3, T9 in docs/semantics.md), per direction, subject class and port
 * class, over peer columns: the cells its first matching rule accepts, the cells it denies, and the
 * rest (passed or unmatched), which the next tier decides. Classes selected by the same policies
 * (and, for ingress named ports, resolving them alike) share one {@link Plan}; a plan decides a
 * port class once. Where policies of one priority disagree (T9), a plan also says which outcomes
 * some order of them would give.
 */
final class TierDecisions {
  /**
   * What a tier decides on one port class for one subject class.
   *
   * @param acceptClasses peer classes accepted
   * @param acceptIps IP classes accepted
   * @param denyClasses peer classes denied
   * @param denyIps IP classes denied
   * @param possible what other orders of same-priority policies could decide; null when the order
   *     changes nothing
   */
  record Decision(
      long[] acceptClasses,
      long[] acceptIps,
      long[] denyClasses,
      long[] denyIps,
      Possible possible) {}

  /**
   * The outcomes some order of same-priority policies gives (T9): a cell may be in several.
   *
   * @param acceptClasses classes some order accepts
   * @param acceptIps IP classes some order accepts
   * @param denyClasses classes some order denies
   * @param denyIps IP classes some order denies
   * @param restClasses classes some order passes on or leaves unmatched
   * @param restIps IP classes likewise
   */
  record Possible(
      long[] acceptClasses,
      long[] acceptIps,
      long[] denyClasses,
      long[] denyIps,
      long[] restClasses,
      long[] restIps) {}

  /** One rule as pieces. */
  /**
   * A rule's pieces for one plan; {@code effective} is set once the rule decides some cell no
   * earlier rule did (for {@code shadowed-rule} in docs/verify.md).
   */
  private record RuleMatch(
      TierRule rule, TierAction action, List<Piece> pieces, boolean[] effective) {}

  /** The selecting policies of a class, and the resolution of ingress named ports there. */
  private record PlanKey(List<CompiledTierPolicy> policies, List<List<Port>> namedPorts) {}

  private final int k;
  private final Map<PolicyType, Plan[]> plans = new EnumMap<>(PolicyType.class);

  TierDecisions(
      Tier tier,
      CompiledPolicies policies,
      ProfileSelections selections,
      PodClasses classes,
      PeerColumns columns) {
    this.k = classes.count();
    List<CompiledTierPolicy> inTier = policies.tier(tier);
    for (PolicyType direction : PolicyType.values()) {
      Plan[] ofClass = new Plan[k];
      if (!inTier.isEmpty()) {
        Map<PlanKey, Plan> byKey = new HashMap<>();
        for (int c = 0; c < k; c++) {
          int profile = selections.profileOf(classes.exemplar(c));
          List<CompiledTierPolicy> selecting = new ArrayList<>();
          for (CompiledTierPolicy p : inTier) {
            if (!p.rules(direction).isEmpty()
                && selections.holds(selections.id(p.subject()), profile)) {
              selecting.add(p);
            }
          }
          if (selecting.isEmpty()) {
            continue;
          }
          List<List<Port>> named = List.of();
          if (direction == PolicyType.Ingress) {
            named = new ArrayList<>();
            for (CompiledTierPolicy p : selecting) {
              for (TierRule r : p.rules(direction)) {
                for (var ref : r.ports().named()) {
                  named.add(classes.resolved(c, classes.refIndex(ref)));
                }
              }
            }
          }
          int subject = c;
          PolicyType d = direction;
          ofClass[c] =
              byKey.computeIfAbsent(
                  new PlanKey(selecting, named),
                  key -> new Plan(key.policies(), d, subject, columns));
        }
      }
      plans.put(direction, ofClass);
    }
  }

  /** The plan of a class in a direction; null when no policy of the tier selects it there. */
  Plan plan(PolicyType direction, int cls) {
    return plans.get(direction)[cls];
  }

  /** Whether any plan has policies of one priority whose order could matter. */
  boolean mayBeAmbiguous() {
    for (Plan[] ofClass : plans.values()) {
      for (Plan p : ofClass) {
        if (p != null && p.ties) {
          return true;
        }
      }
    }
    return false;
  }

  /** The rules of some selecting policies, in evaluation order, grouped by priority. */
  final class Plan {
    private final List<List<List<RuleMatch>>> levels = new ArrayList<>();
    private final boolean ties;
    private int decidedFor = -1;
    private Decision decided;

    Plan(
        List<CompiledTierPolicy> policies, PolicyType direction, int subject, PeerColumns columns) {
      boolean anyTie = false;
      int priority = Integer.MIN_VALUE;
      for (CompiledTierPolicy p : policies) {
        if (levels.isEmpty() || p.priority() != priority) {
          levels.add(new ArrayList<>());
          priority = p.priority();
        } else {
          anyTie = true;
        }
        List<RuleMatch> rules = new ArrayList<>();
        for (TierRule r : p.rules(direction)) {
          List<Piece> pieces =
              direction == PolicyType.Egress
                  ? columns.egress(r.peers(), r.ports())
                  : columns.ingress(r.peers(), r.ports(), subject);
          rules.add(new RuleMatch(r, r.action(), pieces, new boolean[1]));
        }
        levels.get(levels.size() - 1).add(rules);
      }
      this.ties = anyTie;
    }

    /** T2, T3, T9: what the tier decides on port class {@code g}. */
    Decision decide(int g, int xBits) {
      if (decidedFor == g) {
        return decided;
      }
      decided = compute(g, xBits);
      decidedFor = g;
      return decided;
    }

    private Decision compute(int g, int xBits) {
      int kw = Bits.words(k).length;
      int xw = Bits.words(xBits).length;
      long[] decC = new long[kw];
      long[] decX = new long[xw];
      long[] accC = new long[kw];
      long[] accX = new long[xw];
      long[] denC = new long[kw];
      long[] denX = new long[xw];
      long[] mayAccC = ties ? new long[kw] : null;
      long[] mayAccX = ties ? new long[xw] : null;
      long[] mayDenC = ties ? new long[kw] : null;
      long[] mayDenX = ties ? new long[xw] : null;
      long[] mayRestC = ties ? new long[kw] : null;
      long[] mayRestX = ties ? new long[xw] : null;
      long[] mC = new long[kw];
      long[] mX = new long[xw];
      boolean any = false;
      for (List<List<RuleMatch>> level : levels) {
        long[] beforeC = ties && level.size() > 1 ? decC.clone() : null;
        long[] beforeX = ties && level.size() > 1 ? decX.clone() : null;
        for (List<RuleMatch> policy : level) {
          // Each policy of a tied level alone, from what earlier levels left (T9).
          long[] ownC = beforeC == null ? null : new long[kw];
          long[] ownX = beforeX == null ? null : new long[xw];
          for (RuleMatch rule : policy) {
            if (!match(rule, g, mC, mX)) {
              continue;
            }
            any = true;
            if (!rule.effective()[0]
                && (fresh(mC, decC, null)
                    || fresh(mX, decX, null)
                    || (beforeC != null
                        && (fresh(mC, beforeC, ownC) || fresh(mX, beforeX, ownX))))) {
              rule.effective()[0] = true;
            }
            record(rule.action(), mC, decC, accC, denC);
            record(rule.action(), mX, decX, accX, denX);
            if (beforeC != null) {
              possible(rule.action(), mC, beforeC, ownC, mayAccC, mayDenC, mayRestC);
              possible(rule.action(), mX, beforeX, ownX, mayAccX, mayDenX, mayRestX);
            }
          }
        }
      }
      if (!any) {
        return null; // nothing matches here: the next tier decides every cell
      }
      Possible possible = null;
      if (ties) {
        // Outside tied levels the deterministic outcome is the only one.
        for (int i = 0; i < kw; i++) {
          mayAccC[i] |= accC[i];
          mayDenC[i] |= denC[i];
          mayRestC[i] |= ~(accC[i] | denC[i]);
        }
        for (int i = 0; i < xw; i++) {
          mayAccX[i] |= accX[i];
          mayDenX[i] |= denX[i];
          mayRestX[i] |= ~(accX[i] | denX[i]);
        }
        Bits.maskTail(mayRestC, k);
        Bits.maskTail(mayRestX, xBits);
        possible = new Possible(mayAccC, mayAccX, mayDenC, mayDenX, mayRestC, mayRestX);
      }
      return new Decision(accC, accX, denC, denX, possible);
    }

    /** Sets the scratch rows to the rule's match on port class {@code g}; false if none. */
    private boolean match(RuleMatch rule, int g, long[] mC, long[] mX) {
      java.util.Arrays.fill(mC, 0L);
      java.util.Arrays.fill(mX, 0L);
      boolean found = false;
      for (Piece p : rule.pieces()) {
        if (Bits.get(p.portClasses(), g)) {
          Bits.orInto(mC, p.classes());
          Bits.orInto(mX, p.ips());
          found = true;
        }
      }
      return found;
    }
  }

  /** T2: the first matching rule decides the cells no earlier rule decided. */
  /** Whether {@code match} holds a cell outside {@code decided} (and {@code own}, if given). */
  private static boolean fresh(long[] match, long[] decided, long[] own) {
    for (int i = 0; i < match.length; i++) {
      if ((match[i] & ~decided[i] & (own == null ? -1L : ~own[i])) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rules of this tier that decided some cell for some class they were consulted for; the
   * others are shadowed (earlier rules, higher-priority policies, or for Baseline the
   * NetworkPolicies that isolate every class it selects, always decide first). Valid once the
   * matrices are built, which consults every plan that matters on every port class.
   */
  java.util.Set<TierRule> effective() {
    java.util.Set<TierRule> out = new java.util.HashSet<>();
    for (Plan[] ofClass : plans.values()) {
      for (Plan p : ofClass) {
        if (p != null) {
          p.levels.forEach(
              level ->
                  level.forEach(
                      policy ->
                          policy.forEach(
                              r -> {
                                if (r.effective()[0]) {
                                  out.add(r.rule());
                                }
                              })));
        }
      }
    }
    return out;
  }

  private static void record(
      TierAction action, long[] match, long[] decided, long[] accept, long[] deny) {
    for (int i = 0; i < match.length; i++) {
      long fresh = match[i] & ~decided[i];
      if (action == TierAction.Accept) {
        accept[i] |= fresh;
      } else if (action == TierAction.Deny) {
        deny[i] |= fresh;
      }
      decided[i] |= match[i];
    }
  }

  /**
   * T9: within a tied level, the outcome of one policy alone on the cells earlier levels left: its
   * own first match there is a possible outcome.
   */
  private static void possible(
      TierAction action,
      long[] match,
      long[] before,
      long[] own,
      long[] mayAccept,
      long[] mayDeny,
      long[] mayRest) {
    for (int i = 0; i < match.length; i++) {
      long fresh = match[i] & ~before[i] & ~own[i];
      switch (action) {
        case Accept -> mayAccept[i] |= fresh;
        case Deny -> mayDeny[i] |= fresh;
        case Pass -> mayRest[i] |= fresh;
      }
      own[i] |= match[i];
    }
  }
}
