package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.Explanation.NamedPort;
import io.kubereach.Explanation.Outcome;
import io.kubereach.Explanation.RuleRef;
import io.kubereach.Explanation.Side;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Peer;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSet;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Rule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The slow, obviously correct path: answers one (source, destination, port) question by walking the
 * rules S1–S15 of the design as plainly as possible, for one pair of pods at a time, and says why.
 * It is the oracle that the bitset engine is tested against, the source of every {@link
 * Explanation}, and the baseline of the benchmarks. Nothing here is cached or precomputed beyond
 * the list of pods and endpoints.
 *
 * <p>Endpoints are those of {@link ReachabilityIndex}: workload or pod granularity, or external
 * addresses and ranges; an endpoint of several pods allows what some pair of its pods allows (S15);
 * a range allows what some address in it allows.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ReferenceEvaluator ref = ReferenceEvaluator.of(cluster, AnalysisOptions.defaults());
 * ref.explain(Endpoint.pod("x", "a"), Endpoint.pod("x", "b"), Port.tcp(80)).allowed();
 * }</pre>
 */
public final class ReferenceEvaluator {
  private final Topology topology;

  private ReferenceEvaluator(Topology topology) {
    this.topology = topology;
  }

  /** The evaluator of a snapshot; {@code options} decides S12. */
  public static ReferenceEvaluator of(ClusterSnapshot snapshot, AnalysisOptions options) {
    return new ReferenceEvaluator(
        new Topology(requireNonNull(snapshot, "snapshot"), requireNonNull(options, "options")));
  }

  static ReferenceEvaluator of(Topology topology) {
    return new ReferenceEvaluator(topology);
  }

  /**
   * A {@link ReachabilityIndex} that answers every query with this evaluator, pair by pair: slow,
   * for tests and as the benchmarks' baseline.
   */
  public static ReachabilityIndex index(ClusterSnapshot snapshot, AnalysisOptions options) {
    return new ReferenceIndex(of(snapshot, options));
  }

  Topology topology() {
    return topology;
  }

  /**
   * Why {@code source} can or cannot reach {@code destination} on {@code port}.
   *
   * @throws IllegalArgumentException if an endpoint is not in the snapshot or both are external
   */
  public Explanation explain(Endpoint source, Endpoint destination, Port port) {
    requireNonNull(port, "port");
    Topology.Members s = topology.members(requireNonNull(source, "source"));
    Topology.Members d = topology.members(requireNonNull(destination, "destination"));
    List<String> caveats = topology.caveats(s, d);
    Explanation first = null;
    for (Ends ends : ends(s, d)) {
      Explanation e = explain(source, destination, port, ends, caveats);
      if (e.allowed()) {
        return e;
      }
      if (first == null) {
        first = e;
      }
    }
    return first;
  }

  /** Whether {@code source} can reach {@code destination} on {@code port}. */
  public boolean allows(Endpoint source, Endpoint destination, Port port) {
    return explain(source, destination, port).allowed();
  }

  /**
   * Every port on which {@code source} can reach {@code destination}: the union over its pairs of
   * the intersection of what egress and ingress allow (S5).
   *
   * @throws IllegalArgumentException if an endpoint is not in the snapshot or both are external
   */
  public PortSet allowed(Endpoint source, Endpoint destination) {
    Topology.Members s = topology.members(requireNonNull(source, "source"));
    Topology.Members d = topology.members(requireNonNull(destination, "destination"));
    PortSet out = PortSet.none();
    for (Ends ends : ends(s, d)) {
      out = out.union(allowed(ends));
    }
    return out;
  }

