package io.kubereach;

import io.kubereach.model.Endpoint;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoint-level answers and the {@code list} output (DESIGN §8), on top of any {@link PairPorts}:
 * unions over the pods of an endpoint (S15), the self rule (S11), and maximal external ranges of
 * equal connections (S12).
 */
final class ConnectionLister {
  static final Comparator<Connection> ORDER =
      Comparator.comparing((Connection c) -> c.source().toString())
          .thenComparing(c -> c.destination().toString());

  private final Topology topology;
  private final PairPorts pairs;
  private final Map<int[], Map<Integer, Integer>> classesOfMembers =
      Collections.synchronizedMap(new IdentityHashMap<>());

  ConnectionLister(Topology topology, PairPorts pairs) {
    this.topology = topology;
    this.pairs = pairs;
  }

  /** The ports allowed between two endpoints' members (see {@link ReachabilityIndex}). */
  PortSet ports(Topology.Members s, Topology.Members d) {
    if (s instanceof Topology.PodMembers ps && d instanceof Topology.PodMembers pd) {
      return podPorts(ps, pd);
    }
    if (s instanceof Topology.PodMembers ps && d instanceof Topology.AddressMembers ad) {
      PortSet out = PortSet.none();
      for (int atom : topology.ipAtoms.atomsOverlapping(ad.range())) {
        for (int c : classes(ps.pods()).keySet()) {
          out = out.union(pairs.toExternal(c, atom));
        }
      }
      return out;
    }
    if (s instanceof Topology.AddressMembers as && d instanceof Topology.PodMembers pd) {
      PortSet out = PortSet.none();
      for (int atom : topology.ipAtoms.atomsOverlapping(as.range())) {
        for (int c : classes(pd.pods()).keySet()) {
          out = out.union(pairs.fromExternal(atom, c));
        }
      }
      return out;
    }
    throw new IllegalArgumentException(
        "both "
            + s.endpoint()
            + " and "
            + d.endpoint()
            + " are external; no policy applies between addresses, pick a pod or workload");
  }

  private PortSet podPorts(Topology.PodMembers s, Topology.PodMembers d) {
    Optional<long[]> classPairs = classPairs(s, d);
    if (classPairs.isEmpty()) {
      return PortSet.all(); // S11: the very same pod
    }
    PortSet out = PortSet.none();
    for (long pair : classPairs.get()) {
      out = out.union(pairs.between((int) (pair >>> 32), (int) pair));
    }
    return out;
  }

  /**
   * The (source class, destination class) pairs that two endpoints' pods stand for, each packed as
   * {@code source << 32 | destination}; empty when one pod is on both ends (S11: always allowed).
   * The same endpoint of several pods on both ends means two distinct replicas.
   */
  Optional<long[]> classPairs(Topology.PodMembers s, Topology.PodMembers d) {
    boolean replicas = s.endpoint().equals(d.endpoint()) && s.pods().length > 1;
    if (!replicas) {
      for (int p : s.pods()) {
        for (int q : d.pods()) {
          if (p == q && !topology.pods.get(p).replicated()) {
            return Optional.empty();
          }
        }
      }
    }
    Map<Integer, Integer> sourceClasses = classes(s.pods());
    Map<Integer, Integer> destinationClasses = classes(d.pods());
    List<Long> out = new ArrayList<>();
    for (Map.Entry<Integer, Integer> a : sourceClasses.entrySet()) {
      for (int b : destinationClasses.keySet()) {
        // S11: two replicas of one endpoint must be distinct pods (or a replicated workload).
        if (replicas && a.getKey() == b && a.getValue() < 2) {
          continue;
        }
        out.add(((long) a.getKey() << 32) | b);
      }
    }
    return Optional.of(out.stream().mapToLong(Long::longValue).toArray());
  }

  /** The distinct classes of some pods. */
  int[] classesOf(int[] pods) {
    return classes(pods).keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The classes of some pods, each with a multiplicity: the number of its pods, or 2 when one of
   * them is a workload with two or more replicas (which stands for distinct replicas, S11).
   */
  private Map<Integer, Integer> classes(int[] pods) {
    if (pods.length == 1) {
      return Map.of(pairs.classOf(pods[0]), topology.pods.get(pods[0]).replicated() ? 2 : 1);
    }
    // Member arrays of endpoints are shared and never change: compute each once.
    return classesOfMembers.computeIfAbsent(pods, this::countClasses);
  }

  private Map<Integer, Integer> countClasses(int[] pods) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    for (int p : pods) {
      int weight = topology.pods.get(p).replicated() ? 2 : 1;
      out.merge(pairs.classOf(p), weight, Integer::sum);
    }
    return out;
  }

