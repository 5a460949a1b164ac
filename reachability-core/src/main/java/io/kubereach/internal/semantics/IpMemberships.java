package io.kubereach.internal.semantics;

import io.kubereach.AnalysisOptions;
import io.kubereach.internal.net.IpAtoms;
import io.kubereach.internal.net.IpMatcher;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.semantics.PeerSet.Network;
import io.kubereach.internal.semantics.PeerSet.PodAddresses;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Which of the policies' address sets hold each pod (S12, T8 in docs/semantics.md), by both rules
 * of {@link PodAddresses}: an ipBlock holds a pod when it holds one of its known IPs; a networks
 * peer holds a pod when it holds the pod's address of its first family (IPv4 where it has both),
 * and a pod without a known IP counts as IPv4, held by {@code 0.0.0.0/0} alone. A pod without a
 * known IP is never held by an ipBlock. Under the "ipBlocks external only" convention no pod is
 * held at all. Computed once per snapshot and shared by the engine, the explanations and the
 * warnings. Immutable.
 */
public final class IpMemberships {
  private static final BitSet NONE = new BitSet();

  private final List<IpMatcher> matchers;
  private final IpAtoms atoms;
  private final boolean podsMatched;
  private final BitSet[] anyKnownIp;
  private final BitSet[] firstFamily;

  private IpMemberships(
      List<IpMatcher> matchers,
      IpAtoms atoms,
      boolean podsMatched,
      BitSet[] anyKnownIp,
      BitSet[] firstFamily) {
    this.matchers = matchers;
    this.atoms = atoms;
    this.podsMatched = podsMatched;
    this.anyKnownIp = anyKnownIp;
    this.firstFamily = firstFamily;
  }

  /**
   * The memberships of a table's pods in {@code matchers}. The address space is cut into atoms that
   * the same sets hold ({@link IpAtoms}); an address is then held by the sets of its atom, so each
   * address is looked up once, and the pods of one atom share one set of memberships.
   */
  public static IpMemberships of(
      PodTable table, List<IpMatcher> matchers, AnalysisOptions options) {
    int n = table.size();
    IpAtoms atoms = new IpAtoms(matchers);
    boolean podsMatched = options.ipBlocksMatchPodIps() && !matchers.isEmpty();
    BitSet[] any = new BitSet[n];
    BitSet[] firsts = new BitSet[n];
    Arrays.fill(any, NONE);
    Arrays.fill(firsts, NONE);
    if (!podsMatched) {
      return new IpMemberships(matchers, atoms, false, any, firsts);
    }
    // T8: a pod without a known IP counts as IPv4, held by 0.0.0.0/0 alone.
    BitSet wholeIpv4 = new BitSet(matchers.size());
    for (int m = 0; m < matchers.size(); m++) {
      if (matchers.get(m).isWholeFamily() && !matchers.get(m).cidr().v6()) {
        wholeIpv4.set(m);
      }
    }
    for (AnalysisPod pod : table.pods()) {
      List<IpSpace.Address> ips = pod.ips();
      if (ips.isEmpty()) {
        firsts[pod.index()] = wholeIpv4.isEmpty() ? NONE : wholeIpv4;
        continue;
      }
      BitSet held = atoms.signature(atoms.atomOf(ips.get(0)));
      for (int i = 1; i < ips.size(); i++) {
        BitSet other = atoms.signature(atoms.atomOf(ips.get(i)));
        if (!other.equals(held)) {
          BitSet union = (BitSet) held.clone();
          union.or(other);
          held = union;
        }
      }
      any[pod.index()] = held;
      firsts[pod.index()] = atoms.signature(atoms.atomOf(firstFamilyAddress(pod).orElseThrow()));
    }
    return new IpMemberships(matchers, atoms, true, any, firsts);
  }

  /** The address atoms of the address sets. */
  public IpAtoms atoms() {
    return atoms;
  }

  /** T8: the address a pod answers for, IPv4 first; empty when it has no known IP. */
  public static Optional<IpSpace.Address> firstFamilyAddress(AnalysisPod pod) {
    for (IpSpace.Address a : pod.ips()) {
      if (!a.v6()) {
        return Optional.of(a);
      }
    }
    return pod.ips().stream().findFirst();
  }

  /** The pod's address of its other family, when it has both. */
  public static Optional<IpSpace.Address> otherFamilyAddress(AnalysisPod pod) {
    Optional<IpSpace.Address> first = firstFamilyAddress(pod);
    return first.flatMap(f -> pod.ips().stream().filter(a -> a.v6() != f.v6()).findFirst());
  }

  /**
   * The matchers (by index) that hold the pod by one rule; empty when ipBlocks are external only.
   * Shared: never modify.
   */
  public BitSet of(int pod, PodAddresses rule) {
    return rule == PodAddresses.ANY_KNOWN_IP ? anyKnownIp[pod] : firstFamily[pod];
  }

  /** Whether an address set holds the pod, by its own rule. */
  public boolean holds(int pod, Network network) {
    return of(pod, network.pods()).get(network.id());
  }

  /**
   * T8: whether the manifests cannot tell if a networks peer holds the pod: the pod has no known IP
   * (so counts as IPv4) and the network is a narrower IPv4 one.
   */
  public boolean unknown(AnalysisPod pod, Network network) {
    if (!podsMatched || network.pods() != PodAddresses.FIRST_FAMILY || !pod.ips().isEmpty()) {
      return false;
    }
    IpMatcher m = matchers.get(network.id());
    return !m.cidr().v6() && !m.isWholeFamily();
  }

  /** Whether pods are matched by address at all (not under "ipBlocks external only"). */
  public boolean podsMatched() {
    return podsMatched;
  }
}
