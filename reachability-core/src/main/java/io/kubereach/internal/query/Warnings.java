package io.kubereach;

import io.kubereach.model.ContainerPort;
import io.kubereach.model.IpBlockPeer;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Peer;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortRef;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Rule;
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
import java.util.TreeSet;

/** Remarks about the input that do not stop the analysis (S10, S12, S15). */
final class Warnings {
  private static final int SHOWN = 5;

  /** Ranges where clusters usually put pod addresses: RFC 1918, shared CGNAT, IPv6 ULA. */
  private static final List<IpSpace.Block> POD_LIKE =
      List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7").stream()
          .map(IpSpace::prefixBlock)
          .toList();

  private Warnings() {}

  static List<String> of(Topology topology) {
    TreeSet<String> out = new TreeSet<>();
    namedPorts(topology, out);
    podsWithoutIp(topology, out);
    differingReplicas(topology, out);
    return List.copyOf(out);
  }

  /**
   * Pods that look alike to every rule: same namespace, labels, container ports and ipBlocks their
   * IPs lie in. Warnings are computed once per shape, then name its pods.
   */
  private record Shape(String namespace, AnalysisPod exemplar, List<String> pods) {}

  private static Map<String, List<Shape>> shapes(Topology topology) {
    Map<List<Object>, Shape> byKey = new LinkedHashMap<>();
    for (AnalysisPod pod : topology.pods) {
      BitSet blocks = topology.matchersOf(pod.index());
      List<Object> key = List.of(pod.namespace(), pod.labels(), pod.ports(), blocks);
      byKey
          .computeIfAbsent(key, k -> new Shape(pod.namespace(), pod, new ArrayList<>()))
          .pods()
          .add(pod.podEndpoint().toString());
    }
    Map<String, List<Shape>> byNamespace = new LinkedHashMap<>();
    for (Shape shape : byKey.values()) {
      byNamespace.computeIfAbsent(shape.namespace(), n -> new ArrayList<>()).add(shape);
    }
    return byNamespace;
  }

  /**
   * The namespaces whose pods a rule can target: a policy selects in its own namespace (S2); a
   * podSelector-only peer means the policy's namespace, a namespaceSelector the matching ones (S7);
   * empty peers or ipBlocks can reach any namespace (S6, S12).
   */
  private static Set<String> namespaces(
      Topology topology, NetworkPolicy policy, PolicyType direction, Rule rule, Set<String> all) {
    if (direction == PolicyType.Ingress) {
      return Set.of(policy.namespace());
    }
    Set<String> out = new HashSet<>();
    if (rule.peers().isEmpty()) {
      return all;
    }
    for (Peer peer : rule.peers()) {
      if (!(peer instanceof PodPeer p)) {
        return all;
      }
      if (p.namespaceSelector().isEmpty()) {
        out.add(policy.namespace());
      } else {
        for (String ns : all) {
          if (p.namespaceSelector().get().matches(topology.namespaceLabels(ns))) {
            out.add(ns);
          }
        }
      }
    }
    return out;
  }

  /** S10: a named port that a destination the rule can reach does not define. */
  private static void namedPorts(Topology topology, Set<String> out) {
    Map<String, List<Shape>> shapes = null;
    for (NetworkPolicy policy : topology.snapshot.policies()) {
      for (PolicyType direction : PolicyType.values()) {
        List<Rule> rules = policy.rules(direction);
        for (int i = 0; i < rules.size(); i++) {
          Rule rule = rules.get(i);
          for (PortSpec spec : rule.ports()) {
            if (!(spec.port().orElse(null) instanceof PortRef.Name n)) {
              continue;
            }
            if (shapes == null) {
              shapes = shapes(topology);
            }
            List<String> missing = new ArrayList<>();
            List<Shape> candidates = new ArrayList<>();
            Set<String> reachable = namespaces(topology, policy, direction, rule, shapes.keySet());
            // Walk in input order, so that the warning text is deterministic.
            shapes.forEach(
                (ns, inNamespace) -> {
                  if (reachable.contains(ns)) {
                    candidates.addAll(inNamespace);
                  }
                });
            for (Shape shape : candidates) {
              AnalysisPod pod = shape.exemplar();
              boolean target =
                  direction == PolicyType.Ingress
                      ? selects(policy, pod)
                      : rule.peers().isEmpty()
                          || rule.peers().stream().anyMatch(p -> matches(topology, policy, p, pod));
              if (target && !defines(pod, n.name(), spec)) {
                missing.addAll(shape.pods());
              }
            }
            if (!missing.isEmpty()) {
              out.add(
                  String.format(
                      Locale.ROOT,
                      "NetworkPolicy %s %s rule %d: named port %s/%s is not defined on %s, so it"
                          + " matches nothing there (S10)",
                      policy,
                      direction.name().toLowerCase(Locale.ROOT),
                      i,
                      n.name(),
                      spec.protocol(),
                      shown(missing)));
            }
          }
        }
      }
    }
  }

  private static boolean selects(NetworkPolicy policy, AnalysisPod pod) {
    return policy.namespace().equals(pod.namespace()) && policy.podSelector().matches(pod.labels());
  }

