package io.kubereach.reference;

import static java.util.Objects.requireNonNull;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import io.kubereach.AnalysisOptions;
import io.kubereach.Connection;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Peer;
import io.kubereach.model.Pod;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSet;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Rule;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadEndpoint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The oracle: answers from the {@link ClusterSnapshot} alone by walking the rules of
 * docs/semantics.md (S1–S15) as plainly as possible, one pair of pods or addresses at a time. It
 * shares no code with the engine beyond the model records: its own endpoint grouping (S15),
 * namespace labels (S8), address arithmetic and pod IP membership (S12, with the ipaddress library
 * directly), named-port resolution (S10) and listing (maximal external runs, sorting). It is slow
 * on purpose and used by tests and benchmarks only. Immutable and thread-safe.
 *
 * <pre>{@code
 * ReferenceEvaluator ref = ReferenceEvaluator.of(cluster, AnalysisOptions.defaults());
 * ref.allowed(Endpoint.pod("x", "a"), Endpoint.pod("x", "b")); // a PortSet
 * }</pre>
 */
public final class ReferenceEvaluator {

  /** The first and last value of a block of one family. */
  private record Bounds(BigInteger first, BigInteger last) {}

  private final ClusterSnapshot snapshot;
  private final AnalysisOptions options;
  private final List<RefPod> pods = new ArrayList<>();
  private final Map<Endpoint, List<RefPod>> byEndpoint = new HashMap<>();
  private final Map<Endpoint, List<RefPod>> byPodEndpoint = new HashMap<>();
  private final Map<String, List<NetworkPolicy>> policiesByNamespace = new HashMap<>();
  private final Map<String, IPAddress> blocks = new HashMap<>();
  private final ReferenceTiers tiers;

  /** S15: up the owner references of workload objects, at most as many steps as there are. */
  private static WorkloadEndpoint chainTop(WorkloadEndpoint e, Map<String, Workload> byText) {
    WorkloadEndpoint at = e;
    List<WorkloadEndpoint> path = new ArrayList<>();
    while (!path.contains(at)) {
      path.add(at);
      Workload w = byText.get(at.toString());
      if (w == null || w.owner().isEmpty() || w.owner().get().kind().equals("Node")) {
        return at;
      }
      at = new WorkloadEndpoint(at.namespace(), w.owner().get().name(), w.owner().get().kind());
    }
    return e; // owners in a cycle link nothing
  }

  private ReferenceEvaluator(ClusterSnapshot snapshot, AnalysisOptions options) {
    this.snapshot = snapshot;
    this.options = options;
    // S15: who owns each workload object of the input, to follow owner chains upwards.
    Map<String, Workload> workloadByText = new HashMap<>();
    for (Workload w : snapshot.workloads()) {
      workloadByText.put(w.namespace() + "/" + w.name() + "[" + w.kind() + "]", w);
    }
    java.util.Set<WorkloadEndpoint> owned = new java.util.HashSet<>();
    for (Pod p : snapshot.pods()) {
      WorkloadEndpoint self = Endpoint.pod(p.namespace(), p.name());
      // S15: a controller owner other than a Node names the endpoint; up its chain.
      WorkloadEndpoint owner =
          p.owner()
              .filter(o -> !o.kind().equals("Node"))
              .map(
                  o ->
                      chainTop(
                          new WorkloadEndpoint(p.namespace(), o.name(), o.kind()), workloadByText))
              .orElse(self);
      if (!owner.equals(self)) {
        owned.add(owner);
      }
      pods.add(
          new RefPod(
              p.namespace(),
              p.labels(),
              p.ports(),
              p.ips().stream().map(ReferenceEvaluator::address).toList(),
              p.hostNetwork(),
              false,
              self,
              owner));
    }
    for (Workload w : snapshot.workloads()) {
      WorkloadEndpoint self = Endpoint.workload(w.kind(), w.namespace(), w.name());
      WorkloadEndpoint top = chainTop(self, workloadByText);
      if (owned.contains(top)) {
        continue; // S15: real pods replace the template
      }
      if (!top.equals(self) && workloadByText.containsKey(top.toString())) {
        continue; // S15: a stamped workload's template is its owner's, which stands for both
      }
      // S11: a workload of two or more replicas stands for distinct pods.
      pods.add(
          new RefPod(
              w.namespace(),
              w.templateLabels(),
              w.templatePorts(),
              List.of(),
              w.hostNetwork(),
              w.replicas() >= 2,
              self,
              top));
    }
    this.tiers = new ReferenceTiers(snapshot, options);
    for (RefPod p : pods) {
      byEndpoint.computeIfAbsent(p.endpoint(), e -> new ArrayList<>()).add(p);
      byPodEndpoint.computeIfAbsent(p.podEndpoint(), e -> new ArrayList<>()).add(p);
    }
    for (NetworkPolicy policy : snapshot.policies()) {
      policiesByNamespace.computeIfAbsent(policy.namespace(), n -> new ArrayList<>()).add(policy);
      for (Rule rule : concat(policy.ingress(), policy.egress())) {
        for (Peer p : rule.peers()) {
          if (p instanceof IpBlockPeer b) {
            List<String> cidrs = new ArrayList<>(b.except());
            cidrs.add(b.cidr());
            cidrs.forEach(c -> blocks.put(c, new IPAddressString(c).getAddress().toPrefixBlock()));
          }
        }
      }
    }
  }

