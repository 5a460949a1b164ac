package io.kubereach.internal.engine;

import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.internal.semantics.PortMatch;
import io.kubereach.internal.semantics.TierRule;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortSet;
import io.kubereach.model.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Step 6 of the engine (docs/architecture.md): {SCTP, TCP, UDP} × [1, 65535] cut at every boundary
 * a rule uses (numbered ranges, and named ports as resolved on every pod class, S9, S10, T7) into
 * disjoint atoms. Atoms inside exactly the same ranges behave alike everywhere and share one port
 * class; the matrices are built per port class. Immutable.
 */
final class PortAtoms {
  private static final Protocol[] PROTOCOLS = Protocol.values();

  /** Per protocol ordinal, the first port of each atom, ascending. */
  private final int[][] starts;

  private final int[] offset;
  private final int[] classOfAtom;
  private final Map<PortRange, long[]> classesOfRange = new HashMap<>();
  private final int atomCount;
  private final PortSet[] portsOfClass;

  PortAtoms(CompiledPolicies policies, PodClasses classes) {
    Set<PortRange> ranges = new LinkedHashSet<>();
    // Equal port matches are one instance (CompiledPolicies): each is read once.
    Set<PortMatch> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (CompiledPolicy policy : policies.all()) {
      for (PolicyType direction : PolicyType.values()) {
        for (CompiledRule rule : policy.rules(direction)) {
          if (seen.add(rule.ports())) {
            ranges.addAll(rule.ports().numeric());
          }
        }
      }
    }
    policies.tierRules().map(TierRule::ports).forEach(p -> ranges.addAll(p.numeric()));
    // Named ports as resolved on every class: the classes share a few tables, whose ports are
    // gathered as bits first, and a range is made of each distinct one.
    BitSet[] named = new BitSet[PROTOCOLS.length];
    for (int p = 0; p < PROTOCOLS.length; p++) {
      named[p] = new BitSet(Port.MAX + 1);
    }
    for (List<List<Port>> table : classes.namedPortTables()) {
      for (List<Port> resolved : table) {
        for (Port port : resolved) {
          named[port.protocol().ordinal()].set(port.number());
        }
      }
    }
    for (int p = 0; p < PROTOCOLS.length; p++) {
      for (int n = named[p].nextSetBit(0); n >= 0; n = named[p].nextSetBit(n + 1)) {
        ranges.add(PortRange.of(new Port(PROTOCOLS[p], n)));
      }
    }
    List<TreeSet<Integer>> bounds = new ArrayList<>();
    for (int p = 0; p < PROTOCOLS.length; p++) {
      TreeSet<Integer> b = new TreeSet<>();
      b.add(Port.MIN);
      bounds.add(b);
    }
    for (PortRange r : ranges) {
      bounds.get(r.protocol().ordinal()).add(r.first());
      if (r.last() < Port.MAX) {
        bounds.get(r.protocol().ordinal()).add(r.last() + 1);
      }
    }
    starts = new int[PROTOCOLS.length][];
    offset = new int[PROTOCOLS.length];
    int atoms = 0;
    for (int p = 0; p < PROTOCOLS.length; p++) {
      starts[p] = bounds.get(p).stream().mapToInt(Integer::intValue).toArray();
      offset[p] = atoms;
      atoms += starts[p].length;
    }
    // The signature of an atom: the ranges it lies in.
    List<BitSet> signatures = new ArrayList<>();
    for (int a = 0; a < atoms; a++) {
      signatures.add(new BitSet());
    }
    List<PortRange> distinct = List.copyOf(ranges);
    for (int id = 0; id < distinct.size(); id++) {
      PortRange r = distinct.get(id);
      for (int a = atomOf(r.protocol(), r.first()); a <= atomOf(r.protocol(), r.last()); a++) {
        signatures.get(a).set(id);
      }
    }
    Map<BitSet, Integer> classIds = new HashMap<>();
    classOfAtom = new int[atoms];
    List<List<PortRange>> rangesOfClass = new ArrayList<>();
    for (int p = 0; p < PROTOCOLS.length; p++) {
      for (int i = 0; i < starts[p].length; i++) {
        int a = offset[p] + i;
        // Atoms in exactly the same ranges behave alike, whatever their protocol.
        Integer c = classIds.get(signatures.get(a));
        if (c == null) {
          c = rangesOfClass.size();
          classIds.put(signatures.get(a), c);
          rangesOfClass.add(new ArrayList<>());
        }
        classOfAtom[a] = c;
        int last = i + 1 < starts[p].length ? starts[p][i + 1] - 1 : Port.MAX;
        rangesOfClass.get(c).add(new PortRange(PROTOCOLS[p], starts[p][i], last));
      }
    }
    atomCount = atoms;
    portsOfClass = rangesOfClass.stream().map(PortSet::of).toArray(PortSet[]::new);
    for (PortRange r : distinct) {
      long[] covered = Bits.words(portsOfClass.length);
      for (int a = atomOf(r.protocol(), r.first()); a <= atomOf(r.protocol(), r.last()); a++) {
        Bits.set(covered, classOfAtom[a]);
      }
      classesOfRange.put(r, covered);
    }
  }

  private int atomOf(Protocol protocol, int number) {
    int i = Arrays.binarySearch(starts[protocol.ordinal()], number);
    return offset[protocol.ordinal()] + (i >= 0 ? i : -i - 2);
  }

  /** The number of port atoms over all protocols. */
  int atomCount() {
    return atomCount;
  }

  /** The number of port classes. */
  int count() {
    return portsOfClass.length;
  }

  /** The ports of a class: the union of its atoms. */
  PortSet ports(int portClass) {
    return portsOfClass[portClass];
  }

  /** The class holding {@code port}. */
  int classOf(Port port) {
    return classOfAtom[atomOf(port.protocol(), port.number())];
  }

  /** The classes of a rule's numbered ranges, as words (S6: no ports means all). */
  long[] numeric(PortMatch ports) {
    if (ports.all()) {
      return Bits.ones(count());
    }
    long[] out = Bits.words(count());
    ports.numeric().forEach(r -> Bits.orInto(out, classesOfRange.get(r)));
    return out;
  }

  /** The classes of some ports (resolved named ports, S10, T7). */
  long[] ofPorts(List<Port> ports) {
    long[] out = Bits.words(count());
    for (Port p : ports) {
      Bits.orInto(out, classesOfRange.get(PortRange.of(p)));
    }
    return out;
  }
}
