package io.kubereach.yaml;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy APIs of other projects, which decide traffic too but which kubereach does not analyse
 * (docs/cli.md, "Incomplete results"): an object of one of them makes every answer incomplete,
 * never a silent skip. Keyed by API group, then kind.
 */
final class ForeignPolicies {
  private static final Map<String, String> PROJECTS =
      Map.ofEntries(
          Map.entry("cilium.io", "Cilium"),
          Map.entry("projectcalico.org", "Calico"),
          Map.entry("crd.projectcalico.org", "Calico"),
          Map.entry("crd.antrea.io", "Antrea"),
          Map.entry("security.istio.io", "Istio"),
          Map.entry("k8s.cni.cncf.io", "Multus MultiNetworkPolicy"),
          Map.entry("policy.linkerd.io", "Linkerd"),
          Map.entry("k8s.ovn.org", "OVN-Kubernetes"),
          Map.entry("network.openshift.io", "OpenShift"),
          Map.entry("networking.gke.io", "GKE"));

  /** The kinds of those groups that allow or deny traffic. */
  private static final Set<String> KINDS =
      Set.of(
          "CiliumNetworkPolicy",
          "CiliumClusterwideNetworkPolicy",
          "NetworkPolicy",
          "GlobalNetworkPolicy",
          "StagedNetworkPolicy",
          "StagedGlobalNetworkPolicy",
          "StagedKubernetesNetworkPolicy",
          "ClusterNetworkPolicy",
          "AuthorizationPolicy",
          "PeerAuthentication",
          "MultiNetworkPolicy",
          "ServerAuthorization",
          "EgressFirewall",
          "EgressNetworkPolicy",
          "FQDNNetworkPolicy");

  private ForeignPolicies() {}

  /** The project whose policy this is, when it is one. */
  static Optional<String> project(String group, String kind) {
    String project = PROJECTS.get(group);
    return project != null && KINDS.contains(kind) ? Optional.of(project) : Optional.empty();
  }

  /** The groups and kinds above, for documentation and messages. */
  static String describe() {
    return "Cilium, Calico, Antrea, Istio, Multus MultiNetworkPolicy, Linkerd, OVN-Kubernetes,"
        + " OpenShift and GKE policies";
  }
}
