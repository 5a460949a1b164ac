package io.kubereach;

import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSet;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Port atoms (DESIGN §5.3): {SCTP, TCP, UDP} × [1, 65535] split at every boundary that a rule uses
 * (numbers, range ends, named ports resolved on every pod class, S9, S10). Atoms contained in the
 * same fragments behave alike everywhere and share one atom group; the matrices are built per
 * group.
 */
final class PortAtoms {
  private static final Protocol[] PROTOCOLS = Protocol.values();

  /** Per protocol ordinal, the first port of each atom, ascending. */
  private final int[][] starts;

  private final int[] offset;
  private final int[] groupOfAtom;
  private final Map<List<Integer>, Integer> fragmentIds = new HashMap<>();
  private final List<long[]> groupsOfFragment = new ArrayList<>();
  final int groupCount;
  final PortSet[] portsOfGroup;

  /** The number of port atoms over all protocols (DESIGN §5.3). */
  final int atomCount;

  PortAtoms(Topology topology, PodClasses classes) {
    List<int[]> fragments = new ArrayList<>();
    for (NetworkPolicy policy : topology.snapshot.policies()) {
      for (PolicyType direction : PolicyType.values()) {
        for (Rule rule : policy.rules(direction)) {
          for (PortSpec spec : rule.ports()) {
            fragment(spec).ifPresent(fragments::add);
          }
        }
      }
    }
    for (int c = 0; c < classes.count; c++) {
      for (int r = 0; r < classes.namedRefs.size(); r++) {
        int protocol = classes.namedRefs.get(r).protocol().ordinal();
        for (int n : classes.resolved[c][r]) {
          fragments.add(new int[] {protocol, n, n});
        }
      }
    }
    List<TreeSet<Integer>> bounds = new ArrayList<>();
    for (int p = 0; p < PROTOCOLS.length; p++) {
      TreeSet<Integer> b = new TreeSet<>();
      b.add(Port.MIN);
      bounds.add(b);
    }
    for (int[] f : fragments) {
      bounds.get(f[0]).add(f[1]);
      if (f[2] < Port.MAX) {
        bounds.get(f[0]).add(f[2] + 1);
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
    List<BitSet> signatures = new ArrayList<>();
    for (int a = 0; a < atoms; a++) {
      signatures.add(new BitSet());
    }
    List<int[]> distinct = new ArrayList<>();
    for (int[] f : fragments) {
      List<Integer> key = List.of(f[0], f[1], f[2]);
      if (!fragmentIds.containsKey(key)) {
        int id = distinct.size();
        fragmentIds.put(key, id);
        distinct.add(f);
        for (int a = atomOf(f[0], f[1]); a <= atomOf(f[0], f[2]); a++) {
          signatures.get(a).set(id);
        }
      }
    }
    Map<BitSet, Integer> groupIds = new HashMap<>();
    groupOfAtom = new int[atoms];
    List<List<PortRange>> rangesOfGroup = new ArrayList<>();
    for (int p = 0; p < PROTOCOLS.length; p++) {
      for (int i = 0; i < starts[p].length; i++) {
        int a = offset[p] + i;
        // Atoms in exactly the same fragments behave alike, whatever their protocol.
        Integer g = groupIds.get(signatures.get(a));
        if (g == null) {
          g = rangesOfGroup.size();
          groupIds.put(signatures.get(a), g);
          rangesOfGroup.add(new ArrayList<>());
        }
        groupOfAtom[a] = g;
        int last = i + 1 < starts[p].length ? starts[p][i + 1] - 1 : Port.MAX;
        rangesOfGroup.get(g).add(new PortRange(PROTOCOLS[p], starts[p][i], last));
      }
    }
    atomCount = atoms;
    groupCount = rangesOfGroup.size();
    portsOfGroup = rangesOfGroup.stream().map(PortSet::of).toArray(PortSet[]::new);
    for (int[] f : distinct) {
      long[] groups = Bits.words(groupCount);
      for (int a = atomOf(f[0], f[1]); a <= atomOf(f[0], f[2]); a++) {
        Bits.set(groups, groupOfAtom[a]);
      }
      groupsOfFragment.add(groups);
    }
  }

  /** S9: the port interval of a numbered or whole-protocol spec; named ports have none here. */
  private static java.util.Optional<int[]> fragment(PortSpec spec) {
    int protocol = spec.protocol().ordinal();
    if (spec.port().isEmpty()) {
      return java.util.Optional.of(new int[] {protocol, Port.MIN, Port.MAX});
    }
    if (spec.port().get() instanceof PortRef.Number n) {
      return java.util.Optional.of(
          new int[] {protocol, n.number(), spec.endPort().orElse(n.number())});
    }
    return java.util.Optional.empty();
  }

  private int atomOf(int protocol, int number) {
    int i = Arrays.binarySearch(starts[protocol], number);
    return offset[protocol] + (i >= 0 ? i : -i - 2);
  }

  /** The atom group holding {@code port}. */
  int groupOf(Port port) {
    return groupOfAtom[atomOf(port.protocol().ordinal(), port.number())];
  }

  /** The groups of a rule's numbered and whole-protocol ports (S6: no ports means all). */
  long[] numericGroups(Rule rule) {
    if (rule.ports().isEmpty()) {
      return Bits.ones(groupCount);
    }
    long[] out = Bits.words(groupCount);
    for (PortSpec spec : rule.ports()) {
      fragment(spec)
          .ifPresent(
              f ->
                  Bits.orInto(
                      out, groupsOfFragment.get(fragmentIds.get(List.of(f[0], f[1], f[2])))));
    }
    return out;
  }

  /** The groups of the given numbers of one protocol (resolved named ports, S10). */
  long[] groupsOfPorts(Protocol protocol, int[] numbers) {
    long[] out = Bits.words(groupCount);
    for (int n : numbers) {
      Bits.orInto(out, groupsOfFragment.get(fragmentIds.get(List.of(protocol.ordinal(), n, n))));
    }
    return out;
  }
}
