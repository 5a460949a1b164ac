package io.kubereach.testing;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterPort;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.LabelSelector.Operator;
import io.kubereach.model.LabelSelector.Requirement;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Node;
import io.kubereach.model.Owner;
import io.kubereach.model.Peer;
import io.kubereach.model.Pod;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyKind;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Protocol;
import io.kubereach.model.Rule;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import io.kubereach.model.Workload;
import io.kubereach.model.WorkloadKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded generator of small random clusters that use every feature of S1–S15: all selector
 * operators, namespace selectors, AND/OR peers, named ports with matching and mismatching
 * protocols, endPort ranges, ipBlocks with except in IPv4 and IPv6, every policyTypes combination
 * (including absent), UDP and SCTP, pods with and without IPs of both families, hostNetwork,
 * workloads with 0 to 3 replicas, owned pods, and Services with numbered and named target ports
 * (S14); and in about half of them tiered policies (T1-T11: ClusterNetworkPolicies of both tiers,
 * AdminNetworkPolicies, a BaselineAdminNetworkPolicy) with every action, rule orders, priorities
 * with ties, namespaces, pods, networks and nodes peers of both families, numbered and named ports,
 * and sometimes Node objects. The same seed always gives the same cluster, and every cluster
 * survives a round trip through manifests (a DaemonSet has no replica count there, so it gets 1).
 *
 * <pre>{@code
 * ClusterSnapshot c = RandomClusters.generate(42L);
 * }</pre>
 */
public final class RandomClusters {
  private static final String[] NAMESPACES = {"x", "y", "z"};
  private static final String[] KEYS = {"app", "tier", "env"};
  private static final String[] VALUES = {"a", "b", "c"};
  private static final String[] PORT_NAMES = {"http", "dns", "metrics"};
  private static final int[] NUMBERS = {53, 80, 81, 443, 8080};
  private static final List<IpBlockPeer> BLOCKS =
      List.of(
          IpBlockPeer.of("10.0.0.0/16", "10.0.1.0/24"),
          IpBlockPeer.of("10.0.0.0/8"),
          IpBlockPeer.of("0.0.0.0/0", "10.0.0.0/8"),
          IpBlockPeer.of("10.0.2.0/30"),
          IpBlockPeer.of("10.0.1.5/32"),
          IpBlockPeer.of("192.168.0.0/16", "192.168.1.0/24", "192.168.2.0/24"),
          IpBlockPeer.of("2001:db8::/64", "2001:db8::/120"),
          IpBlockPeer.of("::/0"),
          IpBlockPeer.of("10.244.1.11/4"));

  private RandomClusters() {}

