package io.kubereach.internal.engine;

import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.internal.semantics.PeerSet;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.semantics.Selection;
import io.kubereach.model.PolicyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Matrices} from the earlier steps' products, without any per-pair scan over
 * policies: each rule becomes "these peer classes on these port classes", and each isolated class
 * ORs the contributions of the rules of its selecting policies (S2, S4 in docs/semantics.md).
 */
final class MatrixBuilder {
  /** Peers (pod classes and IP classes) admitted on some port classes. */
  private record Contribution(long[] classes, long[] ips, long[] portClasses) {}

  /** A rule's peers as class columns (S6, S7, S12). */
  private record Columns(long[] classes, long[] ips) {}

  /**
   * For one named port: the distinct port classes it resolves to, and for each pod class the index
   * of its resolution there (-1 when the name is not defined on the class, S10).
   */
  private record NamedTable(List<long[]> portClasses, int[] entryOfClass) {}

  private final CompiledPolicies policies;
  private final ProfileSelections selections;
  private final PodClasses classes;
  private final IpClasses ipClasses;
  private final PortAtoms ports;
  private final int k;
  private final int x;
  private final long[] allClasses;
  private final long[] allIps;
  private final Map<PeerSet, Columns> columnCache = new HashMap<>();
  private final Map<Integer, NamedTable> namedTables = new HashMap<>();

  private MatrixBuilder(
      CompiledPolicies policies,
      ProfileSelections selections,
      PodClasses classes,
      IpClasses ipClasses,
      PortAtoms ports) {
    this.policies = policies;
    this.selections = selections;
    this.classes = classes;
    this.ipClasses = ipClasses;
    this.ports = ports;
    this.k = classes.count();
    this.x = ipClasses.count();
    this.allClasses = Bits.ones(k);
    this.allIps = Bits.ones(x);
  }

  static Matrices build(
      CompiledPolicies policies,
      ProfileSelections selections,
      PodClasses classes,
      IpClasses ipClasses,
      PortAtoms ports) {
    return new MatrixBuilder(policies, selections, classes, ipClasses, ports).build();
  }

  private Matrices build() {
    List<CompiledPolicy> all = policies.all();
    // Which policies select each profile (S2: the policy's namespace and podSelector).
    List<List<CompiledPolicy>> policiesOfProfile = new ArrayList<>();
    for (int i = 0; i < selections.profiles(); i++) {
      policiesOfProfile.add(new ArrayList<>());
    }
    for (CompiledPolicy policy : all) {
      BitSet bits = selections.profilesOf(selections.id(policy.subject()));
      for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
        policiesOfProfile.get(i).add(policy);
      }
    }
    List<List<Contribution>> egress = new ArrayList<>();
    List<List<Contribution>> ingress = new ArrayList<>();
    boolean[] egressIsolated = new boolean[k];
    boolean[] ingressIsolated = new boolean[k];
    for (int c = 0; c < k; c++) {
      List<Contribution> out = new ArrayList<>();
      List<Contribution> in = new ArrayList<>();
      for (CompiledPolicy policy :
          policiesOfProfile.get(selections.profileOf(classes.exemplar(c)))) {
        if (policy.isolates(PolicyType.Egress)) {
          egressIsolated[c] = true;
          for (CompiledRule rule : policy.egress()) {
            addEgress(out, rule, columns(rule.peers()));
          }
        }
        if (policy.isolates(PolicyType.Ingress)) {
          ingressIsolated[c] = true;
          for (CompiledRule rule : policy.ingress()) {
            addIngress(in, rule, columns(rule.peers()), c);
          }
        }
      }
      egress.add(out);
      ingress.add(in);
    }

