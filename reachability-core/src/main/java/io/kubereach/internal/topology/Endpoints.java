package io.kubereach.internal.topology;

import com.google.common.base.Suppliers;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The endpoints of a {@link PodTable} at both granularities (S15 in docs/semantics.md), each list
 * sorted by text as byte strings (the {@code list} order), and the pods each stands for. Immutable
 * and thread-safe; the pod granularity is computed on first need.
 */
public final class Endpoints {
  private final List<WorkloadEndpoint> workloads;
  private final int[][] podsOfWorkload;
  private final Map<WorkloadEndpoint, Integer> workloadIndex = new HashMap<>();

  /**
   * The pod granularity: computed on first need, since listings and most questions are about
   * workloads, and the pods' texts and their index are a fifth of a build at 100k pods.
   */
  private final Supplier<Pods> pods;

  /** The pod endpoints sorted by text, the pod of each, and each endpoint's position. */
  private record Pods(
      List<WorkloadEndpoint> sorted, int[][] podOfEndpoint, Map<WorkloadEndpoint, Integer> index) {}

  private Endpoints(PodTable table) {
    // S15: the replicas of an owner come one after another, so each run is looked up once.
    Map<WorkloadEndpoint, List<Integer>> members = new HashMap<>();
    WorkloadEndpoint last = null;
    List<Integer> run = null;
    for (AnalysisPod p : table.pods()) {
      if (!p.endpoint().equals(last)) {
        last = p.endpoint();
        run = members.computeIfAbsent(last, e -> new ArrayList<>());
      }
      run.add(p.index());
    }
    List<WorkloadEndpoint> distinct = new ArrayList<>(members.keySet());
    this.workloads = sorted(distinct, sortedByText(distinct));
    this.podsOfWorkload = new int[workloads.size()][];
    for (int i = 0; i < workloads.size(); i++) {
      workloadIndex.put(workloads.get(i), i);
      podsOfWorkload[i] =
          members.get(workloads.get(i)).stream().mapToInt(Integer::intValue).toArray();
    }
    List<AnalysisPod> analysisPods = table.pods(); // not the table: it holds a snapshot
    this.pods = Suppliers.memoize(() -> pods(analysisPods));
  }

  private static Pods pods(List<AnalysisPod> analysisPods) {
    List<WorkloadEndpoint> endpoints = new ArrayList<>(analysisPods.size());
    Map<WorkloadEndpoint, Integer> index = new HashMap<>(2 * analysisPods.size()); // no rehashing
    for (AnalysisPod p : analysisPods) {
      endpoints.add(p.podEndpoint());
      index.put(p.podEndpoint(), p.index());
    }
    int[] order = sortedByText(endpoints);
    int[][] podOf = new int[order.length][];
    for (int i = 0; i < order.length; i++) {
      podOf[i] = new int[] {order[i]}; // an analysis pod's index is its place in the table
    }
    return new Pods(sorted(endpoints, order), podOf, index);
  }

  /** The endpoints of a table. */
  public static Endpoints of(PodTable table) {
    return new Endpoints(table);
  }

  /**
   * The positions of endpoints in the order of their text as byte strings, each text once (the
   * first endpoint with it). Each text is made once, and the stable sort is linear on input that is
   * in order already, as the pods of a dump are.
   */
  private static int[] sortedByText(List<WorkloadEndpoint> endpoints) {
    record Texted(String text, int at) {}
    Texted[] texted = new Texted[endpoints.size()];
    for (int i = 0; i < texted.length; i++) {
      texted[i] = new Texted(endpoints.get(i).toString(), i);
    }
    Arrays.sort(texted, Comparator.comparing(Texted::text));
    int[] out = new int[texted.length];
    int n = 0;
    for (int i = 0; i < texted.length; i++) {
      if (i == 0 || !texted[i].text().equals(texted[i - 1].text())) {
        out[n++] = texted[i].at();
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static List<WorkloadEndpoint> sorted(List<WorkloadEndpoint> endpoints, int[] order) {
    List<WorkloadEndpoint> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(endpoints.get(i));
    }
    return List.copyOf(out);
  }

  /** The endpoints of one granularity, sorted by text. */
  public List<WorkloadEndpoint> list(Granularity granularity) {
    return granularity == Granularity.WORKLOAD ? workloads : pods.get().sorted();
  }

  /**
   * The analysis pods of the {@code i}-th endpoint of {@link #list(Granularity)}: shared, never
   * modify.
   */
  public int[] podsOf(Granularity granularity, int i) {
    return granularity == Granularity.WORKLOAD ? podsOfWorkload[i] : pods.get().podOfEndpoint()[i];
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
    Integer p = pods.get().index().get(w);
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
    return workloadIndex.containsKey(e) || pods.get().index().containsKey(e);
  }

  /** The names ({@code name[Kind]}) of both granularities in a namespace, sorted, for messages. */
  public List<String> inNamespace(String namespace) {
    TreeSet<String> names = new TreeSet<>();
    for (List<WorkloadEndpoint> list : List.of(workloads, pods.get().sorted())) {
      for (WorkloadEndpoint w : list) {
        if (w.namespace().equals(namespace)) {
          names.add(w.name() + "[" + w.kind() + "]");
        }
      }
    }
    return List.copyOf(names);
  }
}
