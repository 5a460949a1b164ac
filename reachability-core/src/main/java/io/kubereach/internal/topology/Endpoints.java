package io.kubereach.internal.topology;

import io.kubereach.internal.net.IpSpace;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The endpoints of a {@link PodTable} at both granularities (S15 in docs/semantics.md), each list
 * sorted by text as byte strings (the {@code list} order), and the pods each stands for. Immutable.
 */
public final class Endpoints {
  private final List<WorkloadEndpoint> workloads;
  private final int[][] podsOfWorkload;
  private final Map<WorkloadEndpoint, Integer> workloadIndex = new HashMap<>();
  private final List<WorkloadEndpoint> pods;
  private final int[][] podOfPodEndpoint;
  private final Map<WorkloadEndpoint, Integer> podIndex = new HashMap<>();

  private Endpoints(PodTable table) {
    this.workloads = sortedByText(table.pods().stream().map(AnalysisPod::endpoint).toList());
    for (int i = 0; i < workloads.size(); i++) {
      workloadIndex.put(workloads.get(i), i);
    }
    List<List<Integer>> members = new ArrayList<>();
    workloads.forEach(w -> members.add(new ArrayList<>()));
    for (AnalysisPod p : table.pods()) {
      members.get(workloadIndex.get(p.endpoint())).add(p.index());
    }
    this.podsOfWorkload =
        members.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    for (AnalysisPod p : table.pods()) {
      podIndex.put(p.podEndpoint(), p.index());
    }
    this.pods = sortedByText(table.pods().stream().map(AnalysisPod::podEndpoint).toList());
    this.podOfPodEndpoint =
        pods.stream().map(e -> new int[] {podIndex.get(e)}).toArray(int[][]::new);
  }

  /** The endpoints of a table. */
  public static Endpoints of(PodTable table) {
    return new Endpoints(table);
  }

  /** Distinct endpoints sorted by their text as byte strings, each once. */
  private static List<WorkloadEndpoint> sortedByText(List<WorkloadEndpoint> endpoints) {
    TreeMap<String, WorkloadEndpoint> byText = new TreeMap<>();
    for (WorkloadEndpoint e : endpoints) {
      byText.putIfAbsent(e.toString(), e);
    }
    return List.copyOf(byText.values());
  }

  /** The endpoints of one granularity, sorted by text. */
  public List<WorkloadEndpoint> list(Granularity granularity) {
    return granularity == Granularity.WORKLOAD ? workloads : pods;
  }

  /**
   * The analysis pods of the {@code i}-th endpoint of {@link #list(Granularity)}: shared, never
   * modify.
   */
  public int[] podsOf(Granularity granularity, int i) {
    return granularity == Granularity.WORKLOAD ? podsOfWorkload[i] : podOfPodEndpoint[i];
  }

  /**
   * What an endpoint stands for: workload granularity first, then pod granularity; an external
   * endpoint is its address range.
   *
   * @throws IllegalArgumentException naming the endpoints of its namespace, if it is not here
   */
  public EndpointMembers members(Endpoint e) {
    if (e instanceof ExternalEndpoint x) {
      return new EndpointMembers.Addresses(x, IpSpace.range(x));
    }
    WorkloadEndpoint w = (WorkloadEndpoint) e;
    Integer i = workloadIndex.get(w);
    if (i != null) {
      return new EndpointMembers.Pods(w, podsOfWorkload[i]);
    }
    Integer p = podIndex.get(w);
    if (p != null) {
      return new EndpointMembers.Pods(w, new int[] {p});
    }
    throw new IllegalArgumentException(
        "endpoint "
            + w
            + " is not in this snapshot; endpoints in "
            + w.namespace()
            + ": "
            + inNamespace(w.namespace()));
  }

  /** The granularity an endpoint of this snapshot is listed at: workload first. */
  public Granularity granularityOf(WorkloadEndpoint e) {
    return workloadIndex.containsKey(e) ? Granularity.WORKLOAD : Granularity.POD;
  }

  /** Whether an endpoint is one of this snapshot's, at either granularity. */
  public boolean contains(WorkloadEndpoint e) {
    return workloadIndex.containsKey(e) || podIndex.containsKey(e);
  }

  /** The names ({@code name[Kind]}) of both granularities in a namespace, sorted, for messages. */
  public List<String> inNamespace(String namespace) {
    TreeSet<String> names = new TreeSet<>();
    for (List<WorkloadEndpoint> list : List.of(workloads, pods)) {
      for (WorkloadEndpoint w : list) {
        if (w.namespace().equals(namespace)) {
          names.add(w.name() + "[" + w.kind() + "]");
        }
      }
    }
    return List.copyOf(names);
  }
}
