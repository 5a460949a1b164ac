package io.kubereach.internal.query;

import io.kubereach.Caveat;
import io.kubereach.Explanation;
import io.kubereach.Explanation.NamedPort;
import io.kubereach.Explanation.Outcome;
import io.kubereach.Explanation.RuleRef;
import io.kubereach.Explanation.Side;
import io.kubereach.Explanation.TierStep;
import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.internal.semantics.CompiledTierPolicy;
import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.NamedPorts;
import io.kubereach.internal.semantics.PeerSet;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.semantics.TierRule;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Says why a connection is allowed or denied, from the same rule units the engine compiles (S1–S12,
 * T1–T10 in docs/semantics.md): for one pair of members of the endpoints, per side, the tier rule
 * that decided or passed, the NetworkPolicies that isolate it, the rules whose peers and ports
 * admit the other end, how named ports resolved, and what same-priority policies would do instead.
 * The engine only picks which pair of members to explain (the first allowed pair, else the first)
 * and says whether its verdict is ambiguous.
 */
final class Explainer {
  /**
   * One end of the explained pair: an analysis pod or an external address; a pod with an address
   * stands for that one of its addresses (T8: its other family).
   */
  record Member(
      Optional<AnalysisPod> pod, Optional<IpSpace.Address> address, Optional<Endpoint> standsFor) {
    static Member of(AnalysisPod pod) {
      return new Member(Optional.of(pod), Optional.empty(), Optional.empty());
    }

    static Member of(IpSpace.Address address) {
      return new Member(Optional.empty(), Optional.of(address), Optional.empty());
    }

    /**
     * A pod named by its endpoint: every pod of the endpoint is of one class, so what is said of
     * this one is said of each, and naming one of them (a live replica's generated name) would
     * suggest a difference there is not.
     */
    static Member standingFor(AnalysisPod pod, Endpoint endpoint) {
      return new Member(Optional.of(pod), Optional.empty(), Optional.of(endpoint));
    }

    /** The pod, answering for {@code address} (T8). */
    static Member as(AnalysisPod pod, IpSpace.Address address) {
      return new Member(Optional.of(pod), Optional.of(address), Optional.empty());
    }

    Endpoint endpoint() {
      if (standsFor.isPresent()) {
        return standsFor.get();
      }
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
    java.util.function.BiPredicate<Member, Member> ambiguous =
        (a, b) -> !engine.unambiguous() && ambiguousByEngine(a, b, port);
    Member s = pair.source();
    Member d = pair.destination();
    Endpoint sm = s.endpoint();
    Endpoint dm = d.endpoint();
    Endpoint src = source.endpoint();
    Endpoint dst = destination.endpoint();
    if (isSelf(s, d)) {
      // S11: a pod always reaches itself, also under tiered policies (hairpin traffic).
      return new Explanation(
          src,
          dst,
          port,
          true,
          sm,
          dm,
          self(PolicyType.Egress, sm),
          self(PolicyType.Ingress, dm),
          caveats,
          false);
    }
    Side egress =
        s.pod()
            .map(p -> side(PolicyType.Egress, s, d, d, port))
            .orElseGet(() -> outside(PolicyType.Egress, sm, dm));
    Side ingress =
        d.pod()
            .map(q -> side(PolicyType.Ingress, d, s, d, port))
            .orElseGet(() -> outside(PolicyType.Ingress, dm, sm));
    // S5: both ends must allow the same (protocol, port).
    boolean allowed = egress.allows() && ingress.allows();
    return new Explanation(
        src, dst, port, allowed, sm, dm, egress, ingress, caveats, ambiguous.test(s, d));
  }

  /** Whether one side allows: the same walk, for a pod taken to have another address (T8). */
  boolean allows(
      PolicyType direction, AnalysisPod subject, Member other, Member destination, Port port) {
    return side(direction, Member.of(subject), other, destination, port).allows();
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

  private boolean ambiguousByEngine(Member s, Member d, Port port) {
    if (s.pod().isPresent() && d.pod().isPresent()) {
      return engine.ambiguous(
          engine.classOf(s.pod().get().index()), engine.classOf(d.pod().get().index()), port);
    }
    if (s.pod().isPresent()) {
      return engine.ambiguousTo(
          engine.classOf(s.pod().get().index()),
          engine.ipAtoms().atomOf(d.address().orElseThrow()),
          port);
    }
    return engine.ambiguousFrom(
        engine.ipAtoms().atomOf(s.address().orElseThrow()),
        engine.classOf(d.pod().orElseThrow().index()),
        port);
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
      int[] pods = p.pods();
      boolean alike = Arrays.stream(pods).map(engine::classOf).distinct().count() == 1;
      return Arrays.stream(pods)
          .mapToObj(
              i -> alike ? Member.standingFor(table.pod(i), e.endpoint()) : Member.of(table.pod(i)))
          .toList();
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

  /** The first matching rule of a tier for one side, and what tied policies would do instead. */
  private record TierMatch(TierStep step, List<TierStep> alternatives) {}

  /**
   * One side, for one port, down the tier chain (T1): the Admin tier's first matching rule (T2,
   * T3); else, when NetworkPolicies isolate the pod, S1, S2, S4: the rules whose peers (S6, S7,
   * S12) admit the other end and whose ports (S9, S10) hold the port (T4); else the Baseline tier's
   * first matching rule; else allowed.
   */
  private Side side(
      PolicyType direction, Member member, Member other, Member destination, Port port) {
    AnalysisPod subject = member.pod().orElseThrow();
    Endpoint name = member.endpoint();
    Endpoint peer = other.endpoint();
    Optional<List<ContainerPort>> destinationPorts = destination.pod().map(AnalysisPod::ports);
    List<TierStep> steps = new ArrayList<>();
    List<TierStep> alternatives = new ArrayList<>();
    Optional<TierMatch> admin =
        firstMatch(Tier.Admin, direction, subject, other, destinationPorts, port);
    if (admin.isPresent()) {
      steps.add(admin.get().step());
      alternatives.addAll(admin.get().alternatives());
      TierAction action = admin.get().step().action();
      if (action != TierAction.Pass) {
        return tierSide(direction, name, peer, action, steps, alternatives);
      }
    }
    List<CompiledPolicy> isolating = policies.isolating(direction, subject, table);
    if (!isolating.isEmpty()) {
      return networkPolicySide(
          direction, name, other, destination, port, isolating, steps, alternatives);
    }
    Optional<TierMatch> baseline =
        firstMatch(Tier.Baseline, direction, subject, other, destinationPorts, port);
    if (baseline.isPresent()) {
      steps.add(baseline.get().step());
      alternatives.addAll(baseline.get().alternatives());
      TierAction action = baseline.get().step().action();
      if (action != TierAction.Pass) {
        return tierSide(direction, name, peer, action, steps, alternatives);
      }
    }
    return new Side(
        direction,
        name,
        peer,
        Outcome.NOT_ISOLATED,
        List.of(),
        List.of(),
        List.of(),
        steps,
        alternatives);
  }

  private static Side tierSide(
      PolicyType direction,
      Endpoint subject,
      Endpoint peer,
      TierAction action,
      List<TierStep> steps,
      List<TierStep> alternatives) {
    return new Side(
        direction,
        subject,
        peer,
        action == TierAction.Accept ? Outcome.ACCEPTED : Outcome.REFUSED,
        List.of(),
        List.of(),
        List.of(),
        steps,
        alternatives);
  }

  /**
   * T2, T9: in a tier, the first rule (policies by priority, then name; rules in order) that admits
   * the other end on the port; and the first matching rules of the other policies of that priority
   * that would do something else in another order.
   */
  private Optional<TierMatch> firstMatch(
      Tier tier,
      PolicyType direction,
      AnalysisPod subject,
      Member other,
      Optional<List<ContainerPort>> destinationPorts,
      Port port) {
    List<CompiledTierPolicy> selecting = policies.selecting(tier, direction, subject, table);
    for (CompiledTierPolicy policy : selecting) {
      Optional<TierRule> rule = firstMatch(policy, direction, other, destinationPorts, port);
      if (rule.isEmpty()) {
        continue;
      }
      List<TierStep> alternatives = new ArrayList<>();
      for (CompiledTierPolicy tied : selecting) {
        if (tied != policy && tied.priority() == policy.priority()) {
          firstMatch(tied, direction, other, destinationPorts, port)
              .filter(r -> r.action() != rule.get().action())
              .ifPresent(r -> alternatives.add(step(tier, tied, r)));
        }
      }
      return Optional.of(new TierMatch(step(tier, policy, rule.get()), alternatives));
    }
    return Optional.empty();
  }

  private Optional<TierRule> firstMatch(
      CompiledTierPolicy policy,
      PolicyType direction,
      Member other,
      Optional<List<ContainerPort>> destinationPorts,
      Port port) {
    for (TierRule rule : policy.rules(direction)) {
      if (admits(rule.peers(), other) && rule.ports().toward(destinationPorts).contains(port)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private static TierStep step(Tier tier, CompiledTierPolicy policy, TierRule rule) {
    return new TierStep(
        tier,
        new RuleRef(policy.ref(), rule.index()),
        policy.priority(),
        rule.name(),
        rule.action(),
        rule.failedClosed());
  }

  /** T4, S1, S2, S4: the NetworkPolicy tier decides for a pod it isolates. */
  private Side networkPolicySide(
      PolicyType direction,
      Endpoint subject,
      Member other,
      Member destination,
      Port port,
      List<CompiledPolicy> isolating,
      List<TierStep> steps,
      List<TierStep> alternatives) {
    Endpoint peer = other.endpoint();
    Optional<List<ContainerPort>> destinationPorts = destination.pod().map(AnalysisPod::ports);
    List<RuleRef> allowedBy = new ArrayList<>();
    List<NamedPort> named = new ArrayList<>();
    for (CompiledPolicy policy : isolating) {
      for (CompiledRule rule : policy.rules(direction)) {
        if (!admits(rule.peers(), other)) {
          continue;
        }
        RuleRef ref = new RuleRef(policy.ref(), rule.index());
        for (NamedRef n : rule.ports().named()) {
          named.add(
              new NamedPort(
                  ref,
                  n.name(),
                  n.protocol(),
                  destination.endpoint(),
                  destinationPorts.map(ports -> NamedPorts.resolve(n, ports)).orElse(List.of())));
        }
        if (rule.ports().toward(destinationPorts).contains(port)) {
          allowedBy.add(ref);
        }
      }
    }
    return new Side(
        direction,
        subject,
        peer,
        allowedBy.isEmpty() ? Outcome.DENIED : Outcome.ALLOWED,
        isolating.stream().map(CompiledPolicy::ref).toList(),
        allowedBy,
        named,
        steps,
        alternatives);
  }

  private boolean admits(PeerSet peers, Member other) {
    if (other.pod().isEmpty()) {
      return peers.admits(other.address().orElseThrow());
    }
    return other.address().isPresent()
        ? peers.admitsAs(other.pod().get(), other.address().get(), table, ips)
        : peers.admits(other.pod().get(), table, ips);
  }
}
