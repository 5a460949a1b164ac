package io.kubereach.reference;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.kubereach.AnalysisOptions;
import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterPeer;
import io.kubereach.model.ClusterPort;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Namespace;
import io.kubereach.model.Node;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortSet;
import io.kubereach.model.Tier;
import io.kubereach.model.TierAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference's tier chain (T1–T10 in docs/semantics.md), written from the model records alone:
 * the Admin tier's first matching rules, the NetworkPolicy tier's answer when it isolates the pod,
 * else the Baseline tier's, else allow; for policies of one tier and priority, every order of them
 * (T9), so that the oracle knows every answer an implementation may give.
 */
final class ReferenceTiers {
  private final ClusterSnapshot snapshot;
  private final AnalysisOptions options;

  ReferenceTiers(ClusterSnapshot snapshot, AnalysisOptions options) {
    this.snapshot = snapshot;
    this.options = options;
  }

  /**
   * The answers of one side under every order of same-priority policies, the order by name first;
   * {@code networkPolicies} is the NetworkPolicy tier's answer, empty when no NetworkPolicy
   * isolates the subject (T4).
   */
  List<PortSet> side(
      PolicyType direction,
      RefPod subject,
      End peer,
      End destination,
      Optional<PortSet> networkPolicies) {
    List<List<ClusterNetworkPolicy>> adminOrders = orders(Tier.Admin, direction, subject);
    List<List<ClusterNetworkPolicy>> baselineOrders =
        networkPolicies.isPresent()
            ? List.of(List.of())
            : orders(Tier.Baseline, direction, subject);
    List<PortSet> out = new ArrayList<>();
    for (List<ClusterNetworkPolicy> admin : adminOrders) {
      PortSet[] a = firstMatch(admin, direction, peer, destination);
      PortSet rest = PortSet.all().difference(a[0]).difference(a[1]);
      for (List<ClusterNetworkPolicy> baseline : baselineOrders) {
        PortSet next =
            networkPolicies.orElseGet(
                () ->
                    PortSet.all()
                        .difference(firstMatch(baseline, direction, peer, destination)[1]));
        PortSet answer = a[0].union(rest.intersection(next));
        if (!out.contains(answer)) {
          out.add(answer);
        }
      }
    }
    return out;
  }

  /**
   * T2, T9: the policies of a tier that select the subject and have rules for the direction, in
   * every order that keeps priorities ascending; the first keeps ties in name order.
   */
  private List<List<ClusterNetworkPolicy>> orders(Tier tier, PolicyType direction, RefPod subject) {
    List<ClusterNetworkPolicy> selecting = new ArrayList<>();
    for (ClusterNetworkPolicy p : snapshot.clusterPolicies()) {
      if (p.tier() == tier && !p.rules(direction).isEmpty() && selects(p.subject(), subject)) {
        selecting.add(p);
      }
    }
    selecting.sort(
        Comparator.comparingInt(ClusterNetworkPolicy::priority)
            .thenComparing(ClusterNetworkPolicy::name)
            .thenComparing(ClusterNetworkPolicy::kind));
    List<List<ClusterNetworkPolicy>> out = List.of(List.of());
    int i = 0;
    while (i < selecting.size()) {
      int j = i;
      while (j < selecting.size() && selecting.get(j).priority() == selecting.get(i).priority()) {
        j++;
      }
      List<List<ClusterNetworkPolicy>> level = permutations(selecting.subList(i, j));
      List<List<ClusterNetworkPolicy>> longer = new ArrayList<>();
      for (List<ClusterNetworkPolicy> prefix : out) {
        for (List<ClusterNetworkPolicy> tail : level) {
          List<ClusterNetworkPolicy> order = new ArrayList<>(prefix);
          order.addAll(tail);
          longer.add(order);
        }
      }
      out = longer;
      i = j;
    }
    return out;
  }

