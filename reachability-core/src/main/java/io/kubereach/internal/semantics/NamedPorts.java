package io.kubereach.internal.semantics;

import io.kubereach.model.ContainerPort;
import io.kubereach.model.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * S10 in docs/semantics.md: a named port resolves on the destination pod's container ports, by name
 * AND protocol (a container port's protocol defaults to TCP). The one implementation, used by the
 * engine's classes, the explanations, the warnings and Service queries (S14).
 */
public final class NamedPorts {
  private NamedPorts() {}

  /**
   * The numbers of the container ports called {@code name} with {@code protocol}, ascending and
   * distinct; empty when the pod defines no such port (it then matches nothing there).
   */
  public static int[] resolve(String name, Protocol protocol, List<ContainerPort> ports) {
    Optional<String> wanted = Optional.of(name);
    return ports.stream()
        .filter(cp -> cp.name().equals(wanted) && cp.protocol() == protocol)
        .mapToInt(ContainerPort::number)
        .sorted()
        .distinct()
        .toArray();
  }

  /** Whether the pod defines the named port for the protocol. */
  public static boolean defines(String name, Protocol protocol, List<ContainerPort> ports) {
    return resolve(name, protocol, ports).length > 0;
  }
}
