package io.kubereach;

import io.kubereach.model.ContainerPort;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;
import java.util.Map;

/**
 * One pod as the analysis sees it: a pod of the snapshot, or the representative pod of a workload
 * (its template, no IP).
 *
 * @param index its position among the analysis pods
 * @param namespace its namespace
 * @param labels its labels (a workload's template labels)
 * @param ports its container ports, for named ports (S10)
 * @param ips its known addresses (S12); empty for representatives
 * @param hostNetwork whether it shares its node's network (S13)
 * @param representative whether it is a workload's template rather than a pod of the snapshot
 * @param replicated whether it stands for two or more distinct pods: a workload with {@code
 *     replicas >= 2}, whose replicas follow the rules between them and are never self-allowed
 *     (S11); a workload with at most one replica stands for one pod, which always reaches itself
 * @param podEndpoint its endpoint at pod granularity
 * @param groupEndpoint its endpoint at workload granularity (S15)
 */
record AnalysisPod(
    int index,
    String namespace,
    Map<String, String> labels,
    List<ContainerPort> ports,
    List<IpSpace.Address> ips,
    boolean hostNetwork,
    boolean representative,
    boolean replicated,
    WorkloadEndpoint podEndpoint,
    WorkloadEndpoint groupEndpoint) {

  @Override
  public String toString() {
    return podEndpoint.toString();
  }
}
