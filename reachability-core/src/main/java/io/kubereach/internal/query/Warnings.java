package io.kubereach.internal.query;

import io.kubereach.AnalysisOptions;
import io.kubereach.Warning;
import io.kubereach.internal.net.IpSpace;
import io.kubereach.internal.semantics.CompiledPolicies;
import io.kubereach.internal.semantics.CompiledPolicy;
import io.kubereach.internal.semantics.CompiledRule;
import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.NamedPorts;
import io.kubereach.internal.semantics.PeerSet;
import io.kubereach.internal.semantics.PeerSet.PodAddresses;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.semantics.Selection;
import io.kubereach.internal.semantics.TierRule;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.Endpoints;
import io.kubereach.internal.topology.Granularity;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.PolicyType;
import io.kubereach.model.WorkloadEndpoint;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Remarks about the input that do not stop the analysis (S10, S12, S15, T6, T7 in
 * docs/semantics.md), from the same rule units the engine compiles. Each warning is rendered to
 * text here, once.
 */
final class Warnings {
  private static final int SHOWN = 5;

  /** Ranges where clusters usually put pod addresses: RFC 1918, shared CGNAT, IPv6 ULA. */
  private static final List<IpSpace.Block> POD_LIKE =
      List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7").stream()
          .map(IpSpace::prefixBlock)
          .toList();

  /**
   * Pods that look alike to every rule: same namespace, labels, container ports and address sets
   * their IPs lie in. Warnings are computed once per shape, then name its pods.
   */
  private record Shape(AnalysisPod exemplar, List<Endpoint> pods) {}

  /** What makes two pods one shape. */
  private record ShapeKey(
      String namespace,
      Map<String, String> labels,
      boolean hostNetwork,
      List<ContainerPort> ports,
      BitSet anyIp,
      BitSet firstFamily) {}

  private final PodTable table;
  private final Endpoints endpoints;
  private final CompiledPolicies policies;
  private final IpMemberships ips;
  private final AnalysisOptions options;
  private final java.util.function.IntUnaryOperator classOf;
  private final TreeMap<String, Warning> out = new TreeMap<>();

  private Warnings(
      PodTable table,
      Endpoints endpoints,
      CompiledPolicies policies,
      IpMemberships ips,
      AnalysisOptions options,
      java.util.function.IntUnaryOperator classOf) {
    this.table = table;
    this.endpoints = endpoints;
    this.policies = policies;
    this.ips = ips;
    this.options = options;
    this.classOf = classOf;
  }

  /** The warnings of one snapshot, sorted by text, without duplicates. */
  static List<Warning> of(
      PodTable table,
      Endpoints endpoints,
      CompiledPolicies policies,
      IpMemberships ips,
      AnalysisOptions options,
      java.util.function.IntUnaryOperator classOf) {
    Warnings w = new Warnings(table, endpoints, policies, ips, options, classOf);
    w.namedPorts();
    w.podsWithoutIp();
    w.differingPods();
    w.nodesWithoutNodes();
    return List.copyOf(w.out.values());
  }

  private void add(Warning warning) {
    out.putIfAbsent(warning.message(), warning);
  }

  private Map<String, List<Shape>> shapes() {
    Map<ShapeKey, Shape> byKey = new LinkedHashMap<>();
    for (AnalysisPod pod : table.pods()) {
      ShapeKey key =
          new ShapeKey(
              pod.namespace(),
              pod.labels(),
              pod.hostNetwork(),
              pod.ports(),
              ips.of(pod.index(), PodAddresses.ANY_KNOWN_IP),
              ips.of(pod.index(), PodAddresses.FIRST_FAMILY));
      byKey
          .computeIfAbsent(key, k -> new Shape(pod, new ArrayList<>()))
          .pods()
          .add(pod.podEndpoint());
    }
    Map<String, List<Shape>> byNamespace = new LinkedHashMap<>();
    for (Shape shape : byKey.values()) {
      byNamespace.computeIfAbsent(shape.exemplar().namespace(), n -> new ArrayList<>()).add(shape);
    }
    return byNamespace;
  }

  /**
   * A rule with named ports, NetworkPolicy or tiered: whose destinations are its policy's subject
   * (ingress) or its peers (egress).
   */
  private record NamedRule(
      String kind,
      io.kubereach.model.PolicyRef policy,
      PolicyType direction,
      String label,
      Selection subject,
      PeerSet peers,
      List<NamedRef> named) {}

  private List<NamedRule> namedRules() {
    List<NamedRule> out = new ArrayList<>();
    for (CompiledPolicy policy : policies.all()) {
      for (PolicyType direction : PolicyType.values()) {
        for (CompiledRule rule : policy.rules(direction)) {
          if (!rule.ports().named().isEmpty()) {
            out.add(
                new NamedRule(
                    "NetworkPolicy",
                    policy.ref(),
                    direction,
                    "rule " + rule.index(),
                    policy.subject(),
                    rule.peers(),
                    rule.ports().named()));
          }
        }
      }
    }
    policies
        .tiered()
        .forEach(
            policy -> {
              for (PolicyType direction : PolicyType.values()) {
                for (TierRule rule : policy.rules(direction)) {
                  if (!rule.ports().named().isEmpty()) {
                    out.add(
                        new NamedRule(
                            policy.ref().kind().name(),
                            policy.ref(),
                            direction,
                            rule.label(),
                            policy.subject(),
                            rule.peers(),
                            rule.ports().named()));
                  }
                }
              }
            });
    return out;
  }

