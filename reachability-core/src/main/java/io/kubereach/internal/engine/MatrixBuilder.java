package io.kubereach.internal.engine;

import io.kubereach.internal.engine.TierDecisions.Decision;
import io.kubereach.internal.engine.TierDecisions.Plan;
import io.kubereach.internal.engine.TierDecisions.Possible;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Tier;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 7 of the engine (docs/architecture.md): the {@link Matrices}, without any per-pair scan over
 * policies. Per port class, each side of each class gets one row of the peers it allows, from the
 * tier chain (T1: Admin tier, then the NetworkPolicy tier for the classes it isolates, else the
 * Baseline tier, then allow); the pod-to-pod matrix is egress AND ingress (S5), combined without
 * transposing whole matrices. Where the order of same-priority policies changes a verdict (T9), the
 * cells are recorded in {@link Ambiguities}.
 */
final class MatrixBuilder {
  /**
   * One side of one class on one port class: the peers it allows, and, where the order of
   * same-priority policies matters, the peers some order allows and some order denies.
   */
  private record Side(
      long[] classes,
      long[] ips,
      long[] mayAllowClasses,
      long[] mayAllowIps,
      long[] mayDenyClasses,
      long[] mayDenyIps) {
    boolean definite() {
      return mayAllowClasses == null;
    }
  }

  private final PeerColumns columns;
  private final NetworkPolicyRows networkPolicies;
  private final TierDecisions admin;
  private final TierDecisions baseline;
  private final PortAtoms ports;
  private final int k;
  private final int x;
  private final int kw;

  /** The empty pod-to-pod row, shared by every matrix: never modify. */
  private final long[] none;

  private MatrixBuilder(
      CompiledPolicies policies,
      ProfileSelections selections,
      PodClasses classes,
      IpClasses ipClasses,
      PortAtoms ports) {
    this.columns = new PeerColumns(selections, classes, ipClasses, ports);
    this.networkPolicies = new NetworkPolicyRows(policies, selections, classes, columns);
    this.admin = new TierDecisions(Tier.Admin, policies, selections, classes, columns);
    this.baseline = new TierDecisions(Tier.Baseline, policies, selections, classes, columns);
    this.ports = ports;
    this.k = classes.count();
    this.x = ipClasses.count();
    this.kw = Bits.words(k).length;
    this.none = Bits.words(k);
  }

  /**
   * The matrices and the ambiguous cells of a snapshot's products, with what {@code verify} asks of
   * the build: the NetworkPolicy rows (for redundancy) and the tier rules that decided something
   * (for shadowing).
   */
  record Built(
      Matrices matrices,
      Ambiguities ambiguities,
      NetworkPolicyRows networkPolicies,
      java.util.Set<io.kubereach.internal.semantics.TierRule> effectiveTierRules,
      int ipBits) {}

  static Built build(
      CompiledPolicies policies,
      ProfileSelections selections,
      PodClasses classes,
      IpClasses ipClasses,
      PortAtoms ports) {
    return of(policies, selections, classes, ipClasses, ports).build();
  }

  /** A builder whose rows and columns are ready, and which builds the matrices when asked. */
  static MatrixBuilder of(
      CompiledPolicies policies,
      ProfileSelections selections,
      PodClasses classes,
      IpClasses ipClasses,
      PortAtoms ports) {
    return new MatrixBuilder(policies, selections, classes, ipClasses, ports);
  }

  /** The NetworkPolicy rows, for redundancy (verify). */
  NetworkPolicyRows networkPolicies() {
    return networkPolicies;
  }

  /**
   * S5, for one pair of classes on port class {@code g}, from their two sides alone: the cell
   * {@link #build} would set, without building the other K² - 1. Only for policies without tiers
   * (no ambiguity to record). Synchronised with {@link #build}: the row caches are shared.
   */
  synchronized boolean allows(int sourceClass, int destinationClass, int g) {
    return Bits.get(side(PolicyType.Egress, sourceClass, g).classes(), destinationClass)
        && Bits.get(side(PolicyType.Ingress, destinationClass, g).classes(), sourceClass);
  }

  /** The same toward an IP class: the egress side alone (no policy applies outside). */
  synchronized boolean allowsTo(int sourceClass, int ipClass, int g) {
    return Bits.get(side(PolicyType.Egress, sourceClass, g).ips(), ipClass);
  }

  /** The same from an IP class: the ingress side alone. */
  synchronized boolean allowsFrom(int ipClass, int destinationClass, int g) {
    return Bits.get(side(PolicyType.Ingress, destinationClass, g).ips(), ipClass);
  }

