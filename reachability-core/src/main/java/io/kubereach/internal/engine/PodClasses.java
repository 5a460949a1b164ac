package io.kubereach.internal.engine;

import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.NamedPorts;
import io.kubereach.internal.semantics.PeerSet.Network;
import io.kubereach.internal.semantics.PeerSet.PodAddresses;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
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
  /**
   * What two pods must share to be in one class, each part as a number: the set of selections
   * holding the pod's profile, its address-set memberships by both rules, its named-port table.
   */
  private record ClassKey(int selections, int anyIp, int firstFamily, int namedPorts) {}

  private final int count;
  private final int[] classOfPod;
  private final int[] exemplar;
  private final ProfileSelections selections;
  private final IpMemberships ips;
  private final int matchers;
  private final int[][] classesOfProfile;
  private final List<NamedRef> namedRefs;
  private final List<List<List<Port>>> resolved;
  private final List<List<List<Port>>> tables = new ArrayList<>();

  /** Filled on first need: a what-if asks about the selections and address sets of few rules. */
  private final long[][] classesOfSelection;

  private final Map<PodAddresses, long[][]> classesOfMatcher = new HashMap<>();

  /**
   * Classes are unions of {@code shapes}, so keys are computed once per shape and classes are
   * numbered in the order of their first pod, as a walk over the pods would number them.
   */
  PodClasses(
      PodTable table,
      PodShapes shapes,
      ProfileSelections selections,
      IpMemberships ips,
      int matchers,
      List<NamedRef> namedRefs) {
    this.selections = selections;
    this.ips = ips;
    this.matchers = matchers;
    this.namedRefs = namedRefs;
    int[] membershipOfProfile = memberships(selections);
    int[] tableOfPortList = new int[shapes.portListCount()];
    Map<List<List<Port>>, Integer> tableIds = new HashMap<>();
    for (int l = 0; l < tableOfPortList.length; l++) {
      tableOfPortList[l] =
          tableIds.computeIfAbsent(
              namedPortTable(shapes.ports(l)),
              t -> {
                tables.add(t);
                return tables.size() - 1;
              });
    }
    Map<ClassKey, Integer> ids = new HashMap<>();
    int[] classOfShape = new int[shapes.count()];
    List<Integer> exemplars = new ArrayList<>();
    List<List<List<Port>>> tableOfClass = new ArrayList<>();
    for (int shape = 0; shape < shapes.count(); shape++) {
      int named = tableOfPortList[shapes.portList(shape)];
      ClassKey key =
          new ClassKey(
              membershipOfProfile[shapes.profile(shape)],
              shapes.membership(shape, PodAddresses.ANY_KNOWN_IP),
              shapes.membership(shape, PodAddresses.FIRST_FAMILY),
              named);
      Integer id = ids.get(key);
      if (id == null) {
        id = exemplars.size();
        ids.put(key, id);
        exemplars.add(shapes.firstPod(shape));
        tableOfClass.add(tables.get(named));
      }
      classOfShape[shape] = id;
    }
    classOfPod = new int[table.size()];
    for (int pod = 0; pod < classOfPod.length; pod++) {
      classOfPod[pod] = classOfShape[shapes.of(pod)];
    }
    count = exemplars.size();
    exemplar = exemplars.stream().mapToInt(Integer::intValue).toArray();
    resolved = List.copyOf(tableOfClass);
    List<List<Integer>> ofProfile = new ArrayList<>();
    for (int i = 0; i < selections.profiles(); i++) {
      ofProfile.add(new ArrayList<>());
    }
    for (int c = 0; c < count; c++) {
      ofProfile.get(selections.profileOf(exemplar[c])).add(c);
    }
    classesOfProfile =
        ofProfile.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    classesOfSelection = new long[selections.count()][];
  }

  /**
   * The set of selections holding each profile, as a number (equal sets, equal numbers): walked
   * from each selection's profiles, never selections x profiles.
   */
  private static int[] memberships(ProfileSelections selections) {
    List<List<Integer>> membership = new ArrayList<>();
    for (int i = 0; i < selections.profiles(); i++) {
      membership.add(new ArrayList<>());
    }
    for (int s = 0; s < selections.count(); s++) {
      for (int p : selections.profilesOf(s)) {
        membership.get(p).add(s);
      }
    }
    Map<List<Integer>, Integer> ids = new HashMap<>();
    int[] out = new int[membership.size()];
    for (int p = 0; p < out.length; p++) {
      out[p] = ids.computeIfAbsent(membership.get(p), m -> ids.size());
    }
    return out;
  }

  /** S10, T7: what each named port of the rules resolves to on pods with these ports. */
  private List<List<Port>> namedPortTable(List<ContainerPort> ports) {
    List<List<Port>> out = new ArrayList<>(namedRefs.size());
    for (NamedRef ref : namedRefs) {
      out.add(NamedPorts.resolve(ref, ports));
    }
    return out;
  }

  /** The distinct named-port tables of the pods, for the port atoms. */
  List<List<List<Port>>> namedPortTables() {
    return tables;
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
  synchronized long[] selected(int selection) {
    long[] words = classesOfSelection[selection];
    if (words == null) {
      words = Bits.words(count);
      for (int p : selections.profilesOf(selection)) {
        for (int c : classesOfProfile[p]) {
          Bits.set(words, c);
        }
      }
      classesOfSelection[selection] = words;
    }
    return words;
  }

  /** The classes whose pods an address set holds, by its rule (S12, T8): shared, never modify. */
  synchronized long[] held(Network network) {
    return classesOfMatcher.computeIfAbsent(network.pods(), this::held)[network.id()];
  }

  /**
   * Every address set's classes by one rule. A pod is in a few address sets: each class's
   * memberships are walked, not every set per class.
   */
  private long[][] held(PodAddresses rule) {
    long[][] byMatcher = new long[matchers][];
    for (int m = 0; m < matchers; m++) {
      byMatcher[m] = Bits.words(count);
    }
    for (int c = 0; c < count; c++) {
      BitSet held = ips.of(exemplar[c], rule);
      for (int m = held.nextSetBit(0); m >= 0 && m < matchers; m = held.nextSetBit(m + 1)) {
        Bits.set(byMatcher[m], c);
      }
    }
    return byMatcher;
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