  /**
   * The cluster of a seed: at most 12 pods and workloads, at most 6 policies, 1 to 3 namespaces.
   */
  public static ClusterSnapshot generate(long seed) {
    Random r = new Random(seed);
    ClusterSnapshot.Builder b = ClusterSnapshot.builder();
    int namespaces = 1 + r.nextInt(3);
    for (int i = 0; i < namespaces; i++) {
      b.add(new Namespace(NAMESPACES[i], labels(r, 1)));
    }
    int pods = 1 + r.nextInt(9);
    for (int i = 0; i < pods; i++) {
      String ns = NAMESPACES[r.nextInt(namespaces)];
      List<String> ips = new ArrayList<>();
      if (r.nextInt(10) < 7) {
        ips.add("10.0." + r.nextInt(4) + "." + (1 + r.nextInt(6)));
      }
      if (r.nextInt(10) < 2) {
        ips.add("2001:db8::" + Integer.toHexString(1 + r.nextInt(300)));
      }
      if (r.nextInt(10) < 1) {
        ips.add("192.168." + r.nextInt(3) + ".1");
      }
      Optional<Owner> owner =
          r.nextInt(10) < 3
              ? Optional.of(new Owner("ReplicaSet", "rs" + r.nextInt(2)))
              : Optional.empty();
      b.add(new Pod(ns, "p" + i, labels(r, 2), ports(r), owner, ips, r.nextInt(10) == 0));
    }
    int workloads = r.nextInt(3);
    // Names are unique per kind and namespace, as the snapshot demands; a shared name that is
    // already taken falls back to a fresh one.
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < workloads; i++) {
      WorkloadKind kind = WorkloadKind.values()[r.nextInt(WorkloadKind.values().length)];
      // S11: 0 or 1 replica is one pod (self allowed), 2+ distinct replicas (never).
      int replicas = r.nextInt(4);
      // S15: a ReplicaSet may belong to a Deployment, a Job to a CronJob, so that pods of the
      // ReplicaSet stand for the Deployment; and a Deployment or CronJob may be named like one.
      Optional<Owner> controller =
          kind == WorkloadKind.ReplicaSet && r.nextBoolean()
              ? Optional.of(new Owner("Deployment", "d" + r.nextInt(2)))
              : kind == WorkloadKind.Job && r.nextBoolean()
                  ? Optional.of(new Owner("CronJob", "cj0"))
                  : Optional.empty();
      String shared =
          switch (kind) {
            case Deployment -> r.nextBoolean() ? "d" + r.nextInt(2) : "w" + i;
            case CronJob -> r.nextBoolean() ? "cj0" : "w" + i;
            // Sometimes named like an owner of generated pods, so both share an endpoint (S15).
            default -> r.nextInt(4) == 0 ? "rs" + i : "w" + i;
          };
      String ns = NAMESPACES[r.nextInt(namespaces)];
      String name = taken.add(kind + "/" + ns + "/" + shared) ? shared : "w" + i;
      b.add(
          new Workload(
              kind,
              ns,
              name,
              kind == WorkloadKind.DaemonSet ? 1 : replicas,
              labels(r, 2),
              ports(r),
              r.nextInt(10) == 0,
              controller));
    }
    int services = r.nextInt(3);
    for (int i = 0; i < services; i++) {
      b.add(service(r, NAMESPACES[r.nextInt(namespaces)], "svc" + i));
    }
    // T1-T11: a few tiered policies in about half of the clusters, with ties of priority.
    if (r.nextBoolean()) {
      boolean nodes = r.nextBoolean();
      if (nodes) {
        b.add(new Node("n0", Map.of("role", "infra"), List.of("10.0.3.1", "2001:db8::1")));
        b.add(new Node("n1", Map.of("role", "worker"), List.of("10.0.3.2")));
      }
      int tiered = 1 + r.nextInt(3);
      boolean baseline = false;
      for (int i = 0; i < tiered; i++) {
        PolicyKind kind =
            switch (r.nextInt(6)) {
              case 0 -> PolicyKind.AdminNetworkPolicy;
              case 1 ->
                  baseline
                      ? PolicyKind.ClusterNetworkPolicy
                      : PolicyKind.BaselineAdminNetworkPolicy;
              default -> PolicyKind.ClusterNetworkPolicy;
            };
        baseline |= kind == PolicyKind.BaselineAdminNetworkPolicy;
        b.add(tiered(r, kind, "cnp" + i, namespaces));
      }
    }
    int policies = r.nextInt(7);
    for (int i = 0; i < policies; i++) {
      b.add(policy(r, NAMESPACES[r.nextInt(namespaces)], "np" + i, namespaces));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // An invalid cluster is a defect of this generator, not of the code under test.
      throw new AssertionError("RandomClusters.generate(" + seed + ") is invalid: " + e, e);
    }
  }

  private static final int[] PRIORITIES = {10, 20, 20};

  /** T1-T11: a tiered policy of a kind, with every peer and port form. */
  private static ClusterNetworkPolicy tiered(
      Random r, PolicyKind kind, String name, int namespaces) {
    Tier tier =
        switch (kind) {
          case AdminNetworkPolicy -> Tier.Admin;
          case BaselineAdminNetworkPolicy -> Tier.Baseline;
          default -> r.nextBoolean() ? Tier.Admin : Tier.Baseline;
        };
    boolean banp = kind == PolicyKind.BaselineAdminNetworkPolicy;
    int priority = banp ? 0 : PRIORITIES[r.nextInt(PRIORITIES.length)];
    return new ClusterNetworkPolicy(
        kind,
        banp ? "default" : name,
        tier,
        priority,
        podsPeer(r, namespaces),
        tierRules(r, PolicyType.Ingress, banp, namespaces),
        tierRules(r, PolicyType.Egress, banp, namespaces));
  }

  private static List<ClusterRule> tierRules(
      Random r, PolicyType direction, boolean banp, int namespaces) {
    List<ClusterRule> out = new ArrayList<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      TierAction action = TierAction.values()[r.nextInt(banp ? 2 : 3)];
      List<ClusterPeer> peers = new ArrayList<>();
      int np = 1 + r.nextInt(2);
      boolean addresses = false;
      for (int j = 0; j < np; j++) {
        ClusterPeer peer =
            direction == PolicyType.Egress && r.nextInt(3) == 0
                ? addressPeer(r)
                : podsPeer(r, namespaces);
        addresses |= !peer.selectsPods();
        peers.add(peer);
      }
      List<ClusterPort> ports = new ArrayList<>();
      int nports = r.nextInt(3);
      for (int j = 0; j < nports; j++) {
        // Named ports never beside addresses (the CRD refuses it).
        ports.add(
            !addresses && r.nextInt(3) == 0
                ? ClusterPort.named(PORT_NAMES[r.nextInt(PORT_NAMES.length)])
                : clusterPort(r));
      }
      out.add(
          new ClusterRule(
              r.nextBoolean() ? Optional.of("r" + i) : Optional.empty(), action, peers, ports));
    }
    return out;
  }

  private static ClusterPort clusterPort(Random r) {
    Protocol p = protocol(r);
    int first = NUMBERS[r.nextInt(NUMBERS.length)];
    return r.nextBoolean()
        ? ClusterPort.of(new PortRange(p, first, first))
        : ClusterPort.of(new PortRange(p, first, first + 1 + r.nextInt(400)));
  }

  private static ClusterPeer podsPeer(Random r, int namespaces) {
    return r.nextBoolean()
        ? new ClusterPeer.Namespaces(selector(r, "namespace"))
        : new ClusterPeer.Pods(selector(r, "namespace"), selector(r, "pod"));
  }

  private static final List<String> NETWORKS =
      List.of(
          "0.0.0.0/0",
          "::/0",
          "10.0.0.0/16",
          "10.0.1.0/24",
          "10.0.2.3/32",
          "192.168.0.0/16",
          "2001:db8::/64",
          "8.8.8.8/32");

  private static ClusterPeer addressPeer(Random r) {
    if (r.nextInt(4) == 0) {
      return new ClusterPeer.Nodes(
          r.nextBoolean()
              ? LabelSelector.everything()
              : LabelSelector.matchLabels(Map.of("role", r.nextBoolean() ? "infra" : "worker")));
    }
    List<String> cidrs = new ArrayList<>();
    int n = 1 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      cidrs.add(NETWORKS.get(r.nextInt(NETWORKS.size())));
    }
    return new ClusterPeer.Networks(cidrs);
  }

  /** S14: a selector of one label (or none), ports targeting numbers or container port names. */
  private static Service service(Random r, String ns, String name) {
    Optional<Map<String, String>> selector =
        r.nextInt(5) == 0
            ? Optional.empty()
            : Optional.of(Map.of(KEYS[r.nextInt(KEYS.length)], VALUES[r.nextInt(VALUES.length)]));
    List<ServicePort> ports = new ArrayList<>();
    int n = 1 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      PortRef target =
          r.nextBoolean()
              ? PortRef.of(NUMBERS[r.nextInt(NUMBERS.length)])
              : PortRef.of(PORT_NAMES[r.nextInt(PORT_NAMES.length)]);
      ports.add(
          new ServicePort(
              Optional.of("p" + i), protocol(r), 1000 + i * 100 + r.nextInt(50), target));
    }
    return new Service(ns, name, selector, ports, "ClusterIP", List.of());
  }

  private static Map<String, String> labels(Random r, int max) {
    Map<String, String> out = new LinkedHashMap<>();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      out.put(KEYS[r.nextInt(KEYS.length)], VALUES[r.nextInt(VALUES.length)]);
    }
    return out;
  }

  private static List<ContainerPort> ports(Random r) {
    List<ContainerPort> out = new ArrayList<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(
          new ContainerPort(
              Optional.of(PORT_NAMES[r.nextInt(PORT_NAMES.length)]),
              NUMBERS[r.nextInt(NUMBERS.length)],
              protocol(r)));
    }
    return out;
  }

  private static Protocol protocol(Random r) {
    int p = r.nextInt(10);
    return p < 6 ? Protocol.TCP : p < 8 ? Protocol.UDP : Protocol.SCTP;
  }

  private static NetworkPolicy policy(Random r, String ns, String name, int namespaces) {
    Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
    switch (r.nextInt(4)) {
      case 0 -> types.add(PolicyType.Ingress);
      case 1 -> types.add(PolicyType.Egress);
      case 2 -> types.addAll(List.of(PolicyType.Ingress, PolicyType.Egress));
      default -> {
        // absent: S3 defaulting
      }
    }
    return new NetworkPolicy(
        ns, name, selector(r, "pod"), types, rules(r, namespaces), rules(r, namespaces));
  }

  private static List<Rule> rules(Random r, int namespaces) {
    List<Rule> out = new ArrayList<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<Peer> peers = new ArrayList<>();
      int np = r.nextInt(3);
      for (int j = 0; j < np; j++) {
        peers.add(peer(r));
      }
      List<PortSpec> ports = new ArrayList<>();
      int nports = r.nextInt(3);
      for (int j = 0; j < nports; j++) {
        ports.add(portSpec(r));
      }
      out.add(new Rule(peers, ports));
    }
    return out;
  }

  private static Peer peer(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> PodPeer.pods(selector(r, "pod"));
      case 1 -> PodPeer.namespaces(selector(r, "namespace"));
      case 2 -> PodPeer.of(selector(r, "namespace"), selector(r, "pod"));
      default -> BLOCKS.get(r.nextInt(BLOCKS.size()));
    };
  }

  private static PortSpec portSpec(Random r) {
    Protocol p = protocol(r);
    return switch (r.nextInt(5)) {
      case 0 -> PortSpec.all(p);
      case 1 -> PortSpec.number(p, NUMBERS[r.nextInt(NUMBERS.length)]);
      case 2 -> {
        int first = NUMBERS[r.nextInt(NUMBERS.length)];
        yield PortSpec.range(p, first, first + r.nextInt(400));
      }
      default -> PortSpec.named(p, PORT_NAMES[r.nextInt(PORT_NAMES.length)]);
    };
  }

  private static LabelSelector selector(Random r, String what) {
    if (r.nextInt(3) == 0) {
      return LabelSelector.everything();
    }
    Map<String, String> match = new LinkedHashMap<>();
    List<Requirement> expressions = new ArrayList<>();
    if (what.equals("namespace") && r.nextBoolean()) {
      match.put(Namespace.NAME_LABEL, NAMESPACES[r.nextInt(NAMESPACES.length)]);
    } else if (r.nextBoolean()) {
      match.put(KEYS[r.nextInt(KEYS.length)], VALUES[r.nextInt(VALUES.length)]);
    }
    if (r.nextBoolean()) {
      Operator op = Operator.values()[r.nextInt(Operator.values().length)];
      Set<String> values = new TreeSet<>();
      if (op == Operator.In || op == Operator.NotIn) {
        values.add(VALUES[r.nextInt(VALUES.length)]);
        if (r.nextBoolean()) {
          values.add(VALUES[r.nextInt(VALUES.length)]);
        }
      }
      expressions.add(new Requirement(KEYS[r.nextInt(KEYS.length)], op, values));
    }
    return new LabelSelector(match, expressions);
  }
}
