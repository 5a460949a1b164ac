package io.kubereach;

import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Peer;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link AtomMatrices} from compiled selectors, classes and port atoms, without any
 * per-pair scan over policies: each rule becomes "these peer classes on these atom groups", and
 * each isolated class ORs the contributions of the rules of its selecting policies (S2, S4).
 */
final class MatrixBuilder {
  /** Peers (pod classes and IP classes) admitted on some port atom groups. */
  private record Contribution(long[] classes, long[] ips, long[] groups) {}

  /** A rule's peers as class columns (S6, S7, S12). */
  private record Columns(long[] classes, long[] ips) {}

  private final Topology topology;
  private final SelectorCompiler selectors;
  private final PodClasses classes;
  private final PortAtoms atoms;
  private final int k;
  private final int x;
  private final long[] allClasses;
  private final long[] allIps;
  private final Map<Integer, NamedTable> namedTables = new HashMap<>();

  private MatrixBuilder(
      Topology topology, SelectorCompiler selectors, PodClasses classes, PortAtoms atoms) {
    this.topology = topology;
    this.selectors = selectors;
    this.classes = classes;
    this.atoms = atoms;
    this.k = classes.count;
    this.x = classes.ipCount;
    this.allClasses = Bits.ones(k);
    this.allIps = Bits.ones(x);
  }

  static AtomMatrices build(
      Topology topology, SelectorCompiler selectors, PodClasses classes, PortAtoms atoms) {
    return new MatrixBuilder(topology, selectors, classes, atoms).build();
  }