  /**
   * The namespaces whose pods a rule can target: its policy's subject for ingress (S2, T5); a
   * selection's scope names or matches namespaces (S7); all peers or address sets can reach any
   * namespace (S6, S12).
   */
  private Set<String> namespaces(
      NamedRule rule, Set<String> all, Map<LabelSelector, Set<String>> byNamespaceSelector) {
    List<Selection> selections =
        rule.direction() == PolicyType.Ingress
            ? List.of(rule.subject())
            : rule.peers().selections();
    if (rule.direction() == PolicyType.Egress
        && (rule.peers().all() || !rule.peers().networks().isEmpty())) {
      return all;
    }
    Set<String> out = new HashSet<>();
    for (Selection s : selections) {
      if (s.scope() instanceof Selection.InNamespace in) {
        out.add(in.namespace());
      } else {
        // Thousands of rules share a few namespace selectors: match each against the namespaces
        // once.
        LabelSelector selector = ((Selection.MatchingNamespaces) s.scope()).selector();
        out.addAll(
            byNamespaceSelector.computeIfAbsent(
                selector,
                sel ->
                    all.stream()
                        .filter(ns -> sel.matches(table.namespaceLabels(ns)))
                        .collect(java.util.stream.Collectors.toSet())));
      }
    }
    out.retainAll(all); // only namespaces with pods have shapes
    return out;
  }

  /** S10, T7: a named port that a destination the rule can reach does not define. */
  private void namedPorts() {
    List<NamedRule> rules = namedRules();
    if (rules.isEmpty()) {
      return;
    }
    Map<String, List<Shape>> shapes = shapes();
    List<String> order = List.copyOf(shapes.keySet());
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    Map<LabelSelector, Set<String>> byNamespaceSelector = new HashMap<>();
    for (NamedRule rule : rules) {
      // In input order, so that the warning text is deterministic.
      List<String> reachable =
          namespaces(rule, shapes.keySet(), byNamespaceSelector).stream()
              .sorted(java.util.Comparator.comparing(position::get))
              .toList();
      for (NamedRef ref : rule.named()) {
        List<Endpoint> missing = new ArrayList<>();
        for (String ns : reachable) {
          for (Shape shape : shapes.get(ns)) {
            AnalysisPod pod = shape.exemplar();
            boolean target =
                rule.direction() == PolicyType.Ingress
                    ? rule.subject().selects(pod, table)
                    : rule.peers().admits(pod, table, ips);
            if (target && !NamedPorts.defines(ref, pod.ports())) {
              missing.addAll(shape.pods());
            }
          }
        }
        if (!missing.isEmpty()) {
          add(
              new Warning(
                  Warning.Kind.UNDEFINED_NAMED_PORT,
                  Optional.of(rule.policy()),
                  missing,
                  String.format(
                      Locale.ROOT,
                      "%s %s %s %s: named port %s is not defined on %s, so it matches nothing"
                          + " there (%s)",
                      rule.kind(),
                      rule.policy(),
                      rule.direction().name().toLowerCase(Locale.ROOT),
                      rule.label(),
                      ref,
                      shown(missing),
                      rule.kind().equals("NetworkPolicy") ? "S10" : "T7")));
        }
      }
    }
  }

  /** T6: nodes peers need Node objects to match; without them they match nothing. */
  private void nodesWithoutNodes() {
    nodesUnknown(table.snapshot()).forEach(this::add);
  }

  /** T6: a warning per tiered policy whose nodes peers meet no Node object. */
  static List<Warning> nodesUnknown(io.kubereach.model.ClusterSnapshot snapshot) {
    if (!snapshot.nodes().isEmpty()) {
      return List.of();
    }
    List<Warning> out = new ArrayList<>();
    for (var policy : snapshot.clusterPolicies()) {
      boolean nodes =
          policy.egress().stream()
              .flatMap(r -> r.peers().stream())
              .anyMatch(p -> p instanceof io.kubereach.model.ClusterPeer.Nodes);
      if (nodes) {
        out.add(
            new Warning(
                Warning.Kind.NODES_UNKNOWN,
                Optional.of(io.kubereach.model.PolicyRef.of(policy)),
                List.of(),
                policy
                    + ": its nodes peers match the addresses of Node objects, and the input has"
                    + " none, so they match nothing here (T6)"));
      }
    }
    return out;
  }

