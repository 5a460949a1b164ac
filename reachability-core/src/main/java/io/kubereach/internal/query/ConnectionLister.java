package io.kubereach;

import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

  /**
   * Every allowed connection at workload granularity, or pod granularity. Endpoints with the same
   * set of classes get the same answers (S15: an endpoint's connections are the union over its
   * pods), so the work is per pair of such kinds with some allowed port, then one line per pair of
   * their endpoints: O(kinds² + output), never endpoints².
   */
  List<Connection> list(boolean podGranularity) {
    List<WorkloadEndpoint> endpoints = podGranularity ? topology.podEndpoints : topology.groups;
    // Endpoints by kind: the sorted distinct classes of their pods.
    Map<List<Integer>, Integer> kindIds = new HashMap<>();
    List<int[]> classesOfKind = new ArrayList<>();
    List<List<Integer>> endpointsOfKind = new ArrayList<>();
    for (int j = 0; j < endpoints.size(); j++) {
      WorkloadEndpoint e = endpoints.get(j);
      // A workload's pod-granularity endpoint has the same text as its group: look it up by kind.
      int[] pods =
          podGranularity
              ? new int[] {topology.podIndexOf(e)}
              : topology.membersOfGroup[topology.groupIndexOf(e)];
      int[] classes = classesOf(pods);
      Arrays.sort(classes);
      List<Integer> key = Arrays.stream(classes).boxed().toList();
      Integer kind = kindIds.get(key);
      if (kind == null) {
        kind = classesOfKind.size();
        kindIds.put(key, kind);
        classesOfKind.add(classes);
        endpointsOfKind.add(new ArrayList<>());
      }
      endpointsOfKind.get(kind).add(j);
    }
    int kinds = classesOfKind.size();
    // S12: the external runs of each kind, computed once per kind.
    List<List<Run>> runsOfKind = new ArrayList<>(kinds);
    TreeMap<String, ExternalEndpoint> ranges = new TreeMap<>();
    for (int a = 0; a < kinds; a++) {
      List<Run> runs = runs(classesOfKind.get(a));
      runs.forEach(run -> ranges.putIfAbsent(run.range().toString(), run.range()));
      runsOfKind.add(runs);
    }
    Ranks ranks = new Ranks(endpoints, ranges);
    Lines lines = new Lines();
    // Which kinds hold each class, so each kind visits only kinds it may reach.
    Map<Integer, List<Integer>> kindsOfClass = new HashMap<>();
    for (int k = 0; k < kinds; k++) {
      for (int c : classesOfKind.get(k)) {
        kindsOfClass.computeIfAbsent(c, x -> new ArrayList<>()).add(k);
      }
    }
    Map<Long, PortSet> cache = new HashMap<>();
    for (int a = 0; a < kinds; a++) {
      BitSet candidates = new BitSet(kinds);
      for (int c : classesOfKind.get(a)) {
        long[] reach = pairs.mayReach(c);
        for (int w = 0; w < reach.length; w++) {
          long bits = reach[w];
          while (bits != 0) {
            int d = (w << 6) + Long.numberOfTrailingZeros(bits);
            kindsOfClass.getOrDefault(d, List.of()).forEach(candidates::set);
            bits &= bits - 1;
          }
        }
      }
      for (int b = candidates.nextSetBit(0); b >= 0; b = candidates.nextSetBit(b + 1)) {
        // Distinct endpoints have disjoint pods: a plain union over class pairs (S15).
        PortSet ports = PortSet.none();
        for (int x : classesOfKind.get(a)) {
          for (int y : classesOfKind.get(b)) {
            ports =
                ports.union(cache.computeIfAbsent(((long) x << 32) | y, k -> pairs.between(x, y)));
          }
        }
        if (ports.isEmpty()) {
          continue;
        }
        for (int i : endpointsOfKind.get(a)) {
          for (int j : endpointsOfKind.get(b)) {
            if (i != j) { // no X => X lines (DESIGN §8)
              lines.add(
                  new Connection(endpoints.get(i), endpoints.get(j), ports),
                  ranks.ofEndpoint[i],
                  ranks.ofEndpoint[j]);
            }
          }
        }
      }
      for (Run run : runsOfKind.get(a)) {
        int range = ranks.ofRange.get(run.range().toString());
        for (int i : endpointsOfKind.get(a)) {
          WorkloadEndpoint e = endpoints.get(i);
          if (run.egress()) {
            lines.add(new Connection(e, run.range(), run.ports()), ranks.ofEndpoint[i], range);
          } else {
            lines.add(new Connection(run.range(), e, run.ports()), range, ranks.ofEndpoint[i]);
          }
        }
      }
    }
    return lines.sorted(ranks.count);
  }

  /**
   * Positions in {@link #ORDER} of the workload endpoints (already sorted by text) and the external
   * ranges of a listing, merged once so that sorting compares numbers, not texts.
   */
  private static final class Ranks {
    final int[] ofEndpoint;
    final Map<String, Integer> ofRange = new HashMap<>();
    final int count;

    Ranks(List<WorkloadEndpoint> endpoints, TreeMap<String, ExternalEndpoint> ranges) {
      ofEndpoint = new int[endpoints.size()];
      Iterator<String> texts = ranges.keySet().iterator();
      String next = texts.hasNext() ? texts.next() : null;
      int rank = 0;
      for (int j = 0; j < endpoints.size(); j++) {
        String text = endpoints.get(j).toString();
        while (next != null && next.compareTo(text) < 0) {
          ofRange.put(next, rank++);
          next = texts.hasNext() ? texts.next() : null;
        }
        ofEndpoint[j] = rank++;
      }
      while (next != null) {
        ofRange.put(next, rank++);
        next = texts.hasNext() ? texts.next() : null;
      }
      count = rank;
    }
  }

  /** Connections with the ranks of their ends, sorted at the end without building texts. */
  private static final class Lines {
    private final List<Connection> connections = new ArrayList<>();
    private int[] sources = new int[64];
    private int[] destinations = new int[64];

    void add(Connection c, int source, int destination) {
      int n = connections.size();
      if (n == sources.length) {
        sources = Arrays.copyOf(sources, 2 * n);
        destinations = Arrays.copyOf(destinations, 2 * n);
      }
      sources[n] = source;
      destinations[n] = destination;
      connections.add(c);
    }

    /** By source rank (bucketed), then destination rank: {@link #ORDER}. */
    List<Connection> sorted(int ranks) {
      int n = connections.size();
      int[] start = new int[ranks + 1];
      for (int i = 0; i < n; i++) {
        start[sources[i] + 1]++;
      }
      for (int r = 0; r < ranks; r++) {
        start[r + 1] += start[r];
      }
      int[] fill = Arrays.copyOf(start, ranks);
      long[] packed = new long[n];
      for (int i = 0; i < n; i++) {
        packed[fill[sources[i]]++] = ((long) destinations[i] << 32) | i;
      }
      Connection[] out = new Connection[n];
      for (int r = 0; r < ranks; r++) {
        Arrays.sort(packed, start[r], start[r + 1]);
        for (int k = start[r]; k < start[r + 1]; k++) {
          out[k] = connections.get((int) packed[k]);
        }
      }
      return List.of(out);
    }
  }

  /** A maximal run of address atoms with identical connections, in one direction (S12). */
  private record Run(ExternalEndpoint range, PortSet ports, boolean egress) {}

  /** S12: per direction, the maximal runs of address atoms with identical connections. */
  private List<Run> runs(int[] classes) {
    List<Run> out = new ArrayList<>();
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
          emit(out, run, runPorts, egress);
          run = block;
          runPorts = ports;
        }
      }
      emit(out, run, runPorts, egress);
    }
    return out;
  }

  private static void emit(List<Run> out, IpSpace.Block run, PortSet ports, boolean egress) {
    if (run != null && !ports.isEmpty()) {
      out.add(new Run(run.endpoint(), ports, egress));
    }
  }

  /** The lines of a listing that leave (or reach) an endpoint, for reachableFrom/To. */
  static List<Connection> touching(List<Connection> listing, Topology.Members m, boolean asSource) {
    List<Connection> out = new ArrayList<>();
    for (Connection c : listing) {
      Endpoint e = asSource ? c.source() : c.destination();
      boolean match =
          m instanceof Topology.AddressMembers a
              ? e instanceof ExternalEndpoint x && IpSpace.range(x).overlaps(a.range())
              : e.equals(m.endpoint());
      if (match) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }
}