  private AtomMatrices build() {
    List<NetworkPolicy> policies = topology.snapshot.policies();
    // Which policies select each profile (S2: policy namespace and podSelector).
    List<List<Integer>> policiesOfProfile = new ArrayList<>();
    for (int i = 0; i < selectors.profiles; i++) {
      policiesOfProfile.add(new ArrayList<>());
    }
    for (int p = 0; p < policies.size(); p++) {
      BitSet bits = selectors.selections.get(selectors.policySelection[p]);
      for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
        policiesOfProfile.get(i).add(p);
      }
    }
    Map<List<Object>, Columns> columnCache = new HashMap<>();
    List<List<Contribution>> egress = new ArrayList<>();
    List<List<Contribution>> ingress = new ArrayList<>();
    boolean[] egressIsolated = new boolean[k];
    boolean[] ingressIsolated = new boolean[k];
    for (int c = 0; c < k; c++) {
      List<Contribution> out = new ArrayList<>();
      List<Contribution> in = new ArrayList<>();
      int profile = selectors.profileOfPod[classes.exemplar[c]];
      for (int p : policiesOfProfile.get(profile)) {
        NetworkPolicy policy = policies.get(p);
        if (policy.affects(PolicyType.Egress)) {
          egressIsolated[c] = true;
          for (Rule rule : policy.egress()) {
            Columns cols =
                columnCache.computeIfAbsent(
                    List.of(policy.namespace(), rule), key -> columns(policy, rule));
            addEgress(out, rule, cols);
          }
        }
        if (policy.affects(PolicyType.Ingress)) {
          ingressIsolated[c] = true;
          for (Rule rule : policy.ingress()) {
            Columns cols =
                columnCache.computeIfAbsent(
                    List.of(policy.namespace(), rule), key -> columns(policy, rule));
            addIngress(in, rule, cols, c);
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
    AtomMatrices.Collector collector = new AtomMatrices.Collector(atoms.groupCount);
    long[] classScratch = Bits.words(k);
    long[] ipScratch = Bits.words(x);
    for (int g = 0; g < atoms.groupCount; g++) {
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
      collector.add(g, atoms.portsOfGroup[g], podRows, toIp, fromIp);
    }
    return collector.build();
  }

  /** Whether some contribution on {@code group} admits destination class {@code d}. */
  private static boolean egressAdmits(List<Contribution> contributions, int group, int d) {
    for (Contribution c : contributions) {
      if (Bits.get(c.groups(), group) && Bits.get(c.classes(), d)) {
        return true;
      }
    }
    return false;
  }

  /** Overwrites the scratch rows with the OR of the contributions on {@code group} (S4). */
  private static void combine(
      List<Contribution> contributions, int group, long[] classScratch, long[] ipScratch) {
    Arrays.fill(classScratch, 0L);
    Arrays.fill(ipScratch, 0L);
    for (Contribution c : contributions) {
      if (Bits.get(c.groups(), group)) {
        Bits.orInto(classScratch, c.classes());
        Bits.orInto(ipScratch, c.ips());
      }
    }
  }

  /** S6, S7, S12: the classes and IP classes a rule's peers admit. */
  private Columns columns(NetworkPolicy policy, Rule rule) {
    if (rule.peers().isEmpty()) {
      return new Columns(allClasses, allIps); // S6
    }
    long[] cls = Bits.words(k);
    long[] ips = Bits.words(x);
    for (Peer peer : rule.peers()) {
      if (peer instanceof PodPeer pp) {
        Bits.orInto(cls, classes.classesOfSelection[selectors.peer(policy.namespace(), pp)]);
      } else {
        int m = topology.matcherIndex.get((IpBlockPeer) peer);
        Bits.orInto(cls, classes.classesOfMatcher[m]); // empty when ipBlocks are external only
        Bits.orInto(ips, classes.ipClassesOfMatcher[m]);
      }
    }
    return new Columns(cls, ips);
  }

  private void addEgress(List<Contribution> out, Rule rule, Columns cols) {
    long[] numeric = atoms.numericGroups(rule);
    if (!Bits.isEmpty(numeric)) {
      out.add(new Contribution(cols.classes(), cols.ips(), numeric));
    }
    // S10: egress named ports resolve on each destination class; toward addresses, nothing.
    for (PortSpec spec : rule.ports()) {
      if (spec.port().orElse(null) instanceof PortRef.Name n) {
        int ref = classes.refIndex(new PodClasses.NamedRef(n.name(), spec.protocol()));
        NamedTable table = namedTable(ref);
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
                out.add(new Contribution(classesThere, Bits.words(x), table.groups().get(entry))));
      }
    }
  }

  private void addIngress(List<Contribution> in, Rule rule, Columns cols, int destination) {
    long[] groups = atoms.numericGroups(rule);
    // S10: ingress named ports resolve on the selected pod, whatever the source.
    for (PortSpec spec : rule.ports()) {
      if (spec.port().orElse(null) instanceof PortRef.Name n) {
        int ref = classes.refIndex(new PodClasses.NamedRef(n.name(), spec.protocol()));
        Bits.orInto(
            groups, atoms.groupsOfPorts(spec.protocol(), classes.resolved[destination][ref]));
      }
    }
    if (!Bits.isEmpty(groups)) {
      in.add(new Contribution(cols.classes(), cols.ips(), groups));
    }
  }

  /**
   * For one named ref: the distinct port groups it resolves to, and for each class the index of its
   * resolution there (-1 when the name is not defined on the class, S10).
   */
  private record NamedTable(List<long[]> groups, int[] entryOfClass) {}

  private NamedTable namedTable(int ref) {
    return namedTables.computeIfAbsent(
        ref,
        r -> {
          Map<String, Integer> byNumbers = new HashMap<>();
          List<long[]> groups = new ArrayList<>();
          int[] entryOfClass = new int[k];
          for (int c = 0; c < k; c++) {
            int[] numbers = classes.resolved[c][r];
            if (numbers.length == 0) {
              entryOfClass[c] = -1;
              continue;
            }
            entryOfClass[c] =
                byNumbers.computeIfAbsent(
                    Arrays.toString(numbers),
                    key -> {
                      groups.add(atoms.groupsOfPorts(classes.namedRefs.get(r).protocol(), numbers));
                      return groups.size() - 1;
                    });
          }
          return new NamedTable(List.copyOf(groups), entryOfClass);
        });
  }
}