  synchronized Built build() {
    Matrices.Collector collector = new Matrices.Collector(ports.count());
    Ambiguities.Builder ambiguities = new Ambiguities.Builder(ports.count());
    boolean mayBeAmbiguous = admin.mayBeAmbiguous() || baseline.mayBeAmbiguous();
    for (int g = 0; g < ports.count(); g++) {
      List<Side> egress = new ArrayList<>(k);
      List<Side> ingress = new ArrayList<>(k);
      long[][] toIp = new long[k][];
      long[][] fromIp = new long[k][];
      for (int c = 0; c < k; c++) {
        Side out = side(PolicyType.Egress, c, g);
        Side in = side(PolicyType.Ingress, c, g);
        egress.add(out);
        ingress.add(in);
        toIp[c] = out.ips(); // no policy applies at an external destination
        fromIp[c] = in.ips();
      }
      long[][] pods = both(egress, ingress);
      collector.add(g, ports.ports(g), pods, toIp, fromIp);
      if (mayBeAmbiguous) {
        record(g, egress, ingress, ambiguities);
      }
    }
    java.util.Set<io.kubereach.internal.semantics.TierRule> effective =
        new java.util.HashSet<>(admin.effective());
    effective.addAll(baseline.effective());
    return new Built(collector.build(), ambiguities.build(), networkPolicies, effective, x);
  }

  /**
   * T1–T4: one side of class {@code c} on port class {@code g}: what the Admin tier accepts, and of
   * what it neither accepts nor denies, what the NetworkPolicy tier allows when it isolates the
   * class, else what the Baseline tier does not deny.
   */
  private Side side(PolicyType direction, int c, int g) {
    boolean isolated = networkPolicies.isolated(direction, c);
    long[] npClasses = columns.allClasses(); // S1: not isolated, everything
    long[] npIps = columns.allIps();
    if (isolated) {
      long[][] allowed = networkPolicies.allowed(direction, c, g);
      npClasses = allowed[0];
      npIps = allowed[1];
    }
    Decision a = decide(admin.plan(direction, c), g);
    Decision b = isolated ? null : decide(baseline.plan(direction, c), g);
    if (a == null && b == null) {
      return new Side(npClasses, npIps, null, null, null, null);
    }
    long[] rowClasses =
        chain(
            a == null ? null : a.acceptClasses(),
            a == null ? null : a.denyClasses(),
            isolated ? npClasses : null,
            b == null ? null : b.denyClasses(),
            k);
    long[] rowIps =
        chain(
            a == null ? null : a.acceptIps(),
            a == null ? null : a.denyIps(),
            isolated ? npIps : null,
            b == null ? null : b.denyIps(),
            x);
    if ((a == null || a.possible() == null) && (b == null || b.possible() == null)) {
      return new Side(rowClasses, rowIps, null, null, null, null);
    }
    long[][] classes = possible(a, b, isolated ? npClasses : null, true, k);
    long[][] ips = possible(a, b, isolated ? npIps : null, false, x);
    return new Side(rowClasses, rowIps, classes[0], ips[0], classes[1], ips[1]);
  }

  private Decision decide(Plan plan, int g) {
    return plan == null ? null : plan.decide(g, x);
  }

  /**
   * T1: {@code accept | (~deny & next)}, where next is the NetworkPolicy row when one isolates the
   * class, else what the Baseline tier does not deny. Null rows are empty.
   */
  private static long[] chain(
      long[] accept, long[] deny, long[] networkPolicy, long[] baselineDeny, int bits) {
    long[] out = new long[Bits.words(bits).length];
    for (int i = 0; i < out.length; i++) {
      long next =
          networkPolicy != null ? networkPolicy[i] : ~(baselineDeny == null ? 0 : baselineDeny[i]);
      out[i] = (accept == null ? 0 : accept[i]) | (~(deny == null ? 0 : deny[i]) & next);
    }
    Bits.maskTail(out, bits);
    return out;
  }

  /**
   * T9: the cells some order of same-priority policies allows ([0]) and denies ([1]), for the
   * pod-class columns or the IP-class columns.
   */
  private static long[][] possible(
      Decision a, Decision b, long[] networkPolicy, boolean classes, int bits) {
    int n = Bits.words(bits).length;
    long[] mayAllow = new long[n];
    long[] mayDeny = new long[n];
    for (int i = 0; i < n; i++) {
      long acc = 0;
      long den = 0;
      long rest = -1L;
      if (a != null) {
        Possible p = a.possible();
        long ac = (classes ? a.acceptClasses() : a.acceptIps())[i];
        long de = (classes ? a.denyClasses() : a.denyIps())[i];
        acc = p == null ? ac : (classes ? p.acceptClasses() : p.acceptIps())[i];
        den = p == null ? de : (classes ? p.denyClasses() : p.denyIps())[i];
        rest = p == null ? ~(ac | de) : (classes ? p.restClasses() : p.restIps())[i];
      }
      long nextAllow;
      long nextDeny;
      if (networkPolicy != null) {
        nextAllow = networkPolicy[i];
        nextDeny = ~networkPolicy[i];
      } else if (b != null) {
        // The Baseline tier denies, or else allows: by accepting, passing or matching nothing.
        Possible p = b.possible();
        long de = (classes ? b.denyClasses() : b.denyIps())[i];
        nextAllow =
            p == null
                ? ~de
                : (classes ? p.acceptClasses() : p.acceptIps())[i]
                    | (classes ? p.restClasses() : p.restIps())[i];
        nextDeny = p == null ? de : (classes ? p.denyClasses() : p.denyIps())[i];
      } else {
        nextAllow = -1L;
        nextDeny = 0;
      }
      mayAllow[i] = acc | (rest & nextAllow);
      mayDeny[i] = den | (rest & nextDeny);
    }
    Bits.maskTail(mayAllow, bits);
    Bits.maskTail(mayDeny, bits);
    return new long[][] {mayAllow, mayDeny};
  }

