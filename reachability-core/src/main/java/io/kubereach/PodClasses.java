package io.kubereach;

import io.kubereach.model.ContainerPort;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pod equivalence classes (DESIGN §5.5): pods with the same membership in every compiled selection,
 * the same ipBlock memberships (S12) and the same named-port table (S10) behave identically as
 * source and as destination. Likewise, address atoms with the same ipBlock memberships form IP
 * classes. Two distinct pods of one class still follow the rules between them (S11).
 */
final class PodClasses {
  /** A named port as rules write it: a name and the rule's protocol (S10). */
  record NamedRef(String name, Protocol protocol) {}

  final int count;
  final int[] classOfPod;
  final int[] exemplar;

  /** Per selection: the classes whose pods it holds, as words. */
  final long[][] classesOfSelection;

  /**
   * Per matcher: the classes whose pods have an IP inside it (empty when ipBlocks are external
   * only).
   */
  final long[][] classesOfMatcher;

  final int ipCount;
  final int[] ipClassOfAtom;

  /** Per matcher: the IP classes inside it. */
  final long[][] ipClassesOfMatcher;

  /** Every named port that some rule uses. */
  final List<NamedRef> namedRefs;

  /** Per class, per named ref: the port numbers it resolves to on the class's pods. */
  final int[][][] resolved;

  PodClasses(Topology topology, SelectorCompiler selectors) {
    namedRefs = namedRefs(topology);
    List<List<Integer>> membership = new ArrayList<>();
    for (int i = 0; i < selectors.profiles; i++) {
      membership.add(new ArrayList<>());
    }
    for (int s = 0; s < selectors.selections.size(); s++) {
      BitSet bits = selectors.selections.get(s);
      for (int p = bits.nextSetBit(0); p >= 0; p = bits.nextSetBit(p + 1)) {
        membership.get(p).add(s);
      }
    }
    int matchers = topology.matchers.size();
    Map<List<Object>, Integer> ids = new HashMap<>();
    classOfPod = new int[topology.pods.size()];
    List<Integer> exemplars = new ArrayList<>();
    List<BitSet> ipSigs = new ArrayList<>();
    List<int[][]> tables = new ArrayList<>();
    // Replicas share profile, ports and ipBlock memberships: compute their class key once.
    Map<List<Object>, Integer> seen = new HashMap<>();
    for (AnalysisPod pod : topology.pods) {
      BitSet ipSig = topology.matchersOf(pod.index()); // S12; shared, only read
      int profile = selectors.profileOfPod[pod.index()];
      List<Object> quick = List.of(profile, pod.ports(), ipSig);
      Integer id = seen.get(quick);
      if (id == null) {
        int[][] table = table(pod);
        List<Object> key =
            List.of(
                membership.get(profile),
                ipSig,
                Arrays.stream(table).map(Arrays::toString).toList());
        id = ids.get(key);
        if (id == null) {
          id = exemplars.size();
          ids.put(key, id);
          exemplars.add(pod.index());
          ipSigs.add(ipSig);
          tables.add(table);
        }
        seen.put(quick, id);
      }
      classOfPod[pod.index()] = id;
    }
    count = exemplars.size();
    exemplar = exemplars.stream().mapToInt(Integer::intValue).toArray();
    resolved = tables.toArray(int[][][]::new);
    // Walk each selection's profiles and map them to classes: no selections × classes scan.
    List<List<Integer>> classesOfProfile = new ArrayList<>();
    for (int i = 0; i < selectors.profiles; i++) {
      classesOfProfile.add(new ArrayList<>());
    }
    for (int c = 0; c < count; c++) {
      classesOfProfile.get(selectors.profileOfPod[exemplar[c]]).add(c);
    }
    classesOfSelection = new long[selectors.selections.size()][];
    for (int s = 0; s < classesOfSelection.length; s++) {
      long[] words = Bits.words(count);
      BitSet bits = selectors.selections.get(s);
      for (int p = bits.nextSetBit(0); p >= 0; p = bits.nextSetBit(p + 1)) {
        for (int c : classesOfProfile.get(p)) {
          Bits.set(words, c);
        }
      }
      classesOfSelection[s] = words;
    }
    classesOfMatcher = new long[matchers][];
    for (int m = 0; m < matchers; m++) {
      classesOfMatcher[m] = Bits.words(count);
      for (int c = 0; c < count; c++) {
        if (ipSigs.get(c).get(m)) {
          Bits.set(classesOfMatcher[m], c);
        }
      }
    }

    IpAtoms atoms = topology.ipAtoms;
    Map<BitSet, Integer> ipIds = new HashMap<>();
    List<BitSet> ipClassSigs = new ArrayList<>();
    ipClassOfAtom = new int[atoms.size()];
    for (int a = 0; a < atoms.size(); a++) {
      IpSpace.Block block = atoms.atom(a);
      IpSpace.Address first = new IpSpace.Address(block.v6(), block.first());
      BitSet sig = new BitSet(matchers);
      for (int m = 0; m < matchers; m++) {
        if (topology.matchers.get(m).contains(first)) {
          sig.set(m);
        }
      }
      Integer id = ipIds.get(sig);
      if (id == null) {
        id = ipClassSigs.size();
        ipIds.put(sig, id);
        ipClassSigs.add(sig);
      }
      ipClassOfAtom[a] = id;
    }
    ipCount = ipClassSigs.size();
    ipClassesOfMatcher = new long[matchers][];
    for (int m = 0; m < matchers; m++) {
      ipClassesOfMatcher[m] = Bits.words(ipCount);
      for (int x = 0; x < ipCount; x++) {
        if (ipClassSigs.get(x).get(m)) {
          Bits.set(ipClassesOfMatcher[m], x);
        }
      }
    }
  }

  /** S10: the numbers each used named port resolves to on this pod, by name AND protocol. */
  private int[][] table(AnalysisPod pod) {
    int[][] out = new int[namedRefs.size()][];
    for (int r = 0; r < out.length; r++) {
      NamedRef ref = namedRefs.get(r);
      out[r] =
          pod.ports().stream()
              .filter(
                  cp ->
                      cp.name().equals(Optional.of(ref.name())) && cp.protocol() == ref.protocol())
              .mapToInt(ContainerPort::number)
              .sorted()
              .distinct()
              .toArray();
    }
    return out;
  }

  private static List<NamedRef> namedRefs(Topology topology) {
    Set<NamedRef> refs = new LinkedHashSet<>();
    for (NetworkPolicy policy : topology.snapshot.policies()) {
      for (PolicyType direction : PolicyType.values()) {
        for (Rule rule : policy.rules(direction)) {
          for (PortSpec spec : rule.ports()) {
            if (spec.port().orElse(null) instanceof PortRef.Name n) {
              refs.add(new NamedRef(n.name(), spec.protocol()));
            }
          }
        }
      }
    }
    return List.copyOf(refs);
  }

  /** The index of a named ref among {@link #namedRefs}. */
  int refIndex(NamedRef ref) {
    return namedRefs.indexOf(ref);
  }
}
