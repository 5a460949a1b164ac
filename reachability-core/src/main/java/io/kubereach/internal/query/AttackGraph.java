package io.kubereach.internal.query;

import io.kubereach.BlastRadius;
import io.kubereach.BlastRadius.Hop;
import io.kubereach.BlastRadius.Reached;
import io.kubereach.BlastRadius.TargetPath;
import io.kubereach.Connection;
import io.kubereach.ReachabilityIndex;
import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.topology.Endpoints;
import io.kubereach.internal.topology.Granularity;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The graph an attacker moves on (docs/verify.md, "Blast radius"): workload endpoints, with an edge
 * where some pod of one reaches some pod of the other on some port. Built from the engine's class
 * matrices, not from a listing: one pass over each endpoint's classes. Ports and explanations are
 * looked up only for the hops of the paths reported.
 */
final class AttackGraph {
  /** The internet's side of a first hop: every IPv4 and IPv6 address. */
  private static final List<Endpoint> INTERNET =
      List.of(
          Endpoint.parse("0.0.0.0-255.255.255.255[External]"),
          Endpoint.parse("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]"));

  private final ReachabilityIndex index;
  private final List<WorkloadEndpoint> endpoints;

  /** For each endpoint, the endpoints it reaches (indexes into {@link #endpoints}). */
  private final int[][] next;

  /** Whether some address reaches the endpoint directly. */
  private final boolean[] fromOutside;

  private final Map<WorkloadEndpoint, Integer> position = new HashMap<>();
  private final Map<List<Endpoint>, Hop> hops = new ConcurrentHashMap<>();

  AttackGraph(ReachabilityIndex index, Endpoints all, Engine engine) {
    this.index = index;
    this.endpoints = all.list(Granularity.WORKLOAD);
    int n = endpoints.size();
    // Which endpoints hold each class.
    Map<Integer, List<Integer>> endpointsOfClass = new HashMap<>();
    int[][] classesOf = new int[n][];
    for (int e = 0; e < n; e++) {
      position.put(endpoints.get(e), e);
      BitSet cls = new BitSet();
      for (int pod : all.podsOf(Granularity.WORKLOAD, e)) {
        cls.set(engine.classOf(pod));
      }
      classesOf[e] = cls.stream().toArray();
      for (int c : classesOf[e]) {
        endpointsOfClass.computeIfAbsent(c, x -> new ArrayList<>()).add(e);
      }
    }
    this.fromOutside = new boolean[n];
    for (int e = 0; e < n; e++) {
      for (int c : classesOf[e]) {
        fromOutside[e] |= engine.reachedFromOutside(c);
      }
    }
    this.next = new int[n][];
    for (int e = 0; e < n; e++) {
      BitSet reached = new BitSet(n);
      int self = e;
      for (int c : classesOf[e]) {
        engine.forEachReachable(
            c,
            d -> {
              for (int f : endpointsOfClass.getOrDefault(d, List.of())) {
                if (f != self) {
                  reached.set(f);
                }
              }
            });
      }
      next[e] = reached.stream().toArray();
    }
  }

  /** Every endpoint reachable from {@code source} (empty: the internet) within {@code maxHops}. */
  BlastRadius blastRadius(Optional<Endpoint> source, int maxHops) {
    if (maxHops < 1) {
      throw new IllegalArgumentException("maxHops must be at least 1; got " + maxHops);
    }
    int n = endpoints.size();
    int[] depth = new int[n];
    int[] parent = new int[n];
    java.util.Arrays.fill(depth, -1);
    Deque<Integer> queue = new ArrayDeque<>();
    Integer start = source.flatMap(this::positionOf).orElse(null);
    if (source.isPresent() && start == null) {
      // An external address as source: its first hops are the endpoints it reaches.
      firstHops(List.of(source.get()), depth, parent, queue);
    } else if (start != null) {
      depth[start] = 0;
      parent[start] = -1;
      queue.add(start);
    } else {
      firstHops(INTERNET, depth, parent, queue);
    }
    while (!queue.isEmpty()) {
      int at = queue.poll();
      if (depth[at] >= maxHops) {
        continue;
      }
      for (int f : next[at]) {
        if (depth[f] < 0) {
          depth[f] = depth[at] + 1;
          parent[f] = at;
          queue.add(f);
        }
      }
    }
    List<Reached> reached = new ArrayList<>();
    for (int e = 0; e < n; e++) {
      if (depth[e] > 0) {
        reached.add(new Reached(endpoints.get(e), depth[e], path(e, parent, source)));
      }
    }
    reached.sort(
        Comparator.comparingInt(Reached::hops).thenComparing(r -> r.endpoint().toString()));
    return new BlastRadius(source, maxHops, reached);
  }

