package io.kubereach.internal.engine;

import io.kubereach.internal.net.IpAtoms;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * The bitset engine (docs/architecture.md): a straight pipeline from the policies' normal form to
 * the allowed-connection matrices, and the few questions the queries ask of them. Every answer is
 * about classes: pods of one class, and addresses of one atom, get the same answers; the S11 self
 * rule and S15 unions over an endpoint's pods are the queries' business. Its answers never change
 * and it is thread-safe: the port-set cache only memoises pure results, and the matrices, built
 * once on first need, are built under a lock with the builder's row caches.
 */
public final class Engine {
  private final IpAtoms ipAtoms;
  private final IpClasses ipClasses;
  private final PodClasses classes;
  private final PortAtoms ports;

  /**
   * The matrices once built. Without tiered policies they are built on first need: a what-if asks a
   * few questions of a new index, and each is answered from two sides ({@link
   * MatrixBuilder#allows}) until {@link #LAZY_ANSWERS} have been, or a question needs every cell.
   */
  private volatile Matrices complete;

  private final MatrixBuilder builder;
  private final java.util.concurrent.atomic.AtomicInteger lazyAnswers =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Questions answered side by side before the matrices are built: then lookups are cheaper. */
  static final int LAZY_ANSWERS = 2_000;

  private final Ambiguities ambiguities;
  private final Map<BitSet, PortSet> portsBySignature = new ConcurrentHashMap<>();
  private final java.util.Set<io.kubereach.internal.semantics.TierRule> effectiveTierRules;
  private final ProfileSelections selections;
  private final PodShapes shapes;
  private final com.google.common.base.Supplier<List<Redundancy.Finding>> redundancy;

  private Engine(PodTable table, CompiledPolicies policies, IpMemberships ips, Engine previous) {
    // A what-if's table says where its pods differ from the previous index's: nowhere for a
    // change of policies.
    java.util.Set<String> changed = previous == null ? null : table.changedNamespaces();
    boolean samePods = changed != null && table.samePods();
    ProfileSelections selections =
        changed == null
            ? new ProfileSelections(table, policies)
            : new ProfileSelections(
                table, policies, previous.selections, samePods ? null : changed);
    this.selections = selections;
    this.shapes =
        samePods && previous.shapes.sameMemberships(ips)
            ? previous.shapes
            : new PodShapes(table, selections, ips);
    this.ipAtoms = ips.atoms();
    this.ipClasses = new IpClasses(ipAtoms, policies.matchers());
    this.classes =
        new PodClasses(
            table, shapes, selections, ips, policies.matchers().size(), policies.namedRefs());
    this.ports = new PortAtoms(policies, classes);
    this.builder = MatrixBuilder.of(policies, selections, classes, ipClasses, ports);
    if (policies.tiered().findAny().isPresent()) {
      // Tiers record ambiguous cells (T9) and the rules that decided (shadowing) as the matrices
      // are built: build them now.
      MatrixBuilder.Built built = builder.build();
      this.complete = built.matrices();
      this.ambiguities = built.ambiguities();
      this.effectiveTierRules = java.util.Set.copyOf(built.effectiveTierRules());
    } else {
      this.ambiguities = new Ambiguities.Builder(ports.count()).build();
      this.effectiveTierRules = java.util.Set.of();
    }
    int k = classes.count();
    int portClasses = ports.count();
    NetworkPolicyRows rows = builder.networkPolicies();
    int ipBits = ipClasses.count();
    this.redundancy =
        com.google.common.base.Suppliers.memoize(
            () -> Redundancy.find(rows, k, portClasses, ipBits));
  }

  /**
   * The NetworkPolicies and rules whose removal alone changes no connection, each with the rules
   * that admit what it admits; computed on first call from the rows of the build.
   */
  public List<RedundantPart> redundant() {
    return redundancy.get().stream()
        .map(f -> new RedundantPart(f.policy(), f.direction(), f.rule(), f.coveredBy()))
        .toList();
  }

  /**
   * A redundant NetworkPolicy ({@code rule} -1, {@code direction} null) or rule.
   *
   * @param coveredBy the rules that admit the same cells, as {@code ns/name rule i}
   */
  public record RedundantPart(
      io.kubereach.model.PolicyRef policy,
      io.kubereach.model.PolicyType direction,
      int rule,
      List<String> coveredBy) {}