  /**
   * The pairs of pods or addresses an endpoint pair stands for. A pod paired with itself is kept
   * (S11 self), except when the same endpoint of several pods is on both ends: then the question is
   * about two distinct replicas.
   */
  private List<Ends> ends(Topology.Members s, Topology.Members d) {
    List<Ends> out = new ArrayList<>();
    if (s instanceof Topology.AddressMembers a && d instanceof Topology.AddressMembers b) {
      throw new IllegalArgumentException(
          "both "
              + a.endpoint()
              + " and "
              + b.endpoint()
              + " are external; no policy applies between addresses, pick a pod or workload");
    }
    if (s instanceof Topology.PodMembers ps && d instanceof Topology.PodMembers pd) {
      boolean replicas = ps.endpoint().equals(pd.endpoint()) && ps.pods().length > 1;
      for (int p : ps.pods()) {
        for (int q : pd.pods()) {
          if (!(replicas && p == q && !topology.pods.get(p).replicated())) {
            out.add(new Ends(Optional.of(p), Optional.empty(), Optional.of(q), Optional.empty()));
          }
        }
      }
    } else if (s instanceof Topology.PodMembers ps && d instanceof Topology.AddressMembers ad) {
      for (int p : ps.pods()) {
        for (IpSpace.Address a : addresses(ad.range())) {
          out.add(new Ends(Optional.of(p), Optional.empty(), Optional.empty(), Optional.of(a)));
        }
      }
    } else if (s instanceof Topology.AddressMembers as && d instanceof Topology.PodMembers pd) {
      for (IpSpace.Address a : addresses(as.range())) {
        for (int q : pd.pods()) {
          out.add(new Ends(Optional.empty(), Optional.of(a), Optional.of(q), Optional.empty()));
        }
      }
    }
    return out;
  }

  /**
   * One address for each part of {@code range} that the ipBlocks treat differently: its first
   * address and every block boundary inside it.
   */
  private List<IpSpace.Address> addresses(IpSpace.Block range) {
    TreeSet<BigInteger> values = new TreeSet<>();
    values.add(range.first());
    for (IpSpace.Matcher m : topology.matchers) {
      for (IpSpace.Address b : m.boundaries()) {
        if (range.contains(b)) {
          values.add(b.value());
        }
      }
    }
    return values.stream().map(v -> new IpSpace.Address(range.v6(), v)).toList();
  }

  /** A source and a destination, each one pod or one external address. */
  private record Ends(
      Optional<Integer> sourcePod,
      Optional<IpSpace.Address> sourceAddress,
      Optional<Integer> destinationPod,
      Optional<IpSpace.Address> destinationAddress) {}

  private Explanation explain(
      Endpoint source, Endpoint destination, Port port, Ends ends, List<String> caveats) {
    Endpoint srcMember = member(ends.sourcePod(), ends.sourceAddress());
    Endpoint dstMember = member(ends.destinationPod(), ends.destinationAddress());
    if (isSelf(ends)) {
      // S11: a pod always reaches itself.
      Side egress = selfSide(PolicyType.Egress, srcMember);
      Side ingress = selfSide(PolicyType.Ingress, dstMember);
      return new Explanation(
          source, destination, port, true, srcMember, dstMember, egress, ingress, caveats);
    }
    Optional<AnalysisPod> dstPod = ends.destinationPod().map(topology.pods::get);
    Side egress =
        ends.sourcePod()
            .map(p -> side(PolicyType.Egress, topology.pods.get(p), ends, dstMember, dstPod, port))
            .orElseGet(() -> external(PolicyType.Egress, srcMember, dstMember));
    Side ingress =
        dstPod
            .map(q -> side(PolicyType.Ingress, q, ends, srcMember, dstPod, port))
            .orElseGet(() -> external(PolicyType.Ingress, dstMember, srcMember));
    // S5: both ends must allow the same (protocol, port).
    boolean allowed = egress.allows() && ingress.allows();
    return new Explanation(
        source, destination, port, allowed, srcMember, dstMember, egress, ingress, caveats);
  }

  private boolean isSelf(Ends ends) {
    // S11: the very same pod; a workload with replicas >= 2 stands for distinct replicas, which
    // follow the rules (one with replicas <= 1 is a single pod).
    return ends.sourcePod().isPresent()
        && ends.sourcePod().equals(ends.destinationPod())
        && !topology.pods.get(ends.sourcePod().get()).replicated();
  }

