package io.kubereach.internal.topology;

import io.kubereach.internal.net.IpSpace;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;
import java.util.Map;

/**
 * One pod as the analysis sees it: a pod of the snapshot, or the template of a workload, which
 * stands for all its replicas (docs/semantics.md, S11, S15).
 *
 * @param index its position in the {@link PodTable}
 * @param namespace its namespace
 *     <p>The collections are the model's own immutable ones, shared, not copied: 100k pods would
 *     otherwise pay for 100k copies on every build.
 * @param labels its labels (a workload's template labels)
 * @param ports its container ports, for named ports (S10)
 * @param ips its known addresses (S12); empty for templates
 * @param hostNetwork whether it shares its node's network (S13)
 * @param template whether it is a workload's template rather than a pod of the snapshot
 * @param replicated whether it stands for two or more distinct pods: a workload with {@code
 *     replicas >= 2}, whose replicas follow the rules between them and are never self-allowed
 *     (S11); a workload with at most one replica stands for one pod, which always reaches itself
 * @param podEndpoint its endpoint at pod granularity ({@code ns/name[Pod]}, or the workload)
 * @param endpoint its endpoint at workload granularity (S15)
 */
public record AnalysisPod(
    int index,
    String namespace,
    Map<String, String> labels,
    List<ContainerPort> ports,
    List<IpSpace.Address> ips,
    boolean hostNetwork,
    boolean template,
    boolean replicated,
    WorkloadEndpoint podEndpoint,
    WorkloadEndpoint endpoint) {

  /** This pod at another place of a table (a what-if that added or removed a pod before it). */
  public AnalysisPod at(int newIndex) {
    return newIndex == index
        ? this
        : new AnalysisPod(
            newIndex,
            namespace,
            labels,
            ports,
            ips,
            hostNetwork,
            template,
            replicated,
            podEndpoint,
            endpoint);
  }

  /** Whether this is one pod that may stand on both ends of a connection to itself (S11). */
  public boolean single() {
    return !replicated;
  }

  @Override
  public String toString() {
    return podEndpoint.toString();
  }
}
