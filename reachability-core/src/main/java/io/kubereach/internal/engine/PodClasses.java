package io.kubereach.internal.engine;

import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.NamedPorts;
import io.kubereach.internal.semantics.PeerSet.Network;
import io.kubereach.internal.semantics.PeerSet.PodAddresses;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Port;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5 of the engine (docs/architecture.md): pods with the same membership in every compiled
 * selection, the same address-set memberships by both rules (S12, T8) and the same named-port table
 * (S10, T7) behave identically as source and as destination, and share one class. Two distinct pods
 * of one class still follow the rules between them (S11). Immutable.
 */
final class PodClasses {
  /** What two pods must share to be in one class. */
  private record ClassKey(
      List<Integer> selections, BitSet anyIp, BitSet firstFamily, List<List<Port>> namedPorts) {}

  /** Replicas share profile, ports and memberships: the class of such a pod is looked up once. */
  private record PodShape(
      int profile, List<ContainerPort> ports, BitSet anyIp, BitSet firstFamily) {}

  private final int count;
  private final int[] classOfPod;
  private final int[] exemplar;
  private final long[][] classesOfSelection;
  private final Map<PodAddresses, long[][]> classesOfMatcher = new HashMap<>();
  private final List<NamedRef> namedRefs;
  private final List<List<List<Port>>> resolved;

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
    List<List<List<Port>>> tables = new ArrayList<>();
    PodShape last = null;
    int lastId = -1;
    for (AnalysisPod pod : table.pods()) {
      BitSet anyIp = ips.of(pod.index(), PodAddresses.ANY_KNOWN_IP); // shared, only read
      BitSet firstFamily = ips.of(pod.index(), PodAddresses.FIRST_FAMILY);
      int profile = selections.profileOf(pod.index());
      PodShape shape = new PodShape(profile, pod.ports(), anyIp, firstFamily);
      if (shape.equals(last)) {
        // The replicas of an owner come one after another: no hashing of their ports and sets.
        classOfPod[pod.index()] = lastId;
        continue;
      }
      Integer id = seen.get(shape);
      if (id == null) {
        List<List<Port>> named = namedPortTable(pod);
        ClassKey key = new ClassKey(membership.get(profile), anyIp, firstFamily, named);
        id = ids.get(key);
        if (id == null) {
          id = exemplars.size();
          ids.put(key, id);
          exemplars.add(pod.index());
          tables.add(named);
        }
        seen.put(shape, id);
      }
      classOfPod[pod.index()] = id;
      last = shape;
      lastId = id;
    }
    count = exemplars.size();
    exemplar = exemplars.stream().mapToInt(Integer::intValue).toArray();
    resolved = List.copyOf(tables);
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
    for (PodAddresses rule : PodAddresses.values()) {
      long[][] byMatcher = new long[matchers][];
      for (int m = 0; m < matchers; m++) {
        byMatcher[m] = Bits.words(count);
      }
      // A pod is in a few address sets: walk each class's memberships, not every set per class.
      for (int c = 0; c < count; c++) {
        BitSet held = ips.of(exemplar[c], rule);
        for (int m = held.nextSetBit(0); m >= 0 && m < matchers; m = held.nextSetBit(m + 1)) {
          Bits.set(byMatcher[m], c);
        }
      }
      classesOfMatcher.put(rule, byMatcher);
    }
  }

  /** S10, T7: what each named port of the rules resolves to on this pod. */
  private List<List<Port>> namedPortTable(AnalysisPod pod) {
    List<List<Port>> out = new ArrayList<>(namedRefs.size());
    for (NamedRef ref : namedRefs) {
      out.add(NamedPorts.resolve(ref, pod.ports()));
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

  /** The classes whose pods an address set holds, by its rule (S12, T8): shared, never modify. */
  long[] held(Network network) {
    return classesOfMatcher.get(network.pods())[network.id()];
  }

  /** The named ports of the rules, in the order of {@link #resolved}. */
  List<NamedRef> namedRefs() {
    return namedRefs;
  }

  /** The index of a named port among {@link #namedRefs()}. */
  int refIndex(NamedRef ref) {
    return namedRefs.indexOf(ref);
  }

  /** The ports a named port resolves to on the pods of a class (S10, T7). */
  List<Port> resolved(int cls, int ref) {
    return resolved.get(cls).get(ref);
  }
}