  private PortSet allowed(Ends ends) {
    if (isSelf(ends)) {
      return PortSet.all(); // S11
    }
    Optional<AnalysisPod> dstPod = ends.destinationPod().map(topology.pods::get);
    PortSet egress =
        ends.sourcePod()
            .map(p -> sidePorts(PolicyType.Egress, topology.pods.get(p), ends, dstPod))
            .orElse(PortSet.all());
    PortSet ingress =
        dstPod.map(q -> sidePorts(PolicyType.Ingress, q, ends, dstPod)).orElse(PortSet.all());
    return egress.intersection(ingress); // S5
  }

  /** What rules allow between two analysis pods, without the S11 self shortcut. */
  PortSet allowedByRules(int sourcePod, int destinationPod) {
    return allowed(
        new Ends(
            Optional.of(sourcePod),
            Optional.empty(),
            Optional.of(destinationPod),
            Optional.empty()));
  }

  /** What rules allow from a pod to an address. */
  PortSet allowedToAddress(int sourcePod, IpSpace.Address address) {
    return allowed(
        new Ends(Optional.of(sourcePod), Optional.empty(), Optional.empty(), Optional.of(address)));
  }

  /** What rules allow from an address to a pod. */
  PortSet allowedFromAddress(IpSpace.Address address, int destinationPod) {
    return allowed(
        new Ends(
            Optional.empty(), Optional.of(address), Optional.of(destinationPod), Optional.empty()));
  }

  private Endpoint member(Optional<Integer> pod, Optional<IpSpace.Address> address) {
    return pod.<Endpoint>map(p -> topology.pods.get(p).podEndpoint())
        .orElseGet(() -> Endpoint.ip(address.orElseThrow().toString()));
  }

  private static Side selfSide(PolicyType direction, Endpoint pod) {
    return new Side(direction, pod, pod, Outcome.SELF, List.of(), List.of(), List.of());
  }

  private static Side external(PolicyType direction, Endpoint subject, Endpoint peer) {
    // No policy applies outside the cluster.
    return new Side(direction, subject, peer, Outcome.EXTERNAL, List.of(), List.of(), List.of());
  }

  /** One side of one pair, for one port: S1, S2, S4, S6, S7, S9, S10, S12. */
  private Side side(
      PolicyType direction,
      AnalysisPod subject,
      Ends ends,
      Endpoint peer,
      Optional<AnalysisPod> destination,
      Port port) {
    List<NetworkPolicy> isolating = topology.isolating(direction, subject);
    if (isolating.isEmpty()) {
      // S1: not isolated in this direction.
      return new Side(
          direction,
          subject.podEndpoint(),
          peer,
          Outcome.NOT_ISOLATED,
          List.of(),
          List.of(),
          List.of());
    }
    List<RuleRef> allowedBy = new ArrayList<>();
    List<NamedPort> named = new ArrayList<>();
    for (NetworkPolicy policy : isolating) {
      List<Rule> rules = policy.rules(direction);
      for (int i = 0; i < rules.size(); i++) {
        Rule rule = rules.get(i);
        if (!peerMatches(policy, rule, direction, ends)) {
          continue;
        }
        RuleRef ref = new RuleRef(policy.toString(), i);
        for (PortSpec spec : rule.ports()) {
          if (spec.port().orElse(null) instanceof PortRef.Name n) {
            named.add(
                new NamedPort(
                    ref,
                    n.name(),
                    spec.protocol(),
                    destinationEndpoint(ends, destination),
                    resolve(n.name(), spec, destination)));
          }
        }
        if (rulePorts(rule, destination).contains(port)) {
          allowedBy.add(ref);
        }
      }
    }
    return new Side(
        direction,
        subject.podEndpoint(),
        peer,
        allowedBy.isEmpty() ? Outcome.DENIED : Outcome.ALLOWED,
        isolating.stream().map(NetworkPolicy::toString).toList(),
        allowedBy,
        named);
  }

  private Endpoint destinationEndpoint(Ends ends, Optional<AnalysisPod> destination) {
    return destination
        .<Endpoint>map(AnalysisPod::podEndpoint)
        .orElseGet(() -> Endpoint.ip(ends.destinationAddress().orElseThrow().toString()));
  }

