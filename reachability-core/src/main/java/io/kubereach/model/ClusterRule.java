package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One ingress or egress rule of a cluster-scoped policy (T2, T3, T6, T7 in docs/semantics.md): when
 * some peer matches the other end and some port entry the port, {@code action} decides.
 *
 * <pre>{@code
 * new ClusterRule(Optional.of("deny-db"), TierAction.Deny,
 *     List.of(new ClusterPeer.Namespaces(LabelSelector.matchLabels(Map.of("tier", "db")))),
 *     List.of())   // every port
 * }</pre>
 *
 * @param name the rule's name, if it has one
 * @param action what it does when it matches
 * @param peers the peers ({@code from} or {@code to}), at least one
 * @param ports the port entries ({@code protocols}); empty means every port of every protocol
 */
public record ClusterRule(
    Optional<String> name, TierAction action, List<ClusterPeer> peers, List<ClusterPort> ports) {

  /** Validates and copies. */
  public ClusterRule {
    requireNonNull(name, "name");
    requireNonNull(action, "action");
    peers = List.copyOf(requireNonNull(peers, "peers"));
    ports = List.copyOf(requireNonNull(ports, "ports"));
    if (peers.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one peer");
    }
    name.ifPresent(
        n -> {
          if (n.length() > 100) {
            throw new IllegalArgumentException(
                "rule name '" + n + "' is longer than 100 characters");
          }
        });
  }

  /** The rule's name, or its index when it has none, for messages: {@code "deny-db"}. */
  public String label(int index) {
    return name.orElse("#" + index);
  }

  @Override
  public String toString() {
    return action
        + name.map(n -> " " + n).orElse("")
        + " peers "
        + peers
        + " ports "
        + (ports.isEmpty() ? "all" : ports.toString());
  }
}
