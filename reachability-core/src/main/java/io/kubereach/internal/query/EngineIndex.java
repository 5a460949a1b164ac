package io.kubereach.internal.query;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import io.kubereach.AnalysisOptions;
import io.kubereach.Caveat;
import io.kubereach.Connection;
import io.kubereach.Explanation;
import io.kubereach.MemberPod;
import io.kubereach.ReachabilityIndex;
import io.kubereach.ServiceVerdict;
import io.kubereach.Verdict;
import io.kubereach.Warning;
import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.render.Render;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledTierPolicy;
import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.internal.topology.EndpointResolver;
import io.kubereach.internal.topology.Endpoints;
import io.kubereach.internal.topology.Granularity;
import io.kubereach.internal.topology.HostNetworkCaveats;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.Limitation;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.Tier;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@link ReachabilityIndex} (docs/architecture.md): the pipeline's products, and the answers to
 * every query from them. Checks map endpoints to pod classes and test bits; listings and warnings
 * are computed once, on first use. Immutable and thread-safe.
 */
public final class EngineIndex implements ReachabilityIndex {
  private final AnalysisOptions options;
  private final PodTable table;
  private final Endpoints endpoints;
  private final EndpointResolver resolver;
  private final HostNetworkCaveats caveats;
  private final CompiledPolicies policies;
  private final IpMemberships ips;
  private final Engine engine;
  private final PairAnswers answers;
  private final Explainer explainer;
  private final TierCaveats tierCaveats;
  private final boolean ipv6Listed;
  private final Supplier<List<Connection>> connections;
  private final Supplier<List<Connection>> podConnections;
  private final Supplier<List<Connection>> connectionsWithIpv6;
  private final Supplier<List<Connection>> podConnectionsWithIpv6;
  private final Supplier<List<Warning>> warnings;
  private final Supplier<List<Limitation>> limitations;

  /**
   * @param previous an index whose pods, workloads and namespaces may be this snapshot's: then its
   *     pod table, endpoints and caveats are shared (a what-if that changes policies only)
   */
  private EngineIndex(ClusterSnapshot snapshot, AnalysisOptions options, EngineIndex previous) {
    this.options = options;
    boolean shared = previous != null && PodTable.sameTopology(previous.table.snapshot(), snapshot);
    PodTable.Unchanged same;
    if (previous == null) {
      this.table = PodTable.of(snapshot);
      same = new PodTable.Unchanged(false, false, false);
    } else if (shared) {
      this.table = previous.table.forSnapshot(snapshot);
      same = new PodTable.Unchanged(true, true, true);
    } else {
      this.table = PodTable.of(snapshot, previous.table);
      same = table.unchangedFrom(previous.table);
    }
    // What reads only the pods' endpoints, hostNetwork settings or addresses is taken over from a
    // what-if's index when those are the same (a relabel keeps all three).
    this.endpoints = same.endpoints() ? previous.endpoints : Endpoints.of(table);
    this.resolver = same.endpoints() ? previous.resolver : new EndpointResolver(endpoints);
    this.caveats = same.hostNetwork() ? previous.caveats : new HostNetworkCaveats(table, endpoints);
    this.policies =
        previous == null
            ? CompiledPolicies.of(snapshot)
            : samePolicies(previous.table.snapshot(), snapshot)
                ? previous.policies
                : CompiledPolicies.of(snapshot, previous.policies);
    this.ips =
        same.addresses() && previous.policies.matchers().equals(policies.matchers())
            ? previous.ips
            : IpMemberships.of(table, policies.matchers(), options);
    this.engine =
        previous != null
            ? Engine.build(table, policies, ips, previous.engine)
            : Engine.build(table, policies, ips);
    this.answers = new PairAnswers(table, engine);
    this.explainer = new Explainer(table, policies, ips, engine);
    this.tierCaveats = new TierCaveats(table, policies, ips, explainer);
    this.ipv6Listed = mentionsIpv6(table, policies);
    ConnectionLister lister =
        new ConnectionLister(
            endpoints, engine, answers.classPairs(), new ExternalRuns(engine, ipv6Listed));
    this.connections = Suppliers.memoize(() -> lister.list(Granularity.WORKLOAD));
    this.podConnections = Suppliers.memoize(() -> lister.list(Granularity.POD));
    ConnectionLister withIpv6 =
        new ConnectionLister(
            endpoints, engine, answers.classPairs(), new ExternalRuns(engine, true));
    this.connectionsWithIpv6 =
        ipv6Listed ? connections : Suppliers.memoize(() -> withIpv6.list(Granularity.WORKLOAD));
    this.podConnectionsWithIpv6 =
        ipv6Listed ? podConnections : Suppliers.memoize(() -> withIpv6.list(Granularity.POD));
    this.warnings =
        Suppliers.memoize(
            () -> Warnings.of(table, endpoints, policies, ips, options, engine::classOf));
    this.limitations = Suppliers.memoize(this::findLimitations);
    this.attackGraph = Suppliers.memoize(() -> new AttackGraph(this, endpoints, engine));
    this.snapshotComplete = snapshot.limitations().isEmpty();
    this.connectionGraph = Suppliers.memoize(() -> AttackGraph.connectionGraph(this));
  }

