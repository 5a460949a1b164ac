package io.kubereach.fabric8;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The kinds kubereach reads from a cluster, with the REST coordinates that list them. Listing by
 * explicit coordinates, not by discovery, keeps the reads to exactly these resources, so the
 * permissions needed are the ones docs/user-guide.md lists.
 */
enum ClusterKind {
  NAMESPACE("", "v1", "Namespace", "namespaces", false, false),
  POD("", "v1", "Pod", "pods", true, false),
  SERVICE("", "v1", "Service", "services", true, false),
  REPLICATION_CONTROLLER("", "v1", "ReplicationController", "replicationcontrollers", true, false),
  DEPLOYMENT("apps", "v1", "Deployment", "deployments", true, false),
  REPLICA_SET("apps", "v1", "ReplicaSet", "replicasets", true, false),
  STATEFUL_SET("apps", "v1", "StatefulSet", "statefulsets", true, false),
  DAEMON_SET("apps", "v1", "DaemonSet", "daemonsets", true, false),
  JOB("batch", "v1", "Job", "jobs", true, false),
  CRON_JOB("batch", "v1", "CronJob", "cronjobs", true, false),
  NETWORK_POLICY("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, false),
  // The admin tiers are CRDs: a cluster that does not serve them has none of them.
  CLUSTER_NETWORK_POLICY(
      "policy.networking.k8s.io",
      "v1alpha2",
      "ClusterNetworkPolicy",
      "clusternetworkpolicies",
      false,
      true),
  ADMIN_NETWORK_POLICY(
      "policy.networking.k8s.io",
      "v1alpha1",
      "AdminNetworkPolicy",
      "adminnetworkpolicies",
      false,
      true),
  BASELINE_ADMIN_NETWORK_POLICY(
      "policy.networking.k8s.io",
      "v1alpha1",
      "BaselineAdminNetworkPolicy",
      "baselineadminnetworkpolicies",
      false,
      true),
  // Read only when an admin-tier policy exists: only its `nodes` peers (T6) look at nodes.
  NODE("", "v1", "Node", "nodes", false, false);

  final String group;
  final String version;
  final String kind;
  final String plural;
  final boolean namespaced;
  final boolean optional;

  ClusterKind(
      String group,
      String version,
      String kind,
      String plural,
      boolean namespaced,
      boolean optional) {
    this.group = group;
    this.version = version;
    this.kind = kind;
    this.plural = plural;
    this.namespaced = namespaced;
    this.optional = optional;
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  boolean isAdminTier() {
    return optional;
  }

  ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  /** {@code pods}, or {@code networkpolicies.networking.k8s.io}: the name RBAC rules use. */
  String resource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
