package io.kubereach.internal.semantics;

import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Port;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * S10, T7 in docs/semantics.md: a named port resolves on the destination pod's container ports: by
 * name AND protocol for a NetworkPolicy (a container port's protocol defaults to TCP), by name
 * alone for a tiered policy, which takes the container port's own protocol. The one implementation,
 * used by the engine's classes, the explanations, the warnings and Service queries (S14).
 */
public final class NamedPorts {
  private static final Comparator<Port> ORDER =
      Comparator.comparing(Port::protocol).thenComparingInt(Port::number);

  private NamedPorts() {}

  /**
   * The ports a named port stands for on a pod, ordered and distinct; empty when the pod defines no
   * such port (it then matches nothing there).
   */
  public static List<Port> resolve(NamedRef ref, List<ContainerPort> ports) {
    Optional<String> wanted = Optional.of(ref.name());
    return ports.stream()
        .filter(cp -> cp.name().equals(wanted))
        .filter(cp -> ref.protocol().map(p -> p == cp.protocol()).orElse(true))
        .map(cp -> new Port(cp.protocol(), cp.number()))
        .distinct()
        .sorted(ORDER)
        .toList();
  }

  /** Whether the pod defines the named port. */
  public static boolean defines(NamedRef ref, List<ContainerPort> ports) {
    return !resolve(ref, ports).isEmpty();
  }
}
