package io.kubereach.internal.query;

import io.kubereach.Caveat;
import io.kubereach.Explanation;
import io.kubereach.Explanation.NamedPort;
import io.kubereach.Explanation.Outcome;
import io.kubereach.Explanation.RuleRef;
import io.kubereach.Explanation.Side;
import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.NamedPorts;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Says why a connection is allowed or denied, from the same rule units the engine compiles (S1–S12
 * in docs/semantics.md): for one pair of members of the endpoints, per side, the policies that
 * isolate it, the rules whose peers and ports admit the other end, and how named ports resolved.
 * The engine only picks which pair of members to explain: the first allowed pair, else the first.
 */
final class Explainer {
  /** One end of the explained pair: an analysis pod or an external address. */
  private record Member(Optional<AnalysisPod> pod, Optional<IpSpace.Address> address) {
    static Member of(AnalysisPod pod) {
      return new Member(Optional.of(pod), Optional.empty());
    }

    static Member of(IpSpace.Address address) {
      return new Member(Optional.empty(), Optional.of(address));
    }

    Endpoint endpoint() {
      return pod.<Endpoint>map(AnalysisPod::podEndpoint)
          .orElseGet(() -> Endpoint.ip(address.orElseThrow().toString()));
    }
  }

  /** The two members an explanation is about. */
  private record MemberPair(Member source, Member destination) {}

  private final PodTable table;
  private final CompiledPolicies policies;
  private final IpMemberships ips;
  private final Engine engine;

  Explainer(PodTable table, CompiledPolicies policies, IpMemberships ips, Engine engine) {
    this.table = table;
    this.policies = policies;
    this.ips = ips;
    this.engine = engine;
  }

  /** The explanation of one question; {@code caveats} are the endpoints' (S13). */
  Explanation explain(
      EndpointMembers source, EndpointMembers destination, Port port, List<Caveat> caveats) {
    MemberPair pair = pick(source, destination, port);
    Member s = pair.source();
    Member d = pair.destination();
    Endpoint sm = s.endpoint();
    Endpoint dm = d.endpoint();
    Endpoint src = source.endpoint();
    Endpoint dst = destination.endpoint();
    if (isSelf(s, d)) {
      // S11: a pod always reaches itself.
      return new Explanation(
          src,
          dst,
          port,
          true,
          sm,
          dm,
          self(PolicyType.Egress, sm),
          self(PolicyType.Ingress, dm),
          caveats);
    }
    Side egress =
        s.pod()
            .map(p -> side(PolicyType.Egress, p, d, d, port))
            .orElseGet(() -> outside(PolicyType.Egress, sm, dm));
    Side ingress =
        d.pod()
            .map(q -> side(PolicyType.Ingress, q, s, d, port))
            .orElseGet(() -> outside(PolicyType.Ingress, dm, sm));
    // S5: both ends must allow the same (protocol, port).
    boolean allowed = egress.allows() && ingress.allows();
    return new Explanation(src, dst, port, allowed, sm, dm, egress, ingress, caveats);
  }

  /** S11: the very same pod, which is not a workload standing for distinct replicas. */
  private static boolean isSelf(Member s, Member d) {
    return s.pod().isPresent()
        && d.pod().isPresent()
        && s.pod().get().index() == d.pod().get().index()
        && s.pod().get().single();
  }

  /**
   * The pair of members to explain: in member order, the first that the engine allows, else the
   * first. The same endpoint of several pods on both ends means two distinct replicas (S11).
   */
  private MemberPair pick(EndpointMembers source, EndpointMembers destination, Port port) {
    List<Member> sources = members(source, destination, port);
    List<Member> destinations = members(destination, source, port);
    boolean replicas =
        source.endpoint().equals(destination.endpoint())
            && source instanceof EndpointMembers.Pods p
            && p.several();
    MemberPair first = null;
    for (Member s : sources) {
      for (Member d : destinations) {
        if (replicas && isSelf(s, d)) {
          continue;
        }
        if (first == null) {
          first = new MemberPair(s, d);
        }
        if (isSelf(s, d) || allowedByEngine(s, d, port)) {
          return new MemberPair(s, d);
        }
      }
    }
    if (first == null) {
      throw new IllegalStateException("no pair of members for " + source + " => " + destination);
    }
    return first;
  }

