package io.kubereach.internal.topology;

import io.kubereach.Caveat;
import io.kubereach.model.Endpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * S13 in docs/semantics.md: every answer that involves a hostNetwork pod says so, since most
 * network plugins do not apply policies to such pods. The caveats of endpoints of several pods are
 * computed once, so that a check stays O(1).
 */
public final class HostNetworkCaveats {
  private final PodTable table;
  private final Map<WorkloadEndpoint, List<Caveat>> ofSeveralPods = new HashMap<>();

  /** The caveats of one snapshot's endpoints. */
  public HostNetworkCaveats(PodTable table, Endpoints endpoints) {
    this.table = table;
    List<WorkloadEndpoint> workloads = endpoints.list(Granularity.WORKLOAD);
    for (int i = 0; i < workloads.size(); i++) {
      int[] pods = endpoints.podsOf(Granularity.WORKLOAD, i);
      if (pods.length > 1) {
        List<Caveat> c = compute(workloads.get(i), pods);
        if (!c.isEmpty()) {
          ofSeveralPods.put(workloads.get(i), c);
        }
      }
    }
  }

  /** The caveats of what an endpoint stands for; none for external ranges. */
  public List<Caveat> of(EndpointMembers members) {
    if (!(members instanceof EndpointMembers.Pods pods)) {
      return List.of();
    }
    if (pods.several()) {
      return ofSeveralPods.getOrDefault(pods.endpoint(), List.of());
    }
    return compute(pods.endpoint(), pods.pods());
  }

  /** The caveats of a query between two endpoints, without duplicates. */
  public List<Caveat> of(EndpointMembers a, EndpointMembers b) {
    return merge(of(a), of(b));
  }

  /** Two endpoints' caveats, without duplicates. */
  public static List<Caveat> merge(List<Caveat> first, List<Caveat> second) {
    if (second.isEmpty()) {
      return first;
    }
    if (first.isEmpty()) {
      return second;
    }
    List<Caveat> out = new ArrayList<>(first);
    for (Caveat c : second) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  private List<Caveat> compute(WorkloadEndpoint endpoint, int[] pods) {
    List<Endpoint> hostNetwork = new ArrayList<>();
    for (int p : pods) {
      if (table.pod(p).hostNetwork()) {
        hostNetwork.add(table.pod(p).podEndpoint());
      }
    }
    if (hostNetwork.isEmpty()) {
      return List.of();
    }
    boolean itself = hostNetwork.size() == 1 && hostNetwork.get(0).equals(endpoint);
    return List.of(
        new Caveat(
            Caveat.Kind.HOST_NETWORK,
            endpoint,
            hostNetwork,
            (itself ? endpoint + " uses" : endpoint + " has pods that use")
                + " hostNetwork: most network plugins do not apply NetworkPolicy to such pods;"
                + " this answer treats them as ordinary pods (S13)"));
  }
}
