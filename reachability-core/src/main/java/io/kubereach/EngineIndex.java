package io.kubereach;

import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bitset engine's {@link ReachabilityIndex} (DESIGN §5): selectors compiled once, pods folded
 * into classes, one matrix per distinct port atom group; a query maps pods to classes and tests
 * bits. Explanations come from the reference evaluator. Immutable and thread-safe after
 * construction (the port-set cache is concurrent and only memoises pure results).
 */
final class EngineIndex extends BaseIndex implements PairPorts {
  private final PodClasses classes;
  private final PortAtoms atoms;
  private final AtomMatrices matrices;
  private final Map<BitSet, PortSet> portsBySignature = new ConcurrentHashMap<>();

  EngineIndex(Topology topology) {
    super(topology);
    SelectorCompiler selectors = new SelectorCompiler(topology);
    this.classes = new PodClasses(topology, selectors);
    this.atoms = new PortAtoms(topology, classes);
    this.matrices = MatrixBuilder.build(topology, selectors, classes, atoms);
  }

  @Override
  PairPorts pairPorts() {
    return this;
  }

  @Override
  boolean allows(Topology.Members source, Topology.Members destination, Port port) {
    int m = matrices.matrixOfGroup[atoms.groupOf(port)];
    if (source instanceof Topology.PodMembers s && destination instanceof Topology.PodMembers d) {
      if (s.pods().length == 1 && d.pods().length == 1) {
        int p = s.pods()[0];
        int q = d.pods()[0];
        if (p == q && !topology.pods.get(p).replicated()) {
          return true; // S11: the very same pod
        }
        return Bits.get(matrices.pods[m][classes.classOfPod[p]], classes.classOfPod[q]);
      }
      Optional<long[]> pairs = lister().classPairs(s, d);
      if (pairs.isEmpty()) {
        return true; // S11
      }
      for (long pair : pairs.get()) {
        if (Bits.get(matrices.pods[m][(int) (pair >>> 32)], (int) pair)) {
          return true;
        }
      }
      return false;
    }
    if (source instanceof Topology.PodMembers s
        && destination instanceof Topology.AddressMembers a) {
      return anyExternal(matrices.toIp[m], s, a);
    }
    if (source instanceof Topology.AddressMembers a
        && destination instanceof Topology.PodMembers d) {
      return anyExternal(matrices.fromIp[m], d, a);
    }
    return lister().ports(source, destination).contains(port); // both external: throws
  }

  private boolean anyExternal(long[][] rows, Topology.PodMembers pods, Topology.AddressMembers a) {
    int[] podClasses = lister().classesOf(pods.pods());
    for (int atom : topology.ipAtoms.atomsOverlapping(a.range())) {
      int x = classes.ipClassOfAtom[atom];
      for (int c : podClasses) {
        if (Bits.get(rows[c], x)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public int classOf(int pod) {
    return classes.classOfPod[pod];
  }

  @Override
  public long[] mayReach(int sourceClass) {
    long[] out = Bits.words(classes.count);
    for (long[][] matrix : matrices.pods) {
      Bits.orInto(out, matrix[sourceClass]);
    }
    return out;
  }

  @Override
  public PortSet between(int sourceClass, int destinationClass) {
    BitSet signature = new BitSet(matrices.count());
    for (int m = 0; m < matrices.count(); m++) {
      if (Bits.get(matrices.pods[m][sourceClass], destinationClass)) {
        signature.set(m);
      }
    }
    return ports(signature);
  }

  @Override
  public PortSet toExternal(int sourceClass, int ipAtom) {
    int x = classes.ipClassOfAtom[ipAtom];
    BitSet signature = new BitSet(matrices.count());
    for (int m = 0; m < matrices.count(); m++) {
      if (Bits.get(matrices.toIp[m][sourceClass], x)) {
        signature.set(m);
      }
    }
    return ports(signature);
  }

  @Override
  public PortSet fromExternal(int ipAtom, int destinationClass) {
    int x = classes.ipClassOfAtom[ipAtom];
    BitSet signature = new BitSet(matrices.count());
    for (int m = 0; m < matrices.count(); m++) {
      if (Bits.get(matrices.fromIp[m][destinationClass], x)) {
        signature.set(m);
      }
    }
    return ports(signature);
  }

  /** The union of the ports of the matrices in {@code signature}, memoised. */
  private PortSet ports(BitSet signature) {
    return portsBySignature.computeIfAbsent(
        signature,
        sig -> {
          PortSet out = PortSet.none();
          for (int m = sig.nextSetBit(0); m >= 0; m = sig.nextSetBit(m + 1)) {
            out = out.union(matrices.portsOfMatrix[m]);
          }
          return out;
        });
  }

  @Override
  public String toString() {
    return "ReachabilityIndex["
        + summary()
        + ", "
        + Render.count(classes.count, "class", "classes")
        + ", "
        + Render.count(atoms.atomCount, "port atom", "port atoms")
        + ", "
        + Render.count(matrices.count(), "distinct port matrix", "distinct port matrices")
        + "]";
  }
}
