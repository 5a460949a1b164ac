package io.kubereach;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every {@link ReachabilityIndex} shares: endpoints, explanations by the reference evaluator,
 * listings over a {@link PairPorts} and warnings, the last two computed once on first use.
 */
abstract class BaseIndex implements ReachabilityIndex {
  final Topology topology;
  final ReferenceEvaluator reference;
  private final Supplier<ConnectionLister> lister;
  private final Supplier<List<Connection>> connections;
  private final Supplier<List<Connection>> podConnections;
  private final Supplier<List<String>> warnings;

  BaseIndex(Topology topology) {
    this.topology = topology;
    this.reference = ReferenceEvaluator.of(topology);
    this.lister = Suppliers.memoize(() -> new ConnectionLister(topology, pairPorts()));
    this.connections = Suppliers.memoize(() -> lister.get().list(false));
    this.podConnections = Suppliers.memoize(() -> lister.get().list(true));
    this.warnings = Suppliers.memoize(() -> Warnings.of(topology));
  }

  /** The listing helper over {@link #pairPorts()}. */
  ConnectionLister lister() {
    return lister.get();
  }

  /** The evaluator behind the listings. */
  abstract PairPorts pairPorts();

  /** Whether the rules allow the connection (the boolean of {@link #check}). */
  abstract boolean allows(Topology.Members source, Topology.Members destination, Port port);

  @Override
  public ClusterSnapshot snapshot() {
    return topology.snapshot;
  }

  @Override
  public AnalysisOptions options() {
    return topology.options;
  }

  @Override
  public List<WorkloadEndpoint> endpoints() {
    return topology.groups;
  }

  @Override
  public List<WorkloadEndpoint> podEndpoints() {
    return topology.podEndpoints;
  }

  @Override
  public Endpoint resolve(String text) {
    return topology.resolve(requireNonNull(text, "text"));
  }

  @Override
  public Verdict check(Endpoint source, Endpoint destination, Port port) {
    requireNonNull(port, "port");
    Topology.Members s = topology.members(requireNonNull(source, "source"));
    Topology.Members d = topology.members(requireNonNull(destination, "destination"));
    boolean allowed = allows(s, d, port);
    return new Verdict(
        source,
        destination,
        port,
        allowed,
        topology.caveats(s, d),
        () -> reference.explain(source, destination, port));
  }

  @Override
  public Explanation explain(Endpoint source, Endpoint destination, Port port) {
    return reference.explain(source, destination, port);
  }

  @Override
  public PortSet allowed(Endpoint source, Endpoint destination) {
    Topology.Members s = topology.members(requireNonNull(source, "source"));
    Topology.Members d = topology.members(requireNonNull(destination, "destination"));
    return lister.get().ports(s, d);
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
    return touching(requireNonNull(source, "source"), true);
  }

  @Override
  public List<Connection> reachableTo(Endpoint destination) {
    return touching(requireNonNull(destination, "destination"), false);
  }

  private List<Connection> touching(Endpoint e, boolean asSource) {
    Topology.Members m = topology.members(e);
    boolean podLevel = m instanceof Topology.PodMembers && !topology.isGroup(e);
    return ConnectionLister.touching(podLevel ? podConnections() : connections(), m, asSource);
  }

  @Override
  public List<String> caveats(Endpoint endpoint) {
    return topology.caveats(topology.members(requireNonNull(endpoint, "endpoint")));
  }

  @Override
  public List<String> warnings() {
    return warnings.get();
  }

  @Override
  public List<ExternalEndpoint> externalRanges() {
    return topology.ipAtoms.atoms().stream()
        .filter(b -> !b.v6() || topology.ipv6Listed)
        .map(IpSpace.Block::endpoint)
        .toList();
  }

  @Override
  public List<MemberPod> members(Endpoint endpoint) {
    return pods(requireNonNull(endpoint, "endpoint")).stream().map(MemberPod::of).toList();
  }

  @Override
  public List<NetworkPolicy> isolatedBy(Endpoint endpoint, PolicyType direction) {
    requireNonNull(direction, "direction");
    List<AnalysisPod> pods = pods(requireNonNull(endpoint, "endpoint"));
    if (pods.size() == 1) {
      return List.copyOf(topology.isolating(direction, pods.get(0)));
    }
    Set<NetworkPolicy> found = new HashSet<>();
    pods.forEach(p -> found.addAll(topology.isolating(direction, p)));
    // Snapshot order, whichever pod a policy was found on.
    return topology.snapshot.policies().stream().filter(found::contains).toList();
  }

  private List<AnalysisPod> pods(Endpoint endpoint) {
    if (!(topology.members(endpoint) instanceof Topology.PodMembers m)) {
      return List.of(); // external: no pod, no policy applies
    }
    List<AnalysisPod> out = new ArrayList<>();
    for (int p : m.pods()) {
      out.add(topology.pods.get(p));
    }
    return out;
  }

  @Override
  public ServiceVerdict checkService(
      Endpoint source, String namespace, String service, Port servicePort) {
    return ServiceQuery.check(
        this,
        requireNonNull(source, "source"),
        requireNonNull(namespace, "namespace"),
        requireNonNull(service, "service"),
        requireNonNull(servicePort, "servicePort"));
  }

  /** Counts that cost nothing to compute: never the connections, which need a listing. */
  String summary() {
    return Render.count(topology.groups.size(), "endpoint", "endpoints")
        + ", "
        + Render.count(topology.pods.size(), "pod", "pods")
        + ", "
        + Render.count(topology.snapshot.namespaces().size(), "namespace", "namespaces")
        + ", "
        + Render.count(topology.snapshot.policies().size(), "policy", "policies");
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + summary() + "]";
  }
}