  /** The index of a snapshot: runs every step of the pipeline. */
  public static EngineIndex of(ClusterSnapshot snapshot, AnalysisOptions options) {
    return new EngineIndex(
        requireNonNull(snapshot, "snapshot"), requireNonNull(options, "options"), null);
  }

  @Override
  public ReachabilityIndex with(ClusterSnapshot changed) {
    return new EngineIndex(requireNonNull(changed, "changed"), options, this);
  }

  /**
   * Whether two snapshots hold the same policies: their lists are the very same (a what-if that
   * changes pods or labels hands them on), and so are the nodes that tiered policies read.
   */
  private static boolean samePolicies(ClusterSnapshot a, ClusterSnapshot b) {
    return a.policies() == b.policies()
        && a.clusterPolicies() == b.clusterPolicies()
        && a.nodes() == b.nodes();
  }

  /** S12: IPv6 space is listed only when some input mentions an IPv6 address. */
  private static boolean mentionsIpv6(PodTable table, CompiledPolicies policies) {
    return policies.matchers().stream().anyMatch(m -> m.cidr().v6())
        || table.anyIpv6()
        || table.snapshot().services().stream()
            .flatMap(s -> s.sourceRanges().stream())
            .anyMatch(r -> r.contains(":"));
  }

  @Override
  public ClusterSnapshot snapshot() {
    return table.snapshot();
  }

  @Override
  public AnalysisOptions options() {
    return options;
  }

  @Override
  public List<WorkloadEndpoint> endpoints() {
    return endpoints.list(Granularity.WORKLOAD);
  }

  @Override
  public List<WorkloadEndpoint> podEndpoints() {
    return endpoints.list(Granularity.POD);
  }

  @Override
  public Endpoint resolve(String text) {
    return resolver.resolve(requireNonNull(text, "text"));
  }

  @Override
  public Verdict check(Endpoint source, Endpoint destination, Port port) {
    requireNonNull(port, "port");
    EndpointMembers s = endpoints.members(requireNonNull(source, "source"));
    EndpointMembers d = endpoints.members(requireNonNull(destination, "destination"));
    boolean allowed = answers.allows(s, d, port);
    List<Caveat> c = caveatsOf(s, d, port);
    return new IndexVerdict(
        source,
        destination,
        port,
        allowed,
        c,
        answers.ambiguous(s, d, port),
        snapshotComplete && !(d instanceof EndpointMembers.Addresses && externalPeersUnknown()),
        explainer,
        s,
        d);
  }

  /**
   * T6: whether egress toward external addresses meets peers whose addresses the manifests do not
   * hold (domain names, nodes without Node objects), so no such answer is complete.
   */
  private boolean externalPeersUnknown() {
    return limitations().stream()
        .anyMatch(
            l ->
                l.kind() == Limitation.Kind.DOMAIN_NAMES
                    || l.kind() == Limitation.Kind.NODES_UNKNOWN);
  }