  /** The oracle of a snapshot; {@code options} decides S12. */
  public static ReferenceEvaluator of(ClusterSnapshot snapshot, AnalysisOptions options) {
    return new ReferenceEvaluator(requireNonNull(snapshot), requireNonNull(options));
  }

  /** The endpoints at workload granularity (S15), sorted by text. */
  public List<WorkloadEndpoint> endpoints() {
    return sorted(pods.stream().map(RefPod::endpoint).toList());
  }

  /** The endpoints at pod granularity, sorted by text. */
  public List<WorkloadEndpoint> podEndpoints() {
    return sorted(pods.stream().map(RefPod::podEndpoint).toList());
  }

  private static List<WorkloadEndpoint> sorted(List<WorkloadEndpoint> endpoints) {
    TreeMap<String, WorkloadEndpoint> byText = new TreeMap<>();
    endpoints.forEach(e -> byText.putIfAbsent(e.toString(), e));
    return List.copyOf(byText.values());
  }

  /** Whether {@code source} can reach {@code destination} on {@code port}. */
  public boolean allows(Endpoint source, Endpoint destination, Port port) {
    return allowed(source, destination).contains(port);
  }

  /**
   * Every port on which {@code source} can reach {@code destination}: the union over the pairs they
   * stand for (S15) of what egress and ingress both allow (S5).
   *
   * @throws IllegalArgumentException if an endpoint is unknown or both are external
   */
  public PortSet allowed(Endpoint source, Endpoint destination) {
    return allowed(source, members(source), destination, members(destination));
  }

  private PortSet allowed(
      Endpoint source, List<RefPod> sources, Endpoint destination, List<RefPod> destinations) {
    PortSet out = PortSet.none();
    for (List<PortSet> possible : possibilities(source, sources, destination, destinations)) {
      out = out.union(possible.get(0));
    }
    return out;
  }

  /**
   * T9: the ports whose verdict another order of same-priority policies would change: some pair may
   * allow them in some order, and no pair allows them in every order.
   *
   * @throws IllegalArgumentException if an endpoint is unknown or both are external
   */
  public PortSet ambiguous(Endpoint source, Endpoint destination) {
    PortSet mayAllow = PortSet.none();
    PortSet mustAllow = PortSet.none();
    for (List<PortSet> possible :
        possibilities(source, members(source), destination, members(destination))) {
      PortSet some = PortSet.none();
      PortSet every = PortSet.all();
      for (PortSet p : possible) {
        some = some.union(p);
        every = every.intersection(p);
      }
      mayAllow = mayAllow.union(some);
      mustAllow = mustAllow.union(every);
    }
    return mayAllow.difference(mustAllow);
  }

  /**
   * For each pair of members the endpoints stand for, what the pair may be allowed under every
   * order of same-priority policies; the deterministic order's answer first.
   */
  private List<List<PortSet>> possibilities(
      Endpoint source, List<RefPod> sources, Endpoint destination, List<RefPod> destinations) {
    if (source instanceof ExternalEndpoint && destination instanceof ExternalEndpoint) {
      throw new IllegalArgumentException("no policy applies between addresses");
    }
    List<List<PortSet>> out = new ArrayList<>();
    if (source instanceof ExternalEndpoint x) {
      for (IPAddress a : samples(x)) {
        for (RefPod q : destinations) {
          out.add(ports(new End(Optional.empty(), Optional.of(a)), pod(q)));
        }
      }
      return out;
    }
    if (destination instanceof ExternalEndpoint x) {
      for (RefPod p : sources) {
        for (IPAddress a : samples(x)) {
          out.add(ports(pod(p), new End(Optional.empty(), Optional.of(a))));
        }
      }
      return out;
    }
    boolean replicas = source.equals(destination) && sources.size() > 1;
    for (RefPod p : sources) {
      for (RefPod q : destinations) {
        if (p == q && !p.distinctReplicas()) {
          if (replicas) {
            continue; // two replicas of one endpoint are two distinct pods
          }
          return List.of(List.of(PortSet.all())); // S11: a pod always reaches itself, tiers or not
        }
        out.add(ports(pod(p), pod(q)));
      }
    }
    return out;
  }

