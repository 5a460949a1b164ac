package io.kubereach.reference;

import inet.ipaddr.IPAddress;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;
import java.util.Map;

/**
 * A pod of the snapshot, or a workload's template standing for its replicas, as the reference sees
 * it.
 *
 * @param namespace its namespace
 * @param labels its labels
 * @param ports its container ports
 * @param ips its addresses, in manifest order
 * @param hostNetwork whether it shares its node's network
 * @param distinctReplicas whether it stands for two or more pods (S11)
 * @param podEndpoint its endpoint at pod granularity
 * @param endpoint its endpoint at workload granularity (S15)
 */
record RefPod(
    String namespace,
    Map<String, String> labels,
    List<ContainerPort> ports,
    List<IPAddress> ips,
    boolean hostNetwork,
    boolean distinctReplicas,
    WorkloadEndpoint podEndpoint,
    WorkloadEndpoint endpoint) {}
