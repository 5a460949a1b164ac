package io.kubereach.internal.semantics;

import io.kubereach.model.ClusterPort;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSet;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ports of one rule (S6, S9, S10, T7 in docs/semantics.md): every port, or numbered ranges plus
 * named ports that resolve on the destination pod.
 *
 * @param all whether the rule lists no ports and so matches every port of every protocol (S6)
 * @param numeric the numbered ranges, whole protocols included (S9)
 * @param named the named ports (S10)
 */
public record PortMatch(boolean all, List<PortRange> numeric, List<NamedRef> named) {

  /**
   * A named port as a rule writes it: a name and, for a NetworkPolicy, the rule's protocol (S10); a
   * tiered policy takes the container port's own protocol (T7).
   *
   * @param name the container port name
   * @param protocol the protocol the rule gives it; empty for a tiered policy's
   */
  public record NamedRef(String name, Optional<Protocol> protocol) {
    /** A NetworkPolicy's named port (S10). */
    public static NamedRef of(String name, Protocol protocol) {
      return new NamedRef(name, Optional.of(protocol));
    }

    /** A tiered policy's named port (T7). */
    public static NamedRef anyProtocol(String name) {
      return new NamedRef(name, Optional.empty());
    }

    @Override
    public String toString() {
      return name + protocol.map(p -> "/" + p).orElse("");
    }
  }

  private static final PortMatch ALL = new PortMatch(true, List.of(), List.of());

  /** Copies. */
  public PortMatch {
    numeric = List.copyOf(numeric);
    named = List.copyOf(named);
  }

  /** S6: a rule's {@code ports}; absent or empty matches every port. */
  public static PortMatch of(List<PortSpec> specs) {
    if (specs.isEmpty()) {
      return ALL;
    }
    List<PortRange> numeric = new ArrayList<>();
    List<NamedRef> named = new ArrayList<>();
    for (PortSpec spec : specs) {
      numeric(spec).ifPresent(numeric::add);
      if (spec.port().orElse(null) instanceof PortRef.Name n) {
        named.add(NamedRef.of(n.name(), spec.protocol()));
      }
    }
    return new PortMatch(false, numeric, named);
  }

  /** T7: a tiered rule's ports; none means every port of every protocol. */
  public static PortMatch ofTiered(List<ClusterPort> ports) {
    if (ports.isEmpty()) {
      return ALL;
    }
    List<PortRange> numeric = new ArrayList<>();
    List<NamedRef> named = new ArrayList<>();
    for (ClusterPort p : ports) {
      if (p instanceof ClusterPort.Numbers n) {
        numeric.add(n.range());
      } else {
        named.add(NamedRef.anyProtocol(((ClusterPort.Named) p).name()));
      }
    }
    return new PortMatch(false, numeric, named);
  }

  /**
   * S9: the range of a numbered or whole-protocol entry: no port means every port of the protocol,
   * {@code endPort} makes an inclusive range; a named entry has none.
   */
  public static Optional<PortRange> numeric(PortSpec spec) {
    if (spec.port().isEmpty()) {
      return Optional.of(PortRange.all(spec.protocol()));
    }
    if (spec.port().get() instanceof PortRef.Number n) {
      return Optional.of(
          new PortRange(spec.protocol(), n.number(), spec.endPort().orElse(n.number())));
    }
    return Optional.empty();
  }

  /**
   * The ports matched toward a destination: its container ports resolve the named ports (S10);
   * toward an external address ({@code destination} empty) a named port matches nothing.
   */
  public PortSet toward(Optional<List<ContainerPort>> destination) {
    if (all) {
      return PortSet.all();
    }
    List<PortRange> ranges = new ArrayList<>(numeric);
    destination.ifPresent(
        ports -> {
          for (NamedRef ref : named) {
            NamedPorts.resolve(ref, ports).forEach(p -> ranges.add(PortRange.of(p)));
          }
        });
    return PortSet.of(ranges);
  }
}
