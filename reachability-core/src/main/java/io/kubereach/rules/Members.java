package io.kubereach.rules;

import io.kubereach.MemberPod;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.PolicyType;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;

/**
 * The pods an endpoint stands for, as the index groups them (S15, {@link
 * ReachabilityIndex#members}), with the name the rules' messages give each.
 *
 * @param name the pod ({@code ns/name}) or the workload ({@code ns/name[Kind]}) of a template
 * @param pod the pod as the index sees it
 */
record Members(String name, MemberPod pod) {

  static List<Members> of(ReachabilityIndex index, WorkloadEndpoint endpoint) {
    return index.members(endpoint).stream().map(Members::named).toList();
  }

  private static Members named(MemberPod pod) {
    WorkloadEndpoint e = pod.endpoint();
    return new Members(pod.template() ? e.toString() : e.namespace() + "/" + e.name(), pod);
  }

  /** S2: whether some policy isolates this pod for {@code direction}. */
  boolean isolated(ReachabilityIndex index, PolicyType direction) {
    return !index.isolatedBy(pod.endpoint(), direction).isEmpty();
  }
}
