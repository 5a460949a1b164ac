package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Names one policy of a snapshot: its kind, its namespace for namespaced kinds, and its name.
 * {@link #toString()} prints {@code ns/name} for a NetworkPolicy and {@code Kind/name} for a
 * cluster-scoped policy, the way explanations, warnings and findings name it.
 *
 * <pre>{@code
 * PolicyRef.of(policy).toString();                      // "shop/default-deny"
 * PolicyRef.cluster(PolicyKind.ClusterNetworkPolicy, "deny-all").toString();
 *                                                       // "ClusterNetworkPolicy/deny-all"
 * }</pre>
 *
 * @param kind the policy kind
 * @param namespace its namespace; present exactly when the kind is namespaced
 * @param name its name
 */
public record PolicyRef(PolicyKind kind, Optional<String> namespace, String name) {

  /** Validates: a namespace exactly for namespaced kinds. */
  public PolicyRef {
    requireNonNull(kind, "kind");
    requireNonNull(namespace, "namespace");
    Labels.requireName(name, "policy name");
    namespace.ifPresent(n -> Labels.requireName(n, "policy namespace"));
    if (namespace.isPresent() != kind.namespaced()) {
      throw new IllegalArgumentException(
          kind
              + (kind.namespaced()
                  ? " is namespaced; give its namespace"
                  : " is cluster-scoped; give no namespace"));
    }
  }

  /** The reference of a NetworkPolicy. */
  public static PolicyRef of(NetworkPolicy policy) {
    return networkPolicy(policy.namespace(), policy.name());
  }

  /** The reference of a cluster-scoped policy. */
  public static PolicyRef of(ClusterNetworkPolicy policy) {
    return cluster(policy.kind(), policy.name());
  }

  /** A NetworkPolicy by namespace and name. */
  public static PolicyRef networkPolicy(String namespace, String name) {
    return new PolicyRef(PolicyKind.NetworkPolicy, Optional.of(namespace), name);
  }

  /** A cluster-scoped policy by kind and name. */
  public static PolicyRef cluster(PolicyKind kind, String name) {
    return new PolicyRef(kind, Optional.empty(), name);
  }

  @Override
  public String toString() {
    return namespace.map(ns -> ns + "/" + name).orElse(kind + "/" + name);
  }
}
