package io.kubereach.internal.query;

import io.kubereach.Connection;
import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.internal.topology.Endpoints;
import io.kubereach.internal.topology.Granularity;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code list} output (docs/cli.md): every allowed connection between distinct endpoints and
 * between endpoints and maximal external ranges. Endpoints with the same set of pod classes get the
 * same answers (S15: an endpoint's connections are the union over its pods), so the work is per
 * pair of such class sets with some allowed port, then one line per pair of their endpoints:
 * O(class sets² + output), never endpoints².
 */
final class ConnectionLister {
  private final Endpoints endpoints;
  private final Engine engine;
  private final ClassPairs classPairs;
  private final ExternalRuns runs;

  ConnectionLister(Endpoints endpoints, Engine engine, ClassPairs classPairs, ExternalRuns runs) {
    this.endpoints = endpoints;
    this.engine = engine;
    this.classPairs = classPairs;
    this.runs = runs;
  }

  /** Every allowed connection at one granularity, sorted. */
  List<Connection> list(Granularity granularity) {
    List<WorkloadEndpoint> list = endpoints.list(granularity);
    // Endpoints by class set: the sorted distinct classes of their pods.
    Map<List<Integer>, Integer> setIds = new HashMap<>();
    List<int[]> classesOfSet = new ArrayList<>();
    List<List<Integer>> endpointsOfSet = new ArrayList<>();
    for (int j = 0; j < list.size(); j++) {
      int[] classes = classPairs.classesOf(endpoints.podsOf(granularity, j));
      Arrays.sort(classes);
      List<Integer> key = Arrays.stream(classes).boxed().toList();
      Integer set = setIds.get(key);
      if (set == null) {
        set = classesOfSet.size();
        setIds.put(key, set);
        classesOfSet.add(classes);
        endpointsOfSet.add(new ArrayList<>());
      }
      endpointsOfSet.get(set).add(j);
    }
    int sets = classesOfSet.size();
    // S12: the external runs of each class set, computed once per set.
    List<List<ExternalRuns.Run>> runsOfSet = new ArrayList<>(sets);
    TreeMap<String, ExternalEndpoint> ranges = new TreeMap<>();
    for (int a = 0; a < sets; a++) {
      List<ExternalRuns.Run> r = runs.of(classesOfSet.get(a));
      r.forEach(run -> ranges.putIfAbsent(run.range().toString(), run.range()));
      runsOfSet.add(r);
    }
    ListingOrder order = new ListingOrder(list, ranges);
    // Which sets hold each class, so each set visits only sets it may reach.
    Map<Integer, List<Integer>> setsOfClass = new HashMap<>();
    for (int s = 0; s < sets; s++) {
      for (int c : classesOfSet.get(s)) {
        setsOfClass.computeIfAbsent(c, x -> new ArrayList<>()).add(s);
      }
    }
    Map<Long, PortSet> between = new HashMap<>();
    for (int a = 0; a < sets; a++) {
      BitSet candidates = new BitSet(sets);
      for (int c : classesOfSet.get(a)) {
        engine.forEachReachable(
            c, d -> setsOfClass.getOrDefault(d, List.of()).forEach(candidates::set));
      }
      for (int b = candidates.nextSetBit(0); b >= 0; b = candidates.nextSetBit(b + 1)) {
        // Distinct endpoints have disjoint pods: a plain union over class pairs (S15).
        PortSet ports = PortSet.none();
        for (int x : classesOfSet.get(a)) {
          for (int y : classesOfSet.get(b)) {
            ports =
                ports.union(
                    between.computeIfAbsent(((long) x << 32) | y, k -> engine.between(x, y)));
          }
        }
        if (ports.isEmpty()) {
          continue;
        }
        for (int i : endpointsOfSet.get(a)) {
          for (int j : endpointsOfSet.get(b)) {
            if (i != j) { // no X => X lines (docs/cli.md)
              order.add(
                  new Connection(list.get(i), list.get(j), ports),
                  order.endpoint(i),
                  order.endpoint(j));
            }
          }
        }
      }
      for (ExternalRuns.Run run : runsOfSet.get(a)) {
        int range = order.range(run.range());
        for (int i : endpointsOfSet.get(a)) {
          WorkloadEndpoint e = list.get(i);
          if (run.direction() == PolicyType.Egress) {
            order.add(new Connection(e, run.range(), run.ports()), order.endpoint(i), range);
          } else {
            order.add(new Connection(run.range(), e, run.ports()), range, order.endpoint(i));
          }
        }
      }
    }
    return order.sorted();
  }

  /** The lines of a listing that leave (or reach) an endpoint, for reachableFrom/To. */
  static List<Connection> touching(
      List<Connection> listing, EndpointMembers m, PolicyType direction) {
    List<Connection> out = new ArrayList<>();
    for (Connection c : listing) {
      Endpoint e = direction == PolicyType.Egress ? c.source() : c.destination();
      boolean match =
          m instanceof EndpointMembers.Addresses a
              ? e instanceof ExternalEndpoint x && IpSpace.range(x).overlaps(a.range())
              : e.equals(m.endpoint());
      if (match) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }
}