  /** S7, T5: whether a selection of the policies holds some pod. */
  public boolean selectsSomePod(io.kubereach.internal.semantics.Selection selection) {
    return selections.profilesOf(selections.id(selection)).length > 0;
  }

  /** T2, T3: whether a tiered rule decided some cell for some class it was consulted for. */
  public boolean decidesSomething(io.kubereach.internal.semantics.TierRule rule) {
    return effectiveTierRules.contains(rule);
  }

  /** Runs the pipeline on one snapshot's products. */
  public static Engine build(PodTable table, CompiledPolicies policies, IpMemberships ips) {
    return new Engine(table, policies, ips, null);
  }

  /**
   * Runs the pipeline for a what-if of {@code previous}'s snapshot, on a table made for it ({@link
   * PodTable#forSnapshot} or {@link PodTable#of(io.kubereach.model.ClusterSnapshot, PodTable)}):
   * every selection {@code previous} compiled is taken over, matched anew only in the namespaces
   * whose pods or labels changed, so a policy change compiles only its own selectors; with the same
   * pods, the label profiles and pod shapes are taken over too.
   */
  public static Engine build(
      PodTable table, CompiledPolicies policies, IpMemberships ips, Engine previous) {
    return new Engine(table, policies, ips, java.util.Objects.requireNonNull(previous));
  }

  /** The address atoms (S12). */
  public IpAtoms ipAtoms() {
    return ipAtoms;
  }

  /** The number of pod classes. */
  public int classCount() {
    return classes.count();
  }

  /** The class of an analysis pod. */
  public int classOf(int pod) {
    return classes.classOf(pod);
  }

  /** The number of port atoms. */
  public int portAtomCount() {
    return ports.atomCount();
  }

  /**
   * The port classes, each as the ports it holds: ports of one class get the same verdict between
   * any two ends, so one sample port answers for the class.
   */
  public List<PortSet> portClasses() {
    List<PortSet> out = new java.util.ArrayList<>(ports.count());
    for (int g = 0; g < ports.count(); g++) {
      out.add(ports.ports(g));
    }
    return out;
  }

  /** The number of distinct matrices. */
  public int matrixCount() {
    return matrices().count();
  }

  /** The matrices, built now if they were not yet. */
  private Matrices matrices() {
    Matrices m = complete;
    if (m == null) {
      synchronized (this) {
        m = complete;
        if (m == null) {
          m = builder.build().matrices();
          complete = m;
        }
      }
    }
    return m;
  }

  /** The matrices when built, or null while a question is still cheaper side by side. */
  private Matrices built() {
    Matrices m = complete;
    if (m != null || lazyAnswers.incrementAndGet() <= LAZY_ANSWERS) {
      return m;
    }
    return matrices();
  }

  /** Whether the rules let a pod of one class reach a distinct pod of another on a port. */
  public boolean allows(int sourceClass, int destinationClass, Port port) {
    Matrices m = built();
    int g = ports.classOf(port);
    return m != null
        ? m.allows(m.matrixOfPortClass[g], sourceClass, destinationClass)
        : builder.allows(sourceClass, destinationClass, g);
  }

  /** Whether the rules let a pod of the class reach the addresses of an atom on a port. */
  public boolean allowsTo(int sourceClass, int ipAtom, Port port) {
    Matrices m = built();
    int g = ports.classOf(port);
    int x = ipClasses.classOf(ipAtom);
    return m != null
        ? Bits.get(m.toIp[m.matrixOfPortClass[g]][sourceClass], x)
        : builder.allowsTo(sourceClass, x, g);
  }

  /** Whether the rules let the addresses of an atom reach a pod of the class on a port. */
  public boolean allowsFrom(int ipAtom, int destinationClass, Port port) {
    Matrices m = built();
    int g = ports.classOf(port);
    int x = ipClasses.classOf(ipAtom);
    return m != null
        ? Bits.get(m.fromIp[m.matrixOfPortClass[g]][destinationClass], x)
        : builder.allowsFrom(x, destinationClass, g);
  }

  /** T9: whether no verdict of the snapshot depends on the order of same-priority policies. */
  public boolean unambiguous() {
    return ambiguities.isEmpty();
  }