  private static End pod(RefPod p) {
    return new End(Optional.of(p), Optional.empty());
  }

  /** The pods an endpoint stands for: workload granularity first, then pod granularity. */
  private List<RefPod> members(Endpoint e) {
    if (e instanceof ExternalEndpoint) {
      return List.of();
    }
    List<RefPod> out = byEndpoint.getOrDefault(e, byPodEndpoint.get(e));
    if (out == null) {
      throw new IllegalArgumentException("no endpoint " + e);
    }
    return out;
  }

  /**
   * S5: what the egress of the source and the ingress of the destination both allow, under every
   * pair of orders of same-priority policies (T9, chosen independently per side); the deterministic
   * orders' answer first.
   */
  private List<PortSet> ports(End source, End destination) {
    List<PortSet> egress =
        source
            .pod()
            .map(p -> side(PolicyType.Egress, p, destination, destination))
            .orElse(List.of(PortSet.all()));
    List<PortSet> ingress =
        destination
            .pod()
            .map(q -> side(PolicyType.Ingress, q, source, destination))
            .orElse(List.of(PortSet.all()));
    List<PortSet> out = new ArrayList<>();
    for (PortSet e : egress) {
      for (PortSet i : ingress) {
        out.add(e.intersection(i));
      }
    }
    return out;
  }

  /** T1: the tier chain of one side, under every order of same-priority policies. */
  private List<PortSet> side(PolicyType direction, RefPod subject, End peer, End destination) {
    return tiers.side(
        direction,
        subject,
        peer,
        destination,
        networkPolicies(direction, subject, peer, destination));
  }

  /** S1, S2, S3, S4: the NetworkPolicy tier of one side; empty when no policy isolates it (T4). */
  private Optional<PortSet> networkPolicies(
      PolicyType direction, RefPod subject, End peer, End destination) {
    boolean isolated = false;
    PortSet out = PortSet.none();
    for (NetworkPolicy policy : policiesByNamespace.getOrDefault(subject.namespace(), List.of())) {
      if (!policy.podSelector().matches(subject.labels())
          || !policy.policyTypes().contains(direction)) {
        continue;
      }
      isolated = true;
      List<Rule> rules = direction == PolicyType.Ingress ? policy.ingress() : policy.egress();
      for (Rule rule : rules) {
        if (peerMatches(policy, rule, peer)) {
          out = out.union(rulePorts(rule, destination));
        }
      }
    }
    return isolated ? Optional.of(out) : Optional.empty();
  }

  /** S6, S7, S12. */
  private boolean peerMatches(NetworkPolicy policy, Rule rule, End peer) {
    if (rule.peers().isEmpty()) {
      return true;
    }
    for (Peer p : rule.peers()) {
      if (p instanceof PodPeer pp && peer.pod().isPresent()) {
        RefPod q = peer.pod().get();
        boolean namespaceOk =
            pp.namespaceSelector()
                .map(s -> s.matches(namespaceLabels(q.namespace())))
                .orElse(q.namespace().equals(policy.namespace()));
        boolean podOk = pp.podSelector().map(s -> s.matches(q.labels())).orElse(true);
        if (namespaceOk && podOk) {
          return true;
        }
      }
      if (p instanceof IpBlockPeer block) {
        if (peer.address().isPresent() && inBlock(block, peer.address().get())) {
          return true;
        }
        if (peer.pod().isPresent()
            && options.ipBlocksMatchPodIps()
            && peer.pod().get().ips().stream().anyMatch(a -> inBlock(block, a))) {
          return true;
        }
      }
    }
    return false;
  }

  /** S8: declared labels, or only the name label for a namespace never declared. */
  private Map<String, String> namespaceLabels(String namespace) {
    return snapshot
        .namespace(namespace)
        .map(Namespace::labels)
        .orElse(Map.of(Namespace.NAME_LABEL, namespace));
  }

