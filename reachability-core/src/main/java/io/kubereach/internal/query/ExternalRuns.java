package io.kubereach.internal.query;

import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortSet;
import java.util.ArrayList;
import java.util.List;

/**
 * S12 in docs/semantics.md: per direction, the maximal runs of address atoms with identical
 * connections to (or from) some pod classes: the external lines of a listing.
 */
final class ExternalRuns {
  /**
   * One maximal run.
   *
   * @param range its addresses
   * @param ports the connections of every address in it
   * @param direction {@code Egress} for connections to the range, {@code Ingress} from it
   */
  record Run(ExternalEndpoint range, PortSet ports, PolicyType direction) {}

  private final Engine engine;
  private final boolean ipv6Listed;

  /**
   * @param ipv6Listed whether IPv6 space appears: only when some input mentions IPv6 (S12)
   */
  ExternalRuns(Engine engine, boolean ipv6Listed) {
    this.engine = engine;
    this.ipv6Listed = ipv6Listed;
  }

  /** The runs of pods of some classes, egress first, each in address order. */
  List<Run> of(int[] classes) {
    List<Run> out = new ArrayList<>();
    List<IpSpace.Block> atoms = engine.ipAtoms().atoms();
    for (PolicyType direction : List.of(PolicyType.Egress, PolicyType.Ingress)) {
      // Atoms of one IP class connect alike: their ports are found once per IP class.
      PortSet[] byIpClass = engine.externalByIpClass(classes, direction == PolicyType.Egress);
      IpSpace.Block run = null;
      PortSet runPorts = null;
      for (int atom = 0; atom < atoms.size(); atom++) {
        IpSpace.Block block = atoms.get(atom);
        if (block.v6() && !ipv6Listed) {
          break;
        }
        PortSet ports = byIpClass[engine.ipClassOf(atom)];
        if (run != null && run.v6() == block.v6() && runPorts.equals(ports)) {
          run = new IpSpace.Block(run.v6(), run.first(), block.last());
        } else {
          emit(out, run, runPorts, direction);
          run = block;
          runPorts = ports;
        }
      }
      emit(out, run, runPorts, direction);
    }
    return out;
  }

  private static void emit(List<Run> out, IpSpace.Block run, PortSet ports, PolicyType direction) {
    if (run != null && !ports.isEmpty()) {
      out.add(new Run(run.endpoint(), ports, direction));
    }
  }
}