    long[] openIngress = Bits.words(k);
    for (int d = 0; d < k; d++) {
      if (!ingressIsolated[d]) {
        Bits.set(openIngress, d); // S1
      }
    }
    Matrices.Collector collector = new Matrices.Collector(ports.count());
    long[] classScratch = Bits.words(k);
    long[] ipScratch = Bits.words(x);
    for (int g = 0; g < ports.count(); g++) {
      long[][] podRows = new long[k][];
      long[][] toIp = new long[k][];
      for (int s = 0; s < k; s++) {
        if (egressIsolated[s]) {
          combine(egress.get(s), g, classScratch, ipScratch);
          // Destinations that are not ingress-isolated admit every source (S1).
          podRows[s] = Bits.and(classScratch, openIngress);
          toIp[s] = ipScratch.clone();
        } else {
          podRows[s] = openIngress.clone();
          toIp[s] = allIps;
        }
      }
      // S5: egress of the source AND ingress of the destination, on the same port. For isolated
      // destinations, walk the sources they admit instead of transposing a whole matrix.
      long[][] fromIp = new long[k][];
      for (int d = 0; d < k; d++) {
        if (!ingressIsolated[d]) {
          fromIp[d] = allIps;
          continue;
        }
        combine(ingress.get(d), g, classScratch, ipScratch);
        fromIp[d] = ipScratch.clone();
        for (int w = 0; w < classScratch.length; w++) {
          long bits = classScratch[w];
          while (bits != 0) {
            int s = (w << 6) + Long.numberOfTrailingZeros(bits);
            if (!egressIsolated[s] || egressAdmits(egress.get(s), g, d)) {
              Bits.set(podRows[s], d);
            }
            bits &= bits - 1;
          }
        }
      }
      collector.add(g, ports.ports(g), podRows, toIp, fromIp);
    }
    return collector.build();
  }

  /** Whether some contribution on port class {@code g} admits destination class {@code d}. */
  private static boolean egressAdmits(List<Contribution> contributions, int g, int d) {
    for (Contribution c : contributions) {
      if (Bits.get(c.portClasses(), g) && Bits.get(c.classes(), d)) {
        return true;
      }
    }
    return false;
  }

  /** Overwrites the scratch rows with the OR of the contributions on port class {@code g} (S4). */
  private static void combine(
      List<Contribution> contributions, int g, long[] classScratch, long[] ipScratch) {
    Arrays.fill(classScratch, 0L);
    Arrays.fill(ipScratch, 0L);
    for (Contribution c : contributions) {
      if (Bits.get(c.portClasses(), g)) {
        Bits.orInto(classScratch, c.classes());
        Bits.orInto(ipScratch, c.ips());
      }
    }
  }

  /** S6, S7, S12: the pod classes and IP classes a rule's peers admit, once per distinct set. */
  private Columns columns(PeerSet peers) {
    return columnCache.computeIfAbsent(
        peers,
        p -> {
          if (p.all()) {
            return new Columns(allClasses, allIps); // S6
          }
          long[] cls = Bits.words(k);
          long[] ips = Bits.words(x);
          for (Selection s : p.selections()) {
            Bits.orInto(cls, classes.selected(selections.id(s)));
          }
          for (PeerSet.Network n : p.networks()) {
            Bits.orInto(cls, classes.holdingIpIn(n.id())); // empty when ipBlocks are external only
            Bits.orInto(ips, ipClasses.inside(n.id()));
          }
          return new Columns(cls, ips);
        });
  }

  private void addEgress(List<Contribution> out, CompiledRule rule, Columns cols) {
    long[] numeric = ports.numeric(rule.ports());
    if (!Bits.isEmpty(numeric)) {
      out.add(new Contribution(cols.classes(), cols.ips(), numeric));
    }
    // S10: egress named ports resolve on each destination class; toward addresses, nothing.
    for (NamedRef ref : rule.ports().named()) {
      NamedTable table = namedTable(classes.refIndex(ref));
      // Walk the rule's peer classes (usually few) rather than AND-ing dense rows.
      Map<Integer, long[]> targets = new HashMap<>();
      long[] peers = cols.classes();
      for (int w = 0; w < peers.length; w++) {
        long bits = peers[w];
        while (bits != 0) {
          int d = (w << 6) + Long.numberOfTrailingZeros(bits);
          int entry = table.entryOfClass()[d];
          if (entry >= 0) {
            Bits.set(targets.computeIfAbsent(entry, e -> Bits.words(k)), d);
          }
          bits &= bits - 1;
        }
      }
      targets.forEach(
          (entry, classesThere) ->
              out.add(
                  new Contribution(classesThere, Bits.words(x), table.portClasses().get(entry))));
    }
  }

  private void addIngress(List<Contribution> in, CompiledRule rule, Columns cols, int destination) {
    long[] portClasses = ports.numeric(rule.ports());
    // S10: ingress named ports resolve on the selected pod, whatever the source.
    for (NamedRef ref : rule.ports().named()) {
      Bits.orInto(
          portClasses,
          ports.ofPorts(ref.protocol(), classes.resolved(destination, classes.refIndex(ref))));
    }
    if (!Bits.isEmpty(portClasses)) {
      in.add(new Contribution(cols.classes(), cols.ips(), portClasses));
    }
  }

  private NamedTable namedTable(int ref) {
    return namedTables.computeIfAbsent(
        ref,
        r -> {
          Map<List<Integer>, Integer> byNumbers = new HashMap<>();
          List<long[]> portClasses = new ArrayList<>();
          int[] entryOfClass = new int[k];
          for (int c = 0; c < k; c++) {
            int[] numbers = classes.resolved(c, r);
            if (numbers.length == 0) {
              entryOfClass[c] = -1;
              continue;
            }
            entryOfClass[c] =
                byNumbers.computeIfAbsent(
                    Arrays.stream(numbers).boxed().toList(),
                    key -> {
                      portClasses.add(
                          ports.ofPorts(classes.namedRefs().get(r).protocol(), numbers));
                      return portClasses.size() - 1;
                    });
          }
          return new NamedTable(List.copyOf(portClasses), entryOfClass);
        });
  }
}