  /** S6, S9, S10. */
  private static PortSet rulePorts(Rule rule, End destination) {
    if (rule.ports().isEmpty()) {
      return PortSet.all();
    }
    List<PortRange> ranges = new ArrayList<>();
    for (PortSpec spec : rule.ports()) {
      if (spec.port().isEmpty()) {
        ranges.add(PortRange.all(spec.protocol()));
      } else if (spec.port().get() instanceof PortRef.Number n) {
        ranges.add(new PortRange(spec.protocol(), n.number(), spec.endPort().orElse(n.number())));
      } else {
        String name = ((PortRef.Name) spec.port().get()).name();
        for (ContainerPort cp : destination.pod().map(RefPod::ports).orElse(List.of())) {
          if (cp.name().equals(Optional.of(name)) && cp.protocol() == spec.protocol()) {
            ranges.add(new PortRange(cp.protocol(), cp.number(), cp.number()));
          }
        }
      }
    }
    return PortSet.of(ranges);
  }

  private boolean inBlock(IpBlockPeer block, IPAddress a) {
    if (!block(block.cidr()).contains(a)) {
      return false;
    }
    return block.except().stream().noneMatch(e -> block(e).contains(a));
  }

  private IPAddress block(String cidr) {
    return blocks.get(cidr);
  }

  private static IPAddress address(String text) {
    return new IPAddressString(text).getAddress();
  }

  /**
   * The first and last value of every CIDR and except of every policy rule, of every tiered
   * networks peer and of every node address a nodes peer matches.
   */
  private List<Bounds> boundaries(boolean v6) {
    List<String> cidrs = new ArrayList<>(tiers.addressSets());
    for (NetworkPolicy policy : snapshot.policies()) {
      for (Rule rule : concat(policy.ingress(), policy.egress())) {
        for (Peer p : rule.peers()) {
          if (p instanceof IpBlockPeer b) {
            cidrs.addAll(b.except());
            cidrs.add(b.cidr());
          }
        }
      }
    }
    List<Bounds> out = new ArrayList<>();
    for (String cidr : cidrs) {
      IPAddress block = new IPAddressString(cidr).getAddress().toPrefixBlock();
      if (block.isIPv6() == v6) {
        out.add(new Bounds(block.getValue(), block.getUpperValue()));
      }
    }
    return out;
  }