  private static boolean matches(
      Topology topology, NetworkPolicy policy, Peer peer, AnalysisPod pod) {
    if (peer instanceof PodPeer p) {
      boolean namespaceOk =
          p.namespaceSelector()
              .map(s -> s.matches(topology.namespaceLabels(pod.namespace())))
              .orElse(pod.namespace().equals(policy.namespace()));
      return namespaceOk && p.podSelector().map(s -> s.matches(pod.labels())).orElse(true);
    }
    return topology.matchersOf(pod.index()).get(topology.matcherIndex.get((IpBlockPeer) peer));
  }

  private static boolean defines(AnalysisPod pod, String name, PortSpec spec) {
    for (ContainerPort cp : pod.ports()) {
      if (cp.name().equals(Optional.of(name)) && cp.protocol() == spec.protocol()) {
        return true;
      }
    }
    return false;
  }

  /**
   * S12: a block that could hold pod addresses never matches pods whose IP is unknown. The pods the
   * policy itself selects are left out when it selects just that one pod (not a workload of several
   * replicas): the block then only sees the pod's traffic to itself, which S11 always allows.
   */
  private static void podsWithoutIp(Topology topology, Set<String> out) {
    if (!topology.options.ipBlocksMatchPodIps()) {
      return;
    }
    List<String> withoutIp = new ArrayList<>();
    int[] positionOfPod = new int[topology.pods.size()];
    List<IpSpace.Address> known = new ArrayList<>();
    Map<String, List<AnalysisPod>> podsByNamespace = new HashMap<>();
    for (AnalysisPod pod : topology.pods) {
      positionOfPod[pod.index()] = pod.ips().isEmpty() ? withoutIp.size() : -1;
      if (pod.ips().isEmpty()) {
        withoutIp.add(pod.podEndpoint().toString());
      }
      known.addAll(pod.ips());
      podsByNamespace.computeIfAbsent(pod.namespace(), n -> new ArrayList<>()).add(pod);
    }
    if (withoutIp.isEmpty()) {
      return;
    }
    Map<String, Boolean> podLikeByCidr = new HashMap<>();
    for (NetworkPolicy policy : topology.snapshot.policies()) {
      List<String> names = null;
      for (PolicyType direction : PolicyType.values()) {
        for (Rule rule : policy.rules(direction)) {
          for (Peer peer : rule.peers()) {
            if (peer instanceof IpBlockPeer block
                && podLikeByCidr.computeIfAbsent(block.cidr(), c -> podLike(c, known))) {
              if (names == null) {
                int self =
                    onlySelected(
                        policy, podsByNamespace.getOrDefault(policy.namespace(), List.of()));
                int skip = self < 0 ? -1 : positionOfPod[self];
                names = skip < 0 ? withoutIp : without(withoutIp, skip);
              }
              if (!names.isEmpty()) {
                out.add(
                    String.format(
                        Locale.ROOT,
                        "NetworkPolicy %s: ipBlock %s could contain pod addresses, but %s have no"
                            + " known IP and are never matched by it (S12)",
                        policy,
                        block.cidr(),
                        shown(names)));
              }
            }
          }
        }
      }
    }
  }

  /**
   * The index of the one pod the policy selects when that pod stands for one pod, else -1: then the
   * block only sees the pod's traffic to itself (S11), and distinct selected pods could meet it.
   */
  private static int onlySelected(NetworkPolicy policy, List<AnalysisPod> podsOfNamespace) {
    AnalysisPod only = null;
    for (AnalysisPod pod : podsOfNamespace) {
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
  private static List<String> without(List<String> names, int skip) {
    return new AbstractList<>() {
      @Override
      public String get(int i) {
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

  /** S15: pods of one owner that differ in labels, ports or the ipBlocks their IPs lie in. */
  private static void differingReplicas(Topology topology, Set<String> out) {
    for (int g = 0; g < topology.groups.size(); g++) {
      int[] members = topology.membersOfGroup[g];
      if (members.length < 2) {
        continue; // one pod cannot differ from itself
      }
      Set<List<Object>> kinds = new HashSet<>();
      for (int p : members) {
        AnalysisPod pod = topology.pods.get(p);
        kinds.add(List.of(pod.labels(), Set.copyOf(pod.ports()), topology.matchersOf(p)));
      }
      if (kinds.size() > 1) {
        List<String> names = new ArrayList<>();
        for (int p : members) {
          names.add(topology.pods.get(p).podEndpoint().toString());
        }
        out.add(
            topology.groups.get(g)
                + ": its pods differ in labels, container ports or matched ipBlocks ("
                + shown(names)
                + "); its connections are the union over its pods (S15)");
      }
    }
  }

  /** At most {@link #SHOWN} names, then how many more: {@code [a, b, c, d, e, ... 2 more]}. */
  private static String shown(List<String> names) {
    if (names.size() <= SHOWN) {
      return names.toString();
    }
    return "["
        + String.join(", ", names.subList(0, SHOWN))
        + ", ... "
        + (names.size() - SHOWN)
        + " more]";
  }
}
