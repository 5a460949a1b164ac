package io.kubereach.internal.semantics;

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
 * The ports of one rule (S6, S9, S10 in docs/semantics.md): every port, or numbered ranges plus
 * named ports that resolve on the destination pod.
 *
 * @param all whether the rule lists no ports and so matches every port of every protocol (S6)
 * @param numeric the numbered ranges, whole protocols included (S9)
 * @param named the named ports (S10)
 */
public record PortMatch(boolean all, List<PortRange> numeric, List<NamedRef> named) {

  /**
   * A named port as a rule writes it: a name and the rule's protocol (S10).
   *
   * @param name the container port name
   * @param protocol the protocol the rule gives it
   */
  public record NamedRef(String name, Protocol protocol) {}

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
        named.add(new NamedRef(n.name(), spec.protocol()));
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
            for (int n : NamedPorts.resolve(ref.name(), ref.protocol(), ports)) {
              ranges.add(new PortRange(ref.protocol(), n, n));
            }
          }
        });
    return PortSet.of(ranges);
  }
}