  private static List<Rule> concat(List<Rule> a, List<Rule> b) {
    List<Rule> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** One address for each part of a range the policies' blocks may treat differently. */
  private List<IPAddress> samples(ExternalEndpoint range) {
    boolean v6 = range.isIpv6();
    BigInteger first = address(range.first()).getValue();
    BigInteger last = address(range.last()).getValue();
    TreeSet<BigInteger> values = new TreeSet<>();
    values.add(first);
    for (Bounds b : boundaries(v6)) {
      for (BigInteger v : List.of(b.first(), b.last().add(BigInteger.ONE))) {
        if (v.compareTo(first) >= 0 && v.compareTo(last) <= 0) {
          values.add(v);
        }
      }
    }
    return values.stream().map(v -> toAddress(v6, v)).toList();
  }

  private static IPAddress toAddress(boolean v6, BigInteger value) {
    return v6 ? new IPv6Address(value) : new IPv4Address(value.intValue());
  }

  private static String text(boolean v6, BigInteger value) {
    return toAddress(v6, value).toCanonicalString();
  }

  /** Every allowed connection at workload granularity, as {@code list} prints them. */
  public List<Connection> connections() {
    return listing(endpoints(), byEndpoint);
  }

  /** Every allowed connection at pod granularity. */
  public List<Connection> podConnections() {
    return listing(podEndpoints(), byPodEndpoint);
  }

  /**
   * A listing at one granularity: each endpoint stands for its pods at that granularity (at pod
   * granularity, a workload's template alone, even when pods it does not own share its text).
   */
  private List<Connection> listing(
      List<WorkloadEndpoint> endpoints, Map<Endpoint, List<RefPod>> members) {
    List<Connection> out = new ArrayList<>();
    for (WorkloadEndpoint s : endpoints) {
      for (WorkloadEndpoint d : endpoints) {
        if (!s.equals(d)) {
          PortSet ports = allowed(s, members.get(s), d, members.get(d));
          if (!ports.isEmpty()) {
            out.add(new Connection(s, d, ports));
          }
        }
      }
    }
    List<Boolean> families = mentionsIpv6() ? List.of(false, true) : List.of(false);
    for (WorkloadEndpoint e : endpoints) {
      for (boolean v6 : families) {
        external(e, members.get(e), v6, true, out);
        external(e, members.get(e), v6, false, out);
      }
    }
    out.sort(
        Comparator.comparing((Connection c) -> c.source().toString())
            .thenComparing(c -> c.destination().toString()));
    return List.copyOf(out);
  }

  /** S12: the maximal runs of addresses with equal connections from (or to) an endpoint. */
  private void external(
      WorkloadEndpoint e, List<RefPod> pods, boolean v6, boolean egress, List<Connection> out) {
    BigInteger end = BigInteger.ONE.shiftLeft(v6 ? 128 : 32).subtract(BigInteger.ONE);
    TreeSet<BigInteger> cuts = new TreeSet<>();
    cuts.add(BigInteger.ZERO);
    for (Bounds b : boundaries(v6)) {
      cuts.add(b.first());
      if (b.last().compareTo(end) < 0) {
        cuts.add(b.last().add(BigInteger.ONE));
      }
    }
    List<BigInteger> starts = new ArrayList<>(cuts);
    BigInteger runFirst = null;
    BigInteger runLast = null;
    PortSet runPorts = null;
    for (int i = 0; i < starts.size(); i++) {
      BigInteger first = starts.get(i);
      BigInteger last = i + 1 < starts.size() ? starts.get(i + 1).subtract(BigInteger.ONE) : end;
      ExternalEndpoint piece = new ExternalEndpoint(text(v6, first), text(v6, first));
      PortSet ports =
          egress ? allowed(e, pods, piece, List.of()) : allowed(piece, List.of(), e, pods);
      if (runFirst != null && ports.equals(runPorts)) {
        runLast = last;
      } else {
        emit(e, v6, egress, runFirst, runLast, runPorts, out);
        runFirst = first;
        runLast = last;
        runPorts = ports;
      }
    }
    emit(e, v6, egress, runFirst, runLast, runPorts, out);
  }

  private static void emit(
      WorkloadEndpoint e,
      boolean v6,
      boolean egress,
      BigInteger first,
      BigInteger last,
      PortSet ports,
      List<Connection> out) {
    if (first != null && !ports.isEmpty()) {
      ExternalEndpoint range = new ExternalEndpoint(text(v6, first), text(v6, last));
      out.add(egress ? new Connection(e, range, ports) : new Connection(range, e, ports));
    }
  }

  /** S12: whether IPv6 space is listed: some rule that counts (S2), pod or Service mentions it. */
  private boolean mentionsIpv6() {
    for (NetworkPolicy policy : snapshot.policies()) {
      for (Rule rule : concat(policy.rules(PolicyType.Ingress), policy.rules(PolicyType.Egress))) {
        for (Peer p : rule.peers()) {
          if (p instanceof IpBlockPeer b && b.isIpv6()) {
            return true;
          }
        }
      }
    }
    return tiers.addressSets().stream().anyMatch(c -> c.contains(":"))
        || pods.stream().flatMap(p -> p.ips().stream()).anyMatch(IPAddress::isIPv6)
        || snapshot.services().stream()
            .flatMap(s -> s.sourceRanges().stream())
            .anyMatch(r -> r.contains(":"));
  }

  /**
   * S14: per backend pod (pod granularity) of a Service, whether {@code source} reaches it on the
   * target port of {@code servicePort}; empty for a backend that does not define a named target
   * port for the Service port's protocol.
   */
  public Map<WorkloadEndpoint, Optional<Boolean>> service(
      Endpoint source, String namespace, String name, Port servicePort) {
    Service service =
        snapshot.services().stream()
            .filter(s -> s.namespace().equals(namespace) && s.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    ServicePort port =
        service.ports().stream()
            .filter(p -> p.protocol() == servicePort.protocol() && p.port() == servicePort.number())
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no port " + servicePort));
    Map<WorkloadEndpoint, Optional<Boolean>> out =
        new TreeMap<>(Comparator.comparing(WorkloadEndpoint::toString));
    for (RefPod pod : pods) {
      if (!pod.namespace().equals(namespace)
          || service.selector().isEmpty()
          || !service.selector().get().entrySet().stream()
              .allMatch(e -> e.getValue().equals(pod.labels().get(e.getKey())))) {
        continue;
      }
      Optional<Integer> target = Optional.empty();
      if (port.targetPort() instanceof PortRef.Number n) {
        target = Optional.of(n.number());
      } else {
        String portName = ((PortRef.Name) port.targetPort()).name();
        for (ContainerPort cp : pod.ports()) {
          if (target.isEmpty()
              && cp.name().equals(Optional.of(portName))
              && cp.protocol() == port.protocol()) {
            target = Optional.of(cp.number());
          }
        }
      }
      out.put(
          pod.podEndpoint(),
          target.map(t -> allows(source, pod.podEndpoint(), new Port(port.protocol(), t))));
    }
    return out;
  }
}
