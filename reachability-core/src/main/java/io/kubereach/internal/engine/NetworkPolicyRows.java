package io.kubereach.internal.engine;

import io.kubereach.internal.engine.PeerColumns.Piece;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.model.PolicyType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicy tier (S1–S12, T4 in docs/semantics.md) per direction and subject class: whether
 * some NetworkPolicy isolates the class, and the pieces of the rules of its selecting policies,
 * whose union on a port class is what the tier allows there (S4).
 *
 * <p>A class's part is computed when first asked for: a what-if, or a question about one pair,
 * needs the rows of the few classes it asks about, not of all of them (docs/architecture.md, "The
 * pipeline"). Thread-safe: every access takes this object's lock, under which alone the shared
 * {@link PeerColumns} caches are filled once the engine is built.
 */
final class NetworkPolicyRows {
  /** One rule's pieces for one subject class. */
  record RulePieces(CompiledRule rule, List<Piece> pieces) {}

  /**
   * One direction of one class: its isolating policies (S2; none means not isolated, S1), their
   * rules' pieces, and the rows already combined from them, per set of pieces holding a port class.
   */
  private record ClassPart(
      List<CompiledPolicy> isolating,
      List<RulePieces> rules,
      List<Piece> pieces,
      Map<BitSet, long[][]> rows) {}

  private final CompiledPolicies policies;
  private final ProfileSelections selections;
  private final PodClasses classes;
  private final PeerColumns columns;
  private final ClassPart[] ingress;
  private final ClassPart[] egress;

  /** The empty rows, shared. */
  private final long[][] none;

  NetworkPolicyRows(
      CompiledPolicies policies,
      ProfileSelections selections,
      PodClasses classes,
      PeerColumns columns) {
    this.policies = policies;
    this.selections = selections;
    this.classes = classes;
    this.columns = columns;
    this.ingress = new ClassPart[classes.count()];
    this.egress = new ClassPart[classes.count()];
    this.none = new long[][] {Bits.words(classes.count()), columns.noIps()};
  }

  /** The part of a class in a direction, computed on first need. */
  private ClassPart part(PolicyType direction, int cls) {
    ClassPart[] parts = direction == PolicyType.Ingress ? ingress : egress;
    ClassPart known = parts[cls];
    if (known == null) {
      known = compute(direction, cls);
      parts[cls] = known;
    }
    return known;
  }

  /**
   * S2: the policies of the class's namespace whose subject holds its profile and that isolate the
   * direction, in snapshot order, with their rules as pieces for this class.
   */
  private ClassPart compute(PolicyType direction, int cls) {
    int profile = selections.profileOf(classes.exemplar(cls));
    List<CompiledPolicy> isolating = new ArrayList<>();
    List<RulePieces> byRule = new ArrayList<>();
    List<Piece> all = new ArrayList<>();
    for (CompiledPolicy policy : policies.inNamespace(selections.namespaceOf(profile))) {
      if (!policy.isolates(direction)
          || !selections.holds(selections.id(policy.subject()), profile)) {
        continue;
      }
      isolating.add(policy);
      for (CompiledRule rule : policy.rules(direction)) {
        List<Piece> ps =
            direction == PolicyType.Egress
                ? columns.egress(rule.peers(), rule.ports())
                : columns.ingress(rule.peers(), rule.ports(), cls);
        all.addAll(ps);
        byRule.add(new RulePieces(rule, ps));
      }
    }
    return new ClassPart(List.copyOf(isolating), List.copyOf(byRule), all, new HashMap<>(4));
  }

  /** The rules of the policies that isolate the class, with their pieces for it. */
  synchronized List<RulePieces> rules(PolicyType direction, int cls) {
    return part(direction, cls).rules();
  }

  /** The policies that isolate the class in that direction (S2). */
  synchronized List<CompiledPolicy> isolating(PolicyType direction, int cls) {
    return part(direction, cls).isolating();
  }

  /** S2: whether some NetworkPolicy isolates the class in that direction. */
  synchronized boolean isolated(PolicyType direction, int cls) {
    return !part(direction, cls).isolating().isEmpty();
  }

  /**
   * S4: what the class's rules allow on port class {@code g}: {pod classes, IP classes}. The rows
   * depend on {@code g} only through which of the class's pieces hold it, so rows are computed once
   * per such set of pieces and shared: never modify them.
   */
  synchronized long[][] allowed(PolicyType direction, int cls, int g) {
    ClassPart part = part(direction, cls);
    List<Piece> ps = part.pieces();
    BitSet active = new BitSet(ps.size());
    for (int i = 0; i < ps.size(); i++) {
      if (Bits.get(ps.get(i).portClasses(), g)) {
        active.set(i);
      }
    }
    if (active.isEmpty()) {
      return none;
    }
    long[][] known = part.rows().get(active);
    if (known != null) {
      return known;
    }
    long[] classRow = new long[none[0].length];
    long[] ips = new long[none[1].length];
    PeerColumns.union(ps, g, classRow, ips);
    long[][] out = {classRow, ips};
    part.rows().put(active, out);
    return out;
  }
}