  @Override
  public io.kubereach.ResolvedEndpoint resolved(String text) {
    return resolved(resolve(text));
  }

  @Override
  public io.kubereach.ResolvedEndpoint resolved(Endpoint endpoint) {
    EndpointMembers m = endpoints.members(requireNonNull(endpoint, "endpoint"));
    int pod = -1;
    int cls = -1;
    if (m instanceof EndpointMembers.Pods p && !p.several()) {
      pod = p.pods()[0];
      cls = engine.classOf(pod);
    }
    return new Handle(this, endpoint, m, cls, pod, caveats.of(m));
  }

  @Override
  public Verdict check(
      io.kubereach.ResolvedEndpoint source, io.kubereach.ResolvedEndpoint destination, Port port) {
    Handle s = own(source);
    Handle d = own(destination);
    requireNonNull(port, "port");
    boolean allowed;
    if (s.singleClass() >= 0 && d.singleClass() >= 0) {
      // S11: the very same pod reaches itself; else the bit of the two classes.
      allowed =
          (s.singlePod() == d.singlePod() && table.pod(s.singlePod()).single())
              || engine.allows(s.singleClass(), d.singleClass(), port);
    } else {
      allowed = answers.allows(s.members(), d.members(), port);
    }
    List<Caveat> c = combined(s, d, port);
    boolean ambiguous = !engine.unambiguous() && answers.ambiguous(s.members(), d.members(), port);
    // A single pod is not an address range: its members are not read (a cache miss per check).
    boolean external = d.singleClass() < 0 && d.members() instanceof EndpointMembers.Addresses;
    return new IndexVerdict(
        s.endpoint(),
        d.endpoint(),
        port,
        allowed,
        c,
        ambiguous,
        snapshotComplete && !(external && externalPeersUnknown()),
        explainer,
        s.members(),
        d.members());
  }

  private Handle own(io.kubereach.ResolvedEndpoint e) {
    if (e instanceof Handle h && h.owner() == this) {
      return h;
    }
    throw new IllegalArgumentException(
        requireNonNull(e, "endpoint").endpoint()
            + " was resolved by another index; resolve it with this one");
  }

  /** S13, T8 from resolved ends: the hostNetwork caveats were found when they were resolved. */
  private List<Caveat> combined(Handle s, Handle d, Port port) {
    List<Caveat> hostNetwork = HostNetworkCaveats.merge(s.caveats(), d.caveats());
    List<Caveat> addresses = tierCaveats.of(s.members(), d.members(), port);
    return addresses.isEmpty() ? hostNetwork : concat(hostNetwork, addresses);
  }

