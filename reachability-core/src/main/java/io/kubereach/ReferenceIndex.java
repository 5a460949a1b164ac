package io.kubereach;

import io.kubereach.model.Port;
import io.kubereach.model.PortSet;

/** A {@link ReachabilityIndex} that answers with the {@link ReferenceEvaluator}, pair by pair. */
final class ReferenceIndex extends BaseIndex implements PairPorts {

  ReferenceIndex(ReferenceEvaluator reference) {
    super(reference.topology());
  }

  @Override
  PairPorts pairPorts() {
    return this;
  }

  @Override
  boolean allows(Topology.Members source, Topology.Members destination, Port port) {
    return reference.explain(source.endpoint(), destination.endpoint(), port).allowed();
  }

  @Override
  public int classOf(int pod) {
    return pod; // every pod its own class: no sharing
  }

  @Override
  public long[] mayReach(int sourceClass) {
    return Bits.ones(topology.pods.size()); // no shortcut: ask every pair
  }

  @Override
  public PortSet between(int sourceClass, int destinationClass) {
    return reference.allowedByRules(sourceClass, destinationClass);
  }

  @Override
  public PortSet toExternal(int sourceClass, int ipAtom) {
    return reference.allowedToAddress(sourceClass, first(ipAtom));
  }

  @Override
  public PortSet fromExternal(int ipAtom, int destinationClass) {
    return reference.allowedFromAddress(first(ipAtom), destinationClass);
  }

  private IpSpace.Address first(int ipAtom) {
    IpSpace.Block b = topology.ipAtoms.atom(ipAtom);
    return new IpSpace.Address(b.v6(), b.first());
  }
}
