package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A peer chosen by selectors (S7): {@code podSelector} alone picks pods in the policy's namespace,
 * {@code namespaceSelector} alone all pods of matching namespaces, both together their AND.
 *
 * <pre>{@code
 * PodPeer.pods(LabelSelector.matchLabels(Map.of("app", "web")))
 * PodPeer.namespaces(LabelSelector.everything())   // every pod in every namespace
 * }</pre>
 *
 * @param namespaceSelector the namespace selector, if any
 * @param podSelector the pod selector, if any
 */
public record PodPeer(
    Optional<LabelSelector> namespaceSelector, Optional<LabelSelector> podSelector)
    implements Peer {

  /** Validates: at least one selector (a peer with nothing is invalid, S7). */
  public PodPeer {
    requireNonNull(namespaceSelector, "namespaceSelector");
    requireNonNull(podSelector, "podSelector");
    if (namespaceSelector.isEmpty() && podSelector.isEmpty()) {
      throw new IllegalArgumentException(
          "a peer needs a podSelector, a namespaceSelector or an ipBlock; this one has none");
    }
  }

  /** Pods matching {@code selector} in the policy's own namespace. */
  public static PodPeer pods(LabelSelector selector) {
    return new PodPeer(Optional.empty(), Optional.of(selector));
  }

  /** All pods of the namespaces matching {@code selector}. */
  public static PodPeer namespaces(LabelSelector selector) {
    return new PodPeer(Optional.of(selector), Optional.empty());
  }

  /** Pods matching {@code pods} in namespaces matching {@code namespaces}. */
  public static PodPeer of(LabelSelector namespaces, LabelSelector pods) {
    return new PodPeer(Optional.of(namespaces), Optional.of(pods));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    namespaceSelector.ifPresent(s -> sb.append("namespaceSelector ").append(s));
    podSelector.ifPresent(
        s -> sb.append(sb.length() > 0 ? " and " : "").append("podSelector ").append(s));
    return sb.toString();
  }
}
