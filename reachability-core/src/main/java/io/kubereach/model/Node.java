package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A cluster node: its labels and its addresses ({@code status.addresses} of type InternalIP or
 * ExternalIP), which {@code nodes} peers of cluster-scoped policies match (T6 in
 * docs/semantics.md).
 *
 * <pre>
 * {@code new Node("worker-1", Map.of("node-role.kubernetes.io/worker", ""), List.of("10.1.0.5"))}
 * </pre>
 *
 * @param name the node name
 * @param labels its labels
 * @param addresses its IP addresses, canonical, without duplicates
 */
public record Node(String name, Map<String, String> labels, List<String> addresses) {

  /** Validates, copies and normalises the addresses. */
  public Node {
    Labels.requireName(name, "node name");
    labels = Labels.copyOf(labels, "node labels");
    addresses =
        requireNonNull(addresses, "addresses").stream()
            .map(a -> IpAddresses.canonicalAddress(a, "node address"))
            .distinct()
            .toList();
  }

  @Override
  public String toString() {
    return name;
  }
}
