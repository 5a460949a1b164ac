package io.kubereach.internal.semantics;

import static java.util.Objects.requireNonNull;

import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PodPeer;
import java.util.Map;

/**
 * Which pods a policy's subject or peer selects: a scope of namespaces and a pod selector (S2, S7,
 * S7a, S8, T5 in docs/semantics.md). Every way a policy names pods reduces to one of these, and
 * {@link #matches} is the one place that decides it; the engine compiles selections to bitsets with
 * it, explanations and warnings ask it per pod.
 *
 * <p>A value: equal scopes, pod selectors and hostNetwork settings are equal selections. Not a
 * record, so that its hash is computed once: the engine finds selections in hash maps by the ten
 * thousand, and a selector's hash walks its label maps.
 */
public final class Selection {
  private final Scope scope;
  private final LabelSelector pods;
  private final boolean hostNetwork;
  private final int hash;

  /**
   * @param scope the namespaces whose pods may be selected
   * @param pods the pod selector inside them ({@code {}} selects every pod)
   * @param hostNetwork whether hostNetwork pods can be selected: yes for NetworkPolicies (S13
   *     treats them as ordinary pods), no for the tiered policies (T5)
   */
  public Selection(Scope scope, LabelSelector pods, boolean hostNetwork) {
    this.scope = requireNonNull(scope, "scope");
    this.pods = requireNonNull(pods, "pods");
    this.hostNetwork = hostNetwork;
    int h = scope.hashCode() * 0x9E3779B1 + pods.hashCode();
    h = h * 0x9E3779B1 + (hostNetwork ? 1 : 0);
    this.hash = h ^ (h >>> 16);
  }

  /** The namespaces whose pods may be selected. */
  public Scope scope() {
    return scope;
  }

  /** The pod selector inside them. */
  public LabelSelector pods() {
    return pods;
  }

  /** Whether hostNetwork pods can be selected. */
  public boolean hostNetwork() {
    return hostNetwork;
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Selection s
            && hash == s.hash
            && hostNetwork == s.hostNetwork
            && scope.equals(s.scope)
            && pods.equals(s.pods);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Selection[scope=" + scope + ", pods=" + pods + ", hostNetwork=" + hostNetwork + "]";
  }

  /** The namespaces of a selection. */
  public sealed interface Scope permits InNamespace, MatchingNamespaces {}

  /**
   * One namespace, by name.
   *
   * @param namespace its name
   */
  public record InNamespace(String namespace) implements Scope {}

  /**
   * The namespaces whose labels match (S8: with their name label).
   *
   * @param selector the namespace selector
   */
  public record MatchingNamespaces(LabelSelector selector) implements Scope {}

  /** S2: a NetworkPolicy selects pods of its own namespace by its podSelector. */
  public static Selection subjectOf(NetworkPolicy policy) {
    return new Selection(new InNamespace(policy.namespace()), policy.podSelector(), true);
  }

  /**
   * T5: the subject or a namespaces/pods peer of a tiered policy: pods of the matching namespaces,
   * never hostNetwork pods.
   *
   * @throws IllegalArgumentException for a peer that does not name pods
   */
  public static Selection ofTiered(ClusterPeer peer) {
    if (peer instanceof ClusterPeer.Namespaces n) {
      return new Selection(
          new MatchingNamespaces(n.namespaces()), LabelSelector.everything(), false);
    }
    if (peer instanceof ClusterPeer.Pods p) {
      return new Selection(new MatchingNamespaces(p.namespaces()), p.pods(), false);
    }
    throw new IllegalArgumentException(peer + " does not select pods");
  }

  /**
   * S7: {@code podSelector} alone means the policy's namespace, {@code namespaceSelector} alone all
   * pods of the matching namespaces, both together their AND.
   */
  public static Selection peerOf(String policyNamespace, PodPeer peer) {
    LabelSelector pods = peer.podSelector().orElse(LabelSelector.everything());
    return peer.namespaceSelector()
        .<Selection>map(ns -> new Selection(new MatchingNamespaces(ns), pods, true))
        .orElseGet(() -> new Selection(new InNamespace(policyNamespace), pods, true));
  }

  /** Whether the scope holds the namespace of that name and those labels. */
  public boolean holdsNamespace(String namespace, Map<String, String> namespaceLabels) {
    if (scope instanceof InNamespace in) {
      return in.namespace().equals(namespace);
    }
    return ((MatchingNamespaces) scope).selector().matches(namespaceLabels);
  }

  /** Whether an analysis pod is selected. */
  public boolean selects(AnalysisPod pod, PodTable table) {
    return matches(
        pod.namespace(), table.namespaceLabels(pod.namespace()), pod.labels(), pod.hostNetwork());
  }

  /** Whether the pod half holds a pod with these labels and hostNetwork setting. */
  public boolean holdsPod(Map<String, String> podLabels, boolean podHostNetwork) {
    return (hostNetwork || !podHostNetwork) && pods.matches(podLabels);
  }

  /** Whether a pod of that namespace (with those namespace labels) is selected. */
  public boolean matches(
      String namespace,
      Map<String, String> namespaceLabels,
      Map<String, String> podLabels,
      boolean podHostNetwork) {
    return holdsNamespace(namespace, namespaceLabels) && holdsPod(podLabels, podHostNetwork);
  }
}