  private boolean allowedByEngine(Member s, Member d, Port port) {
    if (s.pod().isPresent() && d.pod().isPresent()) {
      return engine.allows(
          engine.classOf(s.pod().get().index()), engine.classOf(d.pod().get().index()), port);
    }
    if (s.pod().isPresent()) {
      return engine.allowsTo(
          engine.classOf(s.pod().get().index()),
          engine.ipAtoms().atomOf(d.address().orElseThrow()),
          port);
    }
    return engine.allowsFrom(
        engine.ipAtoms().atomOf(s.address().orElseThrow()),
        engine.classOf(d.pod().orElseThrow().index()),
        port);
  }

  /**
   * The members of an endpoint: its pods, or for a range one address per address atom it overlaps
   * (the first of each, starting at the range's first address), since all addresses of an atom get
   * the same answer (S12).
   */
  private List<Member> members(EndpointMembers e, EndpointMembers other, Port port) {
    if (e instanceof EndpointMembers.Pods p) {
      return Arrays.stream(p.pods()).mapToObj(i -> Member.of(table.pod(i))).toList();
    }
    if (other instanceof EndpointMembers.Addresses) {
      throw PairAnswers.bothExternal(e, other);
    }
    IpSpace.Block range = ((EndpointMembers.Addresses) e).range();
    List<Member> out = new ArrayList<>();
    for (int atom : engine.ipAtoms().overlapping(range).toArray()) {
      IpSpace.Block block = engine.ipAtoms().atom(atom);
      out.add(
          Member.of(
              block.first().compareTo(range.first()) < 0
                  ? range.firstAddress()
                  : block.firstAddress()));
    }
    return out;
  }

  private static Side self(PolicyType direction, Endpoint pod) {
    return new Side(direction, pod, pod, Outcome.SELF, List.of(), List.of(), List.of());
  }

  private static Side outside(PolicyType direction, Endpoint subject, Endpoint peer) {
    // No policy applies outside the cluster.
    return new Side(direction, subject, peer, Outcome.EXTERNAL, List.of(), List.of(), List.of());
  }

  /**
   * One side, for one port: S1 not isolated; S2 isolated by the selecting policies; S4 the rules
   * whose peers (S6, S7, S12) admit the other end and whose ports (S9, S10) hold the port.
   */
  private Side side(
      PolicyType direction, AnalysisPod subject, Member other, Member destination, Port port) {
    Endpoint peer = other.endpoint();
    List<CompiledPolicy> isolating = policies.isolating(direction, subject, table);
    if (isolating.isEmpty()) {
      return new Side(
          direction,
          subject.podEndpoint(),
          peer,
          Outcome.NOT_ISOLATED,
          List.of(),
          List.of(),
          List.of());
    }
    Optional<List<ContainerPort>> destinationPorts = destination.pod().map(AnalysisPod::ports);
    List<RuleRef> allowedBy = new ArrayList<>();
    List<NamedPort> named = new ArrayList<>();
    for (CompiledPolicy policy : isolating) {
      for (CompiledRule rule : policy.rules(direction)) {
        if (!admits(rule, other)) {
          continue;
        }
        RuleRef ref = new RuleRef(policy.ref(), rule.index());
        for (NamedRef n : rule.ports().named()) {
          int[] numbers =
              destinationPorts
                  .map(ports -> NamedPorts.resolve(n.name(), n.protocol(), ports))
                  .orElse(new int[0]);
          named.add(
              new NamedPort(
                  ref,
                  n.name(),
                  n.protocol(),
                  destination.endpoint(),
                  Arrays.stream(numbers).boxed().toList()));
        }
        if (rule.ports().toward(destinationPorts).contains(port)) {
          allowedBy.add(ref);
        }
      }
    }
    return new Side(
        direction,
        subject.podEndpoint(),
        peer,
        allowedBy.isEmpty() ? Outcome.DENIED : Outcome.ALLOWED,
        isolating.stream().map(CompiledPolicy::ref).toList(),
        allowedBy,
        named);
  }

  private boolean admits(CompiledRule rule, Member other) {
    return other.pod().isPresent()
        ? rule.peers().admits(other.pod().get(), table, ips)
        : rule.peers().admits(other.address().orElseThrow());
  }
}
