package io.kubereach.rules;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Pod;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pods an endpoint stands for, read from the snapshot the way the index groups them (S15):
 * workload granularity first (a workload's template, or the pods of one controller owner), then pod
 * granularity (the pod of that name).
 *
 * @param name the pod ({@code ns/name}) or the workload ({@code ns/name[Kind]}) of the template
 * @param namespace the namespace
 * @param labels the pod's or the template's labels
 * @param template whether this is a workload's template rather than a pod of the snapshot
 */
record Members(String name, String namespace, Map<String, String> labels, boolean template) {

  static List<Members> of(ClusterSnapshot snapshot, WorkloadEndpoint endpoint) {
    List<Members> out = new ArrayList<>();
    for (Workload w : snapshot.workloads()) {
      if (endpoint.equals(new WorkloadEndpoint(w.namespace(), w.name(), w.kind().name()))) {
        out.add(new Members(w.toString(), w.namespace(), w.templateLabels(), true));
      }
    }
    for (Pod p : snapshot.pods()) {
      if (endpoint.equals(groupOf(p))) {
        out.add(new Members(p.toString(), p.namespace(), p.labels(), false));
      }
    }
    if (out.isEmpty()) {
      snapshot
          .pod(endpoint.namespace(), endpoint.name())
          .filter(p -> endpoint.kind().equals("Pod"))
          .ifPresent(p -> out.add(new Members(p.toString(), p.namespace(), p.labels(), false)));
    }
    return out;
  }

  /** S15: a pod with a controller owner (other than a Node) is reported as that owner. */
  private static WorkloadEndpoint groupOf(Pod p) {
    return p.owner()
        .filter(o -> !o.kind().equals("Node"))
        .map(o -> new WorkloadEndpoint(p.namespace(), o.name(), o.kind()))
        .orElse(new WorkloadEndpoint(p.namespace(), p.name(), "Pod"));
  }
}