  private static List<List<ClusterNetworkPolicy>> permutations(List<ClusterNetworkPolicy> items) {
    if (items.size() <= 1) {
      return List.of(List.copyOf(items));
    }
    List<List<ClusterNetworkPolicy>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<ClusterNetworkPolicy> rest = new ArrayList<>(items);
      ClusterNetworkPolicy first = rest.remove(i);
      for (List<ClusterNetworkPolicy> tail : permutations(rest)) {
        List<ClusterNetworkPolicy> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        out.add(order);
      }
    }
    return out;
  }

  /**
   * T2, T3, T10: the ports the first matching rules accept ([0]) and deny ([1]) for the peer: a
   * rule decides the ports of its that no earlier rule matched.
   */
  private PortSet[] firstMatch(
      List<ClusterNetworkPolicy> order, PolicyType direction, End peer, End destination) {
    PortSet decided = PortSet.none();
    PortSet accepted = PortSet.none();
    PortSet denied = PortSet.none();
    for (ClusterNetworkPolicy policy : order) {
      for (ClusterRule rule : policy.rules(direction)) {
        boolean unknown = rule.peers().stream().anyMatch(p -> p instanceof ClusterPeer.Unknown);
        TierAction action = rule.action();
        PortSet ports;
        if (unknown && action != TierAction.Accept) {
          action = TierAction.Deny; // T10: fails closed, denying everything
          ports = PortSet.all();
        } else if (rule.peers().stream().anyMatch(p -> matches(p, peer))) {
          ports = ports(rule, destination);
        } else {
          continue;
        }
        PortSet fresh = ports.difference(decided);
        if (action == TierAction.Accept) {
          accepted = accepted.union(fresh);
        } else if (action == TierAction.Deny) {
          denied = denied.union(fresh);
        }
        decided = decided.union(ports);
      }
    }
    return new PortSet[] {accepted, denied};
  }

  /** T5: a subject or pod peer selects pods of matching namespaces, never hostNetwork pods. */
  private boolean selects(ClusterPeer peer, RefPod pod) {
    if (pod.hostNetwork()) {
      return false;
    }
    if (peer instanceof ClusterPeer.Namespaces n) {
      return n.namespaces().matches(namespaceLabels(pod.namespace()));
    }
    if (peer instanceof ClusterPeer.Pods p) {
      return p.namespaces().matches(namespaceLabels(pod.namespace()))
          && p.pods().matches(pod.labels());
    }
    return false;
  }

  /** T6, T8: whether a peer of a rule matches the other end. */
  private boolean matches(ClusterPeer peer, End end) {
    if (end.pod().isPresent()) {
      RefPod pod = end.pod().get();
      if (peer.selectsPods()) {
        return selects(peer, pod);
      }
      if (!options.ipBlocksMatchPodIps()) {
        return false;
      }
      Optional<IPAddress> first =
          pod.ips().stream()
              .filter(IPAddress::isIPv4)
              .findFirst()
              .or(() -> pod.ips().stream().findFirst());
      if (first.isEmpty()) {
        // T8: a pod without a known IP counts as IPv4; only 0.0.0.0/0 surely holds it.
        return peer instanceof ClusterPeer.Networks n && n.cidrs().contains("0.0.0.0/0");
      }
      return holds(peer, first.get());
    }
    return holds(peer, end.address().orElseThrow());
  }

  /** Whether a networks or nodes peer holds an address. */
  private boolean holds(ClusterPeer peer, IPAddress address) {
    if (peer instanceof ClusterPeer.Networks n) {
      for (String cidr : n.cidrs()) {
        if (new IPAddressString(cidr).getAddress().toPrefixBlock().contains(address)) {
          return true;
        }
      }
      return false;
    }
    if (peer instanceof ClusterPeer.Nodes n) {
      for (Node node : snapshot.nodes()) {
        if (n.nodes().matches(node.labels())) {
          for (String a : node.addresses()) {
            if (new IPAddressString(a).getAddress().equals(address)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /**
   * T7: a rule's ports toward the destination; a named port takes its container port's protocol.
   */
  private static PortSet ports(ClusterRule rule, End destination) {
    if (rule.ports().isEmpty()) {
      return PortSet.all();
    }
    List<PortRange> ranges = new ArrayList<>();
    for (ClusterPort p : rule.ports()) {
      if (p instanceof ClusterPort.Numbers n) {
        ranges.add(n.range());
      } else {
        String name = ((ClusterPort.Named) p).name();
        for (ContainerPort cp : destination.pod().map(RefPod::ports).orElse(List.of())) {
          if (cp.name().equals(Optional.of(name))) {
            ranges.add(new PortRange(cp.protocol(), cp.number(), cp.number()));
          }
        }
      }
    }
    return PortSet.of(ranges);
  }

  private Map<String, String> namespaceLabels(String namespace) {
    return snapshot
        .namespace(namespace)
        .map(Namespace::labels)
        .orElse(Map.of(Namespace.NAME_LABEL, namespace));
  }

  /** The CIDRs of tiered networks peers and the addresses of the nodes nodes peers match. */
  List<String> addressSets() {
    List<String> out = new ArrayList<>();
    for (ClusterNetworkPolicy policy : snapshot.clusterPolicies()) {
      for (ClusterRule rule : policy.egress()) {
        for (ClusterPeer peer : rule.peers()) {
          if (peer instanceof ClusterPeer.Networks n) {
            out.addAll(n.cidrs());
          } else if (peer instanceof ClusterPeer.Nodes n) {
            for (Node node : snapshot.nodes()) {
              if (n.nodes().matches(node.labels())) {
                node.addresses().forEach(a -> out.add(a + (a.contains(":") ? "/128" : "/32")));
              }
            }
          }
        }
      }
    }
    return out;
  }
}
