/** Reachability analysis of Kubernetes NetworkPolicies: the facade, indexes and results. */
package io.kubereach;