  /** Every allowed connection at workload granularity, or pod granularity. */
  List<Connection> list(boolean podGranularity) {
    List<WorkloadEndpoint> endpoints = podGranularity ? topology.podEndpoints : topology.groups;
    List<int[]> members = new ArrayList<>(endpoints.size());
    for (WorkloadEndpoint e : endpoints) {
      // A workload's pod-granularity endpoint has the same text as its group: look it up by kind.
      members.add(
          podGranularity
              ? new int[] {topology.podIndexOf(e)}
              : topology.membersOfGroup[topology.groupIndexOf(e)]);
    }
    List<int[]> classSets = new ArrayList<>(endpoints.size());
    for (int[] pods : members) {
      classSets.add(classes(pods).keySet().stream().mapToInt(Integer::intValue).toArray());
    }
    // Which endpoints hold each class, so each source visits only endpoints it may reach.
    Map<Integer, List<Integer>> endpointsOfClass = new HashMap<>();
    for (int j = 0; j < endpoints.size(); j++) {
      for (int c : classSets.get(j)) {
        endpointsOfClass.computeIfAbsent(c, x -> new ArrayList<>()).add(j);
      }
    }
    Map<Integer, long[]> mayReach = new HashMap<>();
    Map<Long, PortSet> cache = new HashMap<>();
    List<Connection> out = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      BitSet candidates = new BitSet(endpoints.size());
      for (int a : classSets.get(i)) {
        long[] reach = mayReach.computeIfAbsent(a, pairs::mayReach);
        for (int w = 0; w < reach.length; w++) {
          long bits = reach[w];
          while (bits != 0) {
            int c = (w << 6) + Long.numberOfTrailingZeros(bits);
            endpointsOfClass.getOrDefault(c, List.of()).forEach(candidates::set);
            bits &= bits - 1;
          }
        }
      }
      candidates.clear(i); // no X => X lines (DESIGN §8)
      for (int j = candidates.nextSetBit(0); j >= 0; j = candidates.nextSetBit(j + 1)) {
        // Distinct endpoints have disjoint pods: a plain union over class pairs (S15).
        PortSet ports = PortSet.none();
        for (int a : classSets.get(i)) {
          for (int b : classSets.get(j)) {
            ports =
                ports.union(cache.computeIfAbsent(((long) a << 32) | b, k -> pairs.between(a, b)));
          }
        }
        if (!ports.isEmpty()) {
          out.add(new Connection(endpoints.get(i), endpoints.get(j), ports));
        }
      }
      addExternal(out, endpoints.get(i), classSets.get(i));
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  /** S12: per direction, the maximal runs of address atoms with identical connections. */
  private void addExternal(List<Connection> out, Endpoint endpoint, int[] classes) {
    List<IpSpace.Block> atoms = topology.ipAtoms.atoms();
    for (boolean egress : new boolean[] {true, false}) {
      IpSpace.Block run = null;
      PortSet runPorts = null;
      for (int atom = 0; atom < atoms.size(); atom++) {
        IpSpace.Block block = atoms.get(atom);
        if (block.v6() && !topology.ipv6Listed) {
          break; // IPv6 space appears only when some input mentions IPv6 (S12)
        }
        PortSet ports = PortSet.none();
        for (int c : classes) {
          ports = ports.union(egress ? pairs.toExternal(c, atom) : pairs.fromExternal(atom, c));
        }
        if (run != null && run.v6() == block.v6() && runPorts.equals(ports)) {
          run = new IpSpace.Block(run.v6(), run.first(), block.last());
        } else {
          emit(out, endpoint, run, runPorts, egress);
          run = block;
          runPorts = ports;
        }
      }
      emit(out, endpoint, run, runPorts, egress);
    }
  }

  private static void emit(
      List<Connection> out, Endpoint endpoint, IpSpace.Block run, PortSet ports, boolean egress) {
    if (run == null || ports.isEmpty()) {
      return;
    }
    Endpoint range = run.endpoint();
    out.add(
        egress ? new Connection(endpoint, range, ports) : new Connection(range, endpoint, ports));
  }

  /** The lines of a listing that leave (or reach) an endpoint, for reachableFrom/To. */
  static List<Connection> touching(List<Connection> listing, Topology.Members m, boolean asSource) {
    List<Connection> out = new ArrayList<>();
    for (Connection c : listing) {
      Endpoint e = asSource ? c.source() : c.destination();
      boolean match =
          m instanceof Topology.AddressMembers a
              ? e instanceof io.kubereach.model.ExternalEndpoint x
                  && IpSpace.range(x).overlaps(a.range())
              : e.equals(m.endpoint());
      if (match) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }
}