  /**
   * S12: a block that could hold pod addresses never matches pods whose IP is unknown. The pods the
   * policy itself selects are left out when it selects just that one pod (not a workload of several
   * replicas): the block then only sees the pod's traffic to itself, which S11 always allows.
   */
  private void podsWithoutIp() {
    if (!options.ipBlocksMatchPodIps()) {
      return;
    }
    List<Endpoint> withoutIp = new ArrayList<>();
    int[] positionOfPod = new int[table.size()];
    List<IpSpace.Address> known = new ArrayList<>();
    for (AnalysisPod pod : table.pods()) {
      positionOfPod[pod.index()] = pod.ips().isEmpty() ? withoutIp.size() : -1;
      if (pod.ips().isEmpty()) {
        withoutIp.add(pod.podEndpoint());
      }
      known.addAll(pod.ips());
    }
    if (withoutIp.isEmpty()) {
      return;
    }
    Map<String, Boolean> podLikeByCidr = new HashMap<>();
    for (CompiledPolicy policy : policies.all()) {
      List<Endpoint> names = null;
      for (PolicyType direction : PolicyType.values()) {
        for (CompiledRule rule : policy.rules(direction)) {
          for (PeerSet.Network network : rule.peers().networks()) {
            if (!podLikeByCidr.computeIfAbsent(network.cidr(), c -> podLike(c, known))) {
              continue;
            }
            if (names == null) {
              int self = onlySelected(policy);
              int skip = self < 0 ? -1 : positionOfPod[self];
              names = skip < 0 ? withoutIp : without(withoutIp, skip);
            }
            if (!names.isEmpty()) {
              add(
                  new Warning(
                      Warning.Kind.POD_WITHOUT_IP,
                      Optional.of(policy.ref()),
                      names,
                      String.format(
                          Locale.ROOT,
                          "NetworkPolicy %s: ipBlock %s could contain pod addresses, but %s have no"
                              + " known IP and are never matched by it (S12)",
                          policy.ref(),
                          network.cidr(),
                          shown(names))));
            }
          }
        }
      }
    }
  }

  private boolean selects(CompiledPolicy policy, AnalysisPod pod) {
    return policy.subject().selects(pod, table);
  }

  /**
   * The index of the one pod the policy selects when that pod stands for one pod, else -1: then the
   * block only sees the pod's traffic to itself (S11), and distinct selected pods could meet it.
   */
  private int onlySelected(CompiledPolicy policy) {
    AnalysisPod only = null;
    for (AnalysisPod pod : table.inNamespace(policy.namespace())) {
      if (selects(policy, pod)) {
        if (only != null || pod.replicated()) {
          return -1;
        }
        only = pod;
      }
    }
    return only == null ? -1 : only.index();
  }

  /** A view of {@code names} without the one at {@code skip}: O(1), for {@link #shown}. */
  private static List<Endpoint> without(List<Endpoint> names, int skip) {
    return new AbstractList<>() {
      @Override
      public Endpoint get(int i) {
        return names.get(i < skip ? i : i + 1);
      }

      @Override
      public int size() {
        return names.size() - 1;
      }
    };
  }

  /** Whether a block overlaps the usual pod ranges or holds a known pod IP. */
  private static boolean podLike(String cidr, List<IpSpace.Address> known) {
    IpSpace.Block block = IpSpace.prefixBlock(cidr);
    return POD_LIKE.stream().anyMatch(block::overlaps) || known.stream().anyMatch(block::contains);
  }

  /**
   * S15: pods of one owner that the policies treat differently. Pods of one class (the same
   * selections, address sets and named-port resolutions) are alike to every rule, so labels no
   * selector reads (pod-template-hash, a StatefulSet pod's name) make no union and no warning.
   */
  private void differingPods() {
    List<WorkloadEndpoint> list = endpoints.list(Granularity.WORKLOAD);
    for (int g = 0; g < list.size(); g++) {
      int[] members = endpoints.podsOf(Granularity.WORKLOAD, g);
      if (members.length < 2) {
        continue; // one pod cannot differ from itself
      }
      Set<Integer> kinds = new HashSet<>();
      for (int p : members) {
        kinds.add(classOf.applyAsInt(p));
      }
      if (kinds.size() > 1) {
        List<Endpoint> names = new ArrayList<>();
        for (int p : members) {
          names.add(table.pod(p).podEndpoint());
        }
        add(
            new Warning(
                Warning.Kind.OWNER_PODS_DIFFER,
                Optional.empty(),
                names,
                list.get(g)
                    + ": the policies treat its pods differently ("
                    + shown(names)
                    + "); its connections are the union over its pods (S15)"));
      }
    }
  }

  /** At most {@link #SHOWN} names, then how many more: {@code [a, b, c, d, e, ... 2 more]}. */
  private static String shown(List<Endpoint> names) {
    if (names.size() <= SHOWN) {
      return names.toString();
    }
    return "["
        + String.join(", ", names.subList(0, SHOWN).stream().map(Object::toString).toList())
        + ", ... "
        + (names.size() - SHOWN)
        + " more]";
  }
}