  /** T9: whether the verdict between two pod classes on a port depends on such an order. */
  public boolean ambiguous(int sourceClass, int destinationClass, Port port) {
    return ambiguities.pods(ports.classOf(port), sourceClass, destinationClass);
  }

  /** T9: the same toward the addresses of an atom. */
  public boolean ambiguousTo(int sourceClass, int ipAtom, Port port) {
    return ambiguities.toIp(ports.classOf(port), sourceClass, ipClasses.classOf(ipAtom));
  }

  /** T9: the same from the addresses of an atom. */
  public boolean ambiguousFrom(int ipAtom, int destinationClass, Port port) {
    return ambiguities.fromIp(ports.classOf(port), destinationClass, ipClasses.classOf(ipAtom));
  }

  /**
   * Calls {@code action} with every destination class that {@code sourceClass} reaches on some
   * port, ascending.
   */
  public void forEachReachable(int sourceClass, IntConsumer action) {
    long[] out = Bits.words(classes.count());
    Matrices m = matrices();
    for (int matrix = 0; matrix < m.count(); matrix++) {
      m.orReachable(matrix, sourceClass, out);
    }
    Bits.forEach(out, action);
  }

  /** The ports on which a pod of one class reaches a distinct pod of another. */
  public PortSet between(int sourceClass, int destinationClass) {
    Matrices m = matrices();
    BitSet signature = new BitSet(m.count());
    for (int matrix = 0; matrix < m.count(); matrix++) {
      if (m.allows(matrix, sourceClass, destinationClass)) {
        signature.set(matrix);
      }
    }
    return ports(signature);
  }

  /**
   * The ports on which some of {@code classes} reaches some address atom of {@code atoms} (egress),
   * or is reached from one (ingress): one signature over the matrices, one port set at the end,
   * rather than a union per pair.
   */
  public PortSet external(int[] classes, int[] atoms, boolean egress) {
    long[][][] part = egress ? matrices().toIp : matrices().fromIp;
    int[] ipCls = new int[atoms.length];
    for (int i = 0; i < atoms.length; i++) {
      ipCls[i] = ipClasses.classOf(atoms[i]);
    }
    BitSet signature = new BitSet(part.length);
    for (int m = 0; m < part.length; m++) {
      found:
      for (int c : classes) {
        long[] row = part[m][c];
        for (int x : ipCls) {
          if (Bits.get(row, x)) {
            signature.set(m);
            break found;
          }
        }
      }
    }
    return ports(signature);
  }

  /** The IP class of an address atom: atoms of one class get the same answers. */
  public int ipClassOf(int atom) {
    return ipClasses.classOf(atom);
  }

  /**
   * Per IP class, the ports on which some of {@code classes} reaches its addresses (egress) or is
   * reached from them (ingress); equal port sets are one object. One walk over the classes' rows,
   * where asking per atom and class would make a port set per pair.
   */
  public PortSet[] externalByIpClass(int[] classes, boolean egress) {
    long[][][] part = egress ? matrices().toIp : matrices().fromIp;
    BitSet[] signatures = new BitSet[ipClasses.count()];
    for (int m = 0; m < part.length; m++) {
      int matrix = m;
      for (int c : classes) {
        Bits.forEach(
            part[m][c],
            x -> {
              if (signatures[x] == null) {
                signatures[x] = new BitSet(part.length);
              }
              signatures[x].set(matrix);
            });
      }
    }
    PortSet[] out = new PortSet[signatures.length];
    for (int x = 0; x < out.length; x++) {
      out[x] = signatures[x] == null ? PortSet.none() : ports(signatures[x]);
    }
    return out;
  }

  /** Whether a pod of the class is reached from some address atom on some port. */
  public boolean reachedFromOutside(int cls) {
    for (long[][] m : matrices().fromIp) {
      if (!Bits.isEmpty(m[cls])) {
        return true;
      }
    }
    return false;
  }

  /** The union of the ports of the matrices in {@code signature}, memoised. */
  private PortSet ports(BitSet signature) {
    return portsBySignature.computeIfAbsent(
        signature,
        sig -> {
          PortSet out = PortSet.none();
          for (int m = sig.nextSetBit(0); m >= 0; m = sig.nextSetBit(m + 1)) {
            out = out.union(matrices().portsOfMatrix[m]);
          }
          return out;
        });
  }
}
