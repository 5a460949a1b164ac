package io.kubereach.internal.query;

import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.internal.topology.PodTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which pairs of pod classes a pair of endpoints stands for (S11, S15 in docs/semantics.md): an
 * endpoint of several pods allows what some pair of its pods allows; one pod on both ends is always
 * allowed; the same endpoint of several pods on both ends means two distinct replicas.
 */
final class ClassPairs {
  /**
   * One (source class, destination class) pair.
   *
   * @param source the source class
   * @param destination the destination class
   */
  record ClassPair(int source, int destination) {}

  /**
   * What a pair of endpoints stands for.
   *
   * @param samePod whether one pod is on both ends (S11: always allowed); then {@code pairs} is
   *     empty
   * @param pairs the class pairs otherwise
   */
  record Pairs(boolean samePod, List<ClassPair> pairs) {
    static final Pairs SAME_POD = new Pairs(true, List.of());
  }

  private final PodTable table;
  private final Engine engine;
  private final Map<int[], Map<Integer, Integer>> classesOfMembers =
      Collections.synchronizedMap(new IdentityHashMap<>());

  ClassPairs(PodTable table, Engine engine) {
    this.table = table;
    this.engine = engine;
  }

  /** The class pairs of two endpoints' pods. */
  Pairs of(EndpointMembers.Pods s, EndpointMembers.Pods d) {
    boolean replicas = s.endpoint().equals(d.endpoint()) && s.several();
    if (!replicas) {
      for (int p : s.pods()) {
        for (int q : d.pods()) {
          if (p == q && table.pod(p).single()) {
            return Pairs.SAME_POD;
          }
        }
      }
    }
    Map<Integer, Integer> sources = weighted(s.pods());
    Map<Integer, Integer> destinations = weighted(d.pods());
    List<ClassPair> out = new ArrayList<>();
    for (Map.Entry<Integer, Integer> a : sources.entrySet()) {
      for (int b : destinations.keySet()) {
        // S11: two replicas of one endpoint must be distinct pods (or a replicated workload).
        if (replicas && a.getKey() == b && a.getValue() < 2) {
          continue;
        }
        out.add(new ClassPair(a.getKey(), b));
      }
    }
    return new Pairs(false, out);
  }

  /** The distinct classes of some pods, in order of first appearance. */
  int[] classesOf(int[] pods) {
    return weighted(pods).keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The classes of some pods, each with a weight: the number of its pods, or 2 when one of them is
   * a workload with two or more replicas (which stands for distinct replicas, S11).
   */
  private Map<Integer, Integer> weighted(int[] pods) {
    if (pods.length == 1) {
      return Map.of(engine.classOf(pods[0]), table.pod(pods[0]).replicated() ? 2 : 1);
    }
    // Member arrays of endpoints are shared and never change: compute each once.
    return classesOfMembers.computeIfAbsent(pods, this::count);
  }

  private Map<Integer, Integer> count(int[] pods) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    for (int p : pods) {
      out.merge(engine.classOf(p), table.pod(p).replicated() ? 2 : 1, Integer::sum);
    }
    return out;
  }
}