  /** One side of one pair, every port at once: the same walk, collecting ports. */
  private PortSet sidePorts(
      PolicyType direction, AnalysisPod subject, Ends ends, Optional<AnalysisPod> destination) {
    List<NetworkPolicy> isolating = topology.isolating(direction, subject);
    if (isolating.isEmpty()) {
      return PortSet.all(); // S1
    }
    PortSet out = PortSet.none();
    for (NetworkPolicy policy : isolating) {
      for (Rule rule : policy.rules(direction)) {
        if (peerMatches(policy, rule, direction, ends)) {
          out = out.union(rulePorts(rule, destination)); // S4
        }
      }
    }
    return out;
  }

  /** S6, S7: whether a rule's from/to admits the other end of the pair. */
  private boolean peerMatches(NetworkPolicy policy, Rule rule, PolicyType direction, Ends ends) {
    if (rule.peers().isEmpty()) {
      return true; // S6: all pods in all namespaces and all addresses
    }
    Optional<Integer> pod =
        direction == PolicyType.Egress ? ends.destinationPod() : ends.sourcePod();
    Optional<IpSpace.Address> address =
        direction == PolicyType.Egress ? ends.destinationAddress() : ends.sourceAddress();
    for (Peer peer : rule.peers()) {
      if (pod.isPresent() && peerMatchesPod(policy, peer, topology.pods.get(pod.get()))) {
        return true;
      }
      if (address.isPresent()
          && peer instanceof IpBlockPeer block
          && IpSpace.Matcher.of(block).contains(address.get())) {
        return true; // S12: an ipBlock matches external addresses
      }
    }
    return false;
  }

  private boolean peerMatchesPod(NetworkPolicy policy, Peer peer, AnalysisPod pod) {
    if (peer instanceof PodPeer p) {
      // S7: podSelector alone means the policy's namespace; both selectors mean AND.
      boolean namespaceOk =
          p.namespaceSelector()
              .map(s -> s.matches(topology.namespaceLabels(pod.namespace())))
              .orElse(pod.namespace().equals(policy.namespace()));
      boolean podOk = p.podSelector().map(s -> s.matches(pod.labels())).orElse(true);
      return namespaceOk && podOk;
    }
    IpBlockPeer block = (IpBlockPeer) peer;
    // S12: an ipBlock matches a pod whose known IP lies in it (cidr minus this peer's except, S7),
    // unless the caller asked for the "ipBlocks external only" convention.
    if (!topology.options.ipBlocksMatchPodIps()) {
      return false;
    }
    IpSpace.Matcher m = IpSpace.Matcher.of(block);
    return pod.ips().stream().anyMatch(m::contains);
  }

  /** S6, S9, S10: the ports of a rule, named ports resolved on the destination. */
  private static PortSet rulePorts(Rule rule, Optional<AnalysisPod> destination) {
    if (rule.ports().isEmpty()) {
      return PortSet.all(); // S6
    }
    PortSet out = PortSet.none();
    for (PortSpec spec : rule.ports()) {
      out = out.union(specPorts(spec, destination));
    }
    return out;
  }

  private static PortSet specPorts(PortSpec spec, Optional<AnalysisPod> destination) {
    if (spec.port().isEmpty()) {
      return PortSet.of(PortRange.all(spec.protocol())); // S9: every port of the protocol
    }
    if (spec.port().get() instanceof PortRef.Number n) {
      return PortSet.of(
          new PortRange(spec.protocol(), n.number(), spec.endPort().orElse(n.number())));
    }
    String name = ((PortRef.Name) spec.port().get()).name();
    return PortSet.of(
        resolve(name, spec, destination).stream()
            .map(number -> new PortRange(spec.protocol(), number, number))
            .toList());
  }

  /**
   * S10: a named port resolves on the destination pod's container ports by name and protocol;
   * toward an external address it resolves to nothing.
   */
  private static List<Integer> resolve(
      String name, PortSpec spec, Optional<AnalysisPod> destination) {
    List<Integer> out = new ArrayList<>();
    destination.ifPresent(
        pod -> {
          for (ContainerPort cp : pod.ports()) {
            if (cp.name().equals(Optional.of(name)) && cp.protocol() == spec.protocol()) {
              out.add(cp.number());
            }
          }
        });
    return out;
  }
}