  /**
   * S5: source s reaches distinct destination d when the egress of s allows d and the ingress of d
   * allows s. Destinations whose ingress allows every source, or most sources, are taken from the
   * egress rows at once (the few sources a dense row leaves out are then cleared); for the others,
   * the sources their row allows are walked. Never transposes a whole matrix.
   */
  private long[][] both(List<Side> egress, List<Side> ingress) {
    long[] fromEgress = new long[kw];
    List<Integer> dense = new ArrayList<>();
    List<Integer> sparse = new ArrayList<>();
    for (int d = 0; d < k; d++) {
      long[] row = ingress.get(d).classes();
      if (row == columns.allClasses()) {
        Bits.set(fromEgress, d);
        continue;
      }
      int allowed = Bits.count(row);
      if (2 * allowed > k) {
        Bits.set(fromEgress, d);
        dense.add(d);
      } else if (allowed > 0) {
        sparse.add(d);
      }
    }
    // Most rows are empty: they share one array, which is never written.
    long[][] pods = new long[k][];
    for (int s = 0; s < k; s++) {
      long[] row = egress.get(s).classes();
      pods[s] = Bits.intersects(row, fromEgress) ? Bits.and(row, fromEgress) : none;
    }
    for (int d : dense) {
      long[] row = ingress.get(d).classes();
      for (int s = 0; s < k; s++) {
        if (pods[s] != none && !Bits.get(row, s)) {
          Bits.clear(pods[s], d);
        }
      }
    }
    for (int d : sparse) {
      Bits.forEach(
          ingress.get(d).classes(),
          s -> {
            if (Bits.get(egress.get(s).classes(), d)) {
              if (pods[s] == none) {
                pods[s] = Bits.words(k);
              }
              Bits.set(pods[s], d);
            }
          });
    }
    return pods;
  }

  /**
   * T9: the cells whose verdict some order of same-priority policies changes: one side may go
   * either way while the other may allow.
   */
  private void record(int g, List<Side> egress, List<Side> ingress, Ambiguities.Builder out) {
    long[][] eitherOut = new long[k][];
    long[][] eitherIn = new long[k][];
    boolean any = false;
    for (int c = 0; c < k; c++) {
      Side e = egress.get(c);
      if (!e.definite()) {
        eitherOut[c] = Bits.and(e.mayAllowClasses(), e.mayDenyClasses());
        long[] ips = Bits.and(e.mayAllowIps(), e.mayDenyIps());
        if (!Bits.isEmpty(ips)) {
          out.toIp(g, c, ips); // the external end applies no policy
        }
        any = true;
      }
      Side i = ingress.get(c);
      if (!i.definite()) {
        eitherIn[c] = Bits.and(i.mayAllowClasses(), i.mayDenyClasses());
        long[] ips = Bits.and(i.mayAllowIps(), i.mayDenyIps());
        if (!Bits.isEmpty(ips)) {
          out.fromIp(g, c, ips);
        }
        any = true;
      }
    }
    if (!any) {
      return;
    }
    for (int s = 0; s < k; s++) {
      if (eitherOut[s] == null) {
        continue;
      }
      int source = s;
      Bits.forEach(
          eitherOut[s],
          d -> {
            boolean ingressMayAllow =
                Bits.get(ingress.get(d).classes(), source)
                    || (eitherIn[d] != null && Bits.get(eitherIn[d], source));
            if (ingressMayAllow) {
              out.pods(g, source, d);
            }
          });
    }
    for (int d = 0; d < k; d++) {
      if (eitherIn[d] == null) {
        continue;
      }
      int destination = d;
      Bits.forEach(
          eitherIn[d],
          s -> {
            boolean egressMayAllow =
                Bits.get(egress.get(s).classes(), destination)
                    || (eitherOut[s] != null && Bits.get(eitherOut[s], destination));
            if (egressMayAllow) {
              out.pods(g, s, destination);
            }
          });
    }
  }
}
