package io.kubereach.internal.engine;

import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.NamedPorts;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ContainerPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4b of the engine (docs/architecture.md): pods with the same membership in every compiled
 * selection, the same address-set memberships (S12) and the same named-port table (S10) behave
 * identically as source and as destination, and share one class. Two distinct pods of one class
 * still follow the rules between them (S11). Immutable.
 */
final class PodClasses {
  /** What two pods must share to be in one class. */
  private record ClassKey(List<Integer> selections, BitSet ips, List<List<Integer>> namedPorts) {}

  /** Replicas share profile, ports and memberships: the class of such a pod is looked up once. */
  private record PodShape(int profile, List<ContainerPort> ports, BitSet ips) {}

  private final int count;
  private final int[] classOfPod;
  private final int[] exemplar;
  private final long[][] classesOfSelection;
  private final long[][] classesOfMatcher;
  private final List<NamedRef> namedRefs;
  private final int[][][] resolved;

  PodClasses(
      PodTable table,
      ProfileSelections selections,
      IpMemberships ips,
      int matchers,
      List<NamedRef> namedRefs) {
    this.namedRefs = namedRefs;
    List<List<Integer>> membership = new ArrayList<>();
    for (int i = 0; i < selections.profiles(); i++) {
      membership.add(new ArrayList<>());
    }
    for (int s = 0; s < selections.count(); s++) {
      BitSet bits = selections.profilesOf(s);
      for (int p = bits.nextSetBit(0); p >= 0; p = bits.nextSetBit(p + 1)) {
        membership.get(p).add(s);
      }
    }
    Map<ClassKey, Integer> ids = new HashMap<>();
    Map<PodShape, Integer> seen = new HashMap<>();
    classOfPod = new int[table.size()];
    List<Integer> exemplars = new ArrayList<>();
    List<BitSet> ipsOfClass = new ArrayList<>();
    List<int[][]> tables = new ArrayList<>();
    for (AnalysisPod pod : table.pods()) {
      BitSet podIps = ips.of(pod.index()); // shared, only read
      int profile = selections.profileOf(pod.index());
      PodShape shape = new PodShape(profile, pod.ports(), podIps);
      Integer id = seen.get(shape);
      if (id == null) {
        int[][] named = namedPortTable(pod);
        ClassKey key =
            new ClassKey(
                membership.get(profile),
                podIps,
                Arrays.stream(named).map(n -> Arrays.stream(n).boxed().toList()).toList());
        id = ids.get(key);
        if (id == null) {
          id = exemplars.size();
          ids.put(key, id);
          exemplars.add(pod.index());
          ipsOfClass.add(podIps);
          tables.add(named);
        }
        seen.put(shape, id);
      }
      classOfPod[pod.index()] = id;
    }
    count = exemplars.size();
    exemplar = exemplars.stream().mapToInt(Integer::intValue).toArray();
    resolved = tables.toArray(int[][][]::new);
    // Walk each selection's profiles and map them to classes: no selections x classes scan.
    List<List<Integer>> classesOfProfile = new ArrayList<>();
    for (int i = 0; i < selections.profiles(); i++) {
      classesOfProfile.add(new ArrayList<>());
    }
    for (int c = 0; c < count; c++) {
      classesOfProfile.get(selections.profileOf(exemplar[c])).add(c);
    }
    classesOfSelection = new long[selections.count()][];
    for (int s = 0; s < classesOfSelection.length; s++) {
      long[] words = Bits.words(count);
      BitSet bits = selections.profilesOf(s);
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
        if (ipsOfClass.get(c).get(m)) {
          Bits.set(classesOfMatcher[m], c);
        }
      }
    }
  }

  /** S10: what each named port of the rules resolves to on this pod. */
  private int[][] namedPortTable(AnalysisPod pod) {
    int[][] out = new int[namedRefs.size()][];
    for (int r = 0; r < out.length; r++) {
      NamedRef ref = namedRefs.get(r);
      out[r] = NamedPorts.resolve(ref.name(), ref.protocol(), pod.ports());
    }
    return out;
  }

  /** The number of classes. */
  int count() {
    return count;
  }

  /** The class of an analysis pod. */
  int classOf(int pod) {
    return classOfPod[pod];
  }

  /** A pod of the class, which stands for it. */
  int exemplar(int cls) {
    return exemplar[cls];
  }

  /** The classes whose pods a selection holds, as words: shared, never modify. */
  long[] selected(int selection) {
    return classesOfSelection[selection];
  }

  /** The classes whose pods have an IP inside an address set (S12): shared, never modify. */
  long[] holdingIpIn(int matcher) {
    return classesOfMatcher[matcher];
  }

  /** The named ports of the rules, in the order of {@link #resolved}. */
  List<NamedRef> namedRefs() {
    return namedRefs;
  }

  /** The index of a named port among {@link #namedRefs()}. */
  int refIndex(NamedRef ref) {
    return namedRefs.indexOf(ref);
  }

  /** The port numbers a named port resolves to on the pods of a class (S10): do not modify. */
  int[] resolved(int cls, int ref) {
    return resolved[cls][ref];
  }
}