  private static List<Caveat> concat(List<Caveat> a, List<Caveat> b) {
    List<Caveat> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** S13, T8: the caveats of one question. */
  private List<Caveat> caveatsOf(EndpointMembers s, EndpointMembers d, Port port) {
    List<Caveat> hostNetwork = caveats.of(s, d);
    List<Caveat> addresses = tierCaveats.of(s, d, port);
    return addresses.isEmpty() ? hostNetwork : concat(hostNetwork, addresses);
  }

  @Override
  public Explanation explain(Endpoint source, Endpoint destination, Port port) {
    requireNonNull(port, "port");
    EndpointMembers s = endpoints.members(requireNonNull(source, "source"));
    EndpointMembers d = endpoints.members(requireNonNull(destination, "destination"));
    return explainer.explain(s, d, port, caveatsOf(s, d, port));
  }

  @Override
  public PortSet allowed(Endpoint source, Endpoint destination) {
    return answers.ports(
        endpoints.members(requireNonNull(source, "source")),
        endpoints.members(requireNonNull(destination, "destination")));
  }

  /**
   * The listings of two indexes on the same address space (S12): when only one of them lists IPv6
   * (one input mentions an IPv6 address, the other does not), both do, so that a diff does not
   * report the IPv6 space as removed or added when nothing there changed.
   *
   * @return the before and after listings
   */
  public static List<List<Connection>> comparable(
      ReachabilityIndex before, ReachabilityIndex after, boolean pods) {
    if (before instanceof EngineIndex a
        && after instanceof EngineIndex b
        && a.ipv6Listed != b.ipv6Listed) {
      return pods
          ? List.of(a.podConnectionsWithIpv6.get(), b.podConnectionsWithIpv6.get())
          : List.of(a.connectionsWithIpv6.get(), b.connectionsWithIpv6.get());
    }
    return pods
        ? List.of(before.podConnections(), after.podConnections())
        : List.of(before.connections(), after.connections());
  }

  private final Supplier<AttackGraph> attackGraph;
  private final boolean snapshotComplete;
  private final Supplier<org.jgrapht.Graph<Endpoint, Connection>> connectionGraph;

  @Override
  public io.kubereach.BlastRadius blastRadius(Endpoint source, int maxHops) {
    endpoints.members(requireNonNull(source, "source"));
    return attackGraph.get().blastRadius(java.util.Optional.of(source), maxHops);
  }

  @Override
  public io.kubereach.BlastRadius blastRadiusFromInternet(int maxHops) {
    return attackGraph.get().blastRadius(java.util.Optional.empty(), maxHops);
  }

  @Override
  public io.kubereach.BlastRadius.TargetPath pathTo(
      java.util.Optional<Endpoint> source, Endpoint target) {
    source.ifPresent(endpoints::members);
    endpoints.members(requireNonNull(target, "target"));
    return attackGraph.get().toTarget(source, target);
  }

  @Override
  public org.jgrapht.Graph<Endpoint, Connection> connectionGraph() {
    return connectionGraph.get();
  }

  /** The checks of {@code verify} (docs/verify.md). */
  public io.kubereach.VerifyReport verify(io.kubereach.VerifyOptions options) {
    return new Verifier(this, table, endpoints, policies, engine).run(options);
  }

  @Override
  public PortSet ambiguous(Endpoint source, Endpoint destination) {
    return answers.ambiguousPorts(
        endpoints.members(requireNonNull(source, "source")),
        endpoints.members(requireNonNull(destination, "destination")));
  }

  @Override
  public List<Connection> connections() {
    return connections.get();
  }

  @Override
  public List<Connection> podConnections() {
    return podConnections.get();
  }

  @Override
  public List<Connection> reachableFrom(Endpoint source) {
    return touching(requireNonNull(source, "source"), PolicyType.Egress);
  }

  @Override
  public List<Connection> reachableTo(Endpoint destination) {
    return touching(requireNonNull(destination, "destination"), PolicyType.Ingress);
  }

  private List<Connection> touching(Endpoint e, PolicyType direction) {
    EndpointMembers m = endpoints.members(e);
    boolean podLevel =
        m instanceof EndpointMembers.Pods p
            && endpoints.granularityOf(p.endpoint()) == Granularity.POD;
    return ConnectionLister.touching(podLevel ? podConnections() : connections(), m, direction);
  }

  @Override
  public List<Caveat> caveats(Endpoint endpoint) {
    return caveats.of(endpoints.members(requireNonNull(endpoint, "endpoint")));
  }

  @Override
  public List<Warning> warnings() {
    return warnings.get();
  }

  @Override
  public List<Limitation> limitations() {
    return limitations.get();
  }

  /** T6, T8, T9: what the analysis cannot account for, on top of what the snapshot leaves out. */
  private List<Limitation> findLimitations() {
    List<Limitation> out = new ArrayList<>(snapshot().limitations());
    if (!engine.unambiguous()) {
      for (Tier tier : Tier.values()) {
        Map<Integer, List<CompiledTierPolicy>> byPriority = new TreeMap<>();
        policies
            .tier(tier)
            .forEach(p -> byPriority.computeIfAbsent(p.priority(), k -> new ArrayList<>()).add(p));
        byPriority.forEach(
            (priority, tied) -> {
              if (tied.size() > 1) {
                out.add(
                    new Limitation(
                        Limitation.Kind.AMBIGUOUS_PRIORITY,
                        tied.stream().map(p -> p.ref().toString()).toList()
                            + " share the "
                            + tier
                            + " tier and priority "
                            + priority
                            + ", which upstream lets an implementation apply in any order; some"
                            + " verdicts depend on it and are marked ambiguous (T9)"));
              }
            });
      }
    }
    for (Warning w : Warnings.nodesUnknown(snapshot())) {
      out.add(new Limitation(Limitation.Kind.NODES_UNKNOWN, w.message()));
    }
    List<String> withDomains =
        policies
            .tierRules()
            .filter(r -> !r.peers().domains().isEmpty())
            .map(r -> r.policy() + " rule " + r.index())
            .distinct()
            .toList();
    if (!withDomains.isEmpty()) {
      out.add(
          new Limitation(
              Limitation.Kind.DOMAIN_NAMES,
              "domainNames peers ("
                  + String.join(", ", withDomains)
                  + ") accept addresses that DNS answers, which the manifests do not hold: answers"
                  + " toward external addresses take no address to be one of those names (T6)"));
    }
    if (tierCaveats.mayMeetUnknownAddresses()) {
      out.add(
          new Limitation(
              Limitation.Kind.UNKNOWN_ADDRESS,
              "pods without a known IP meet tiered networks peers narrower than 0.0.0.0/0: whether"
                  + " those hold them is outside the manifests; the verdicts concerned carry a"
                  + " caveat (T8)"));
    }
    return List.copyOf(out);
  }

  @Override
  public List<ExternalEndpoint> externalRanges() {
    return engine.ipAtoms().atoms().stream()
        .filter(b -> !b.v6() || ipv6Listed)
        .map(IpSpace.Block::endpoint)
        .toList();
  }

  @Override
  public List<MemberPod> members(Endpoint endpoint) {
    return pods(requireNonNull(endpoint, "endpoint")).stream()
        .map(p -> new MemberPod(p.podEndpoint(), p.labels(), p.ports(), p.template()))
        .toList();
  }

  @Override
  public List<NetworkPolicy> isolatedBy(Endpoint endpoint, PolicyType direction) {
    requireNonNull(direction, "direction");
    Set<NetworkPolicy> found = new LinkedHashSet<>();
    for (AnalysisPod pod : pods(requireNonNull(endpoint, "endpoint"))) {
      policies.isolating(direction, pod, table).stream()
          .map(CompiledPolicy::source)
          .forEach(found::add);
    }
    // Snapshot order, whichever pod a policy was found on.
    return table.snapshot().policies().stream().filter(found::contains).toList();
  }

  private List<AnalysisPod> pods(Endpoint endpoint) {
    if (!(endpoints.members(endpoint) instanceof EndpointMembers.Pods m)) {
      return List.of(); // external: no pod, no policy applies
    }
    List<AnalysisPod> out = new ArrayList<>();
    for (int p : m.pods()) {
      out.add(table.pod(p));
    }
    return out;
  }

  @Override
  public ServiceVerdict checkService(
      Endpoint source, String namespace, String service, Port servicePort) {
    endpoints.members(requireNonNull(source, "source")); // unknown: the usual message
    return ServiceQuery.check(
        this,
        table,
        source,
        requireNonNull(namespace, "namespace"),
        requireNonNull(service, "service"),
        requireNonNull(servicePort, "servicePort"));
  }

  @Override
  public String toString() {
    return "ReachabilityIndex["
        + Render.count(endpoints().size(), "endpoint", "endpoints")
        + ", "
        + Render.count(table.size(), "pod", "pods")
        + ", "
        + Render.count(snapshot().namespaces().size(), "namespace", "namespaces")
        + ", "
        + Render.count(snapshot().policies().size(), "policy", "policies")
        + ", "
        + Render.count(engine.classCount(), "class", "classes")
        + ", "
        + Render.count(engine.portAtomCount(), "port atom", "port atoms")
        + ", "
        + Render.count(engine.matrixCount(), "distinct port matrix", "distinct port matrices")
        + "]";
  }
}