  private Optional<Integer> positionOf(Endpoint e) {
    return e instanceof WorkloadEndpoint w
        ? Optional.ofNullable(position.get(w))
        : Optional.empty();
  }

  /** The endpoints the given addresses reach directly: depth 1, parent -2 (the outside). */
  private void firstHops(List<Endpoint> outside, int[] depth, int[] parent, Deque<Integer> queue) {
    boolean everywhere = outside.equals(INTERNET);
    for (int e = 0; e < endpoints.size(); e++) {
      boolean reached = everywhere ? fromOutside[e] : false;
      for (int i = 0; !everywhere && i < outside.size() && !reached; i++) {
        reached = !index.allowed(outside.get(i), endpoints.get(e)).isEmpty();
      }
      if (reached) {
        depth[e] = 1;
        parent[e] = -2;
        queue.add(e);
      }
    }
  }

  private List<Hop> path(int end, int[] parent, Optional<Endpoint> source) {
    List<Hop> path = new ArrayList<>();
    int at = end;
    while (parent[at] >= 0) {
      path.add(0, hop(endpoints.get(parent[at]), endpoints.get(at)));
      at = parent[at];
    }
    if (parent[at] == -2) {
      Endpoint to = endpoints.get(at);
      List<Endpoint> outside = source.map(List::of).orElse(INTERNET);
      Endpoint from =
          outside.stream()
              .filter(o -> !index.allowed(o, to).isEmpty())
              .findFirst()
              .orElse(outside.get(0));
      path.add(0, hop(from, to));
    }
    return path;
  }

  /** One hop, with its ports and the explanation of its first port; looked up once. */
  private Hop hop(Endpoint from, Endpoint to) {
    return hops.computeIfAbsent(
        List.of(from, to),
        k -> {
          PortSet ports = index.allowed(from, to);
          return new Hop(from, to, ports, index.explain(from, to, ports.samplePort()).toString());
        });
  }

  /** Can the source reach {@code target}: the shortest path, and a minimum cut of connections. */
  TargetPath toTarget(Optional<Endpoint> source, Endpoint target) {
    BlastRadius all = blastRadius(source, Integer.MAX_VALUE);
    Optional<Reached> r = all.to(target);
    if (r.isEmpty()) {
      return new TargetPath(target, List.of(), List.of());
    }
    SimpleDirectedWeightedGraph<Endpoint, DefaultEdge> flow =
        new SimpleDirectedWeightedGraph<>(DefaultEdge.class);
    endpoints.forEach(flow::addVertex);
    for (int e = 0; e < endpoints.size(); e++) {
      for (int f : next[e]) {
        flow.setEdgeWeight(flow.addEdge(endpoints.get(e), endpoints.get(f)), 1.0);
      }
    }
    Endpoint from;
    if (source.isPresent() && position.containsKey(source.get())) {
      from = source.get();
    } else {
      // One virtual source for the outside, with an edge to each endpoint it reaches directly.
      from = source.orElse(INTERNET.get(0));
      flow.addVertex(from);
      for (Reached x : all.reached()) {
        if (x.hops() == 1) {
          flow.setEdgeWeight(flow.addEdge(from, x.endpoint()), 1.0);
        }
      }
    }
    EdmondsKarpMFImpl<Endpoint, DefaultEdge> cut = new EdmondsKarpMFImpl<>(flow);
    cut.calculateMinCut(from, target);
    List<Connection> chokePoints = new ArrayList<>();
    for (DefaultEdge edge : cut.getCutEdges()) {
      Endpoint a = flow.getEdgeSource(edge);
      Endpoint b = flow.getEdgeTarget(edge);
      Hop h = a.equals(from) && !position.containsKey(a) ? hop(firstFrom(source, b), b) : hop(a, b);
      chokePoints.add(new Connection(h.from(), h.to(), h.ports()));
    }
    chokePoints.sort(Comparator.comparing(Connection::toString));
    return new TargetPath(target, r.get().path(), chokePoints);
  }

  private Endpoint firstFrom(Optional<Endpoint> source, Endpoint to) {
    List<Endpoint> outside = source.map(List::of).orElse(INTERNET);
    return outside.stream()
        .filter(o -> !index.allowed(o, to).isEmpty())
        .findFirst()
        .orElse(outside.get(0));
  }

  /** The listing as a read-only graph, for embedders' own algorithms: costs one listing. */
  static Graph<Endpoint, Connection> connectionGraph(ReachabilityIndex index) {
    Graph<Endpoint, Connection> g = new DefaultDirectedGraph<>(null, null, false);
    for (Connection c : index.connections()) {
      g.addVertex(c.source());
      g.addVertex(c.destination());
      g.addEdge(c.source(), c.destination(), c);
    }
    return new AsUnmodifiableGraph<>(g);
  }
}
