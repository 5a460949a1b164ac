package io.kubereach.testing;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterRule;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Node;
import io.kubereach.model.Peer;
import io.kubereach.model.Pod;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Rule;
import io.kubereach.model.Service;
import io.kubereach.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Simple shrinking for failing random clusters: drops policies of both kinds, rules, peers, ports,
 * pods, workloads, Services and nodes one at a time while the failure persists, until no single
 * removal keeps it.
 */
public final class Shrinker {
  private Shrinker() {}

  /** A smallest cluster (by single removals) on which {@code fails} still holds. */
  public static ClusterSnapshot shrink(ClusterSnapshot cluster, Predicate<ClusterSnapshot> fails) {
    ClusterSnapshot current = cluster;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (ClusterSnapshot candidate : smaller(current)) {
        if (safeFails(fails, candidate)) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  private static boolean safeFails(Predicate<ClusterSnapshot> fails, ClusterSnapshot c) {
    try {
      return fails.test(c);
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static List<ClusterSnapshot> smaller(ClusterSnapshot c) {
    List<ClusterSnapshot> out = new ArrayList<>();
    for (NetworkPolicy p : c.policies()) {
      out.add(c.withoutPolicy(p.namespace(), p.name()));
    }
    for (ClusterNetworkPolicy p : c.clusterPolicies()) {
      out.add(c.withoutPolicy(PolicyRef.of(p)));
    }
    for (int i = 0; i < c.pods().size(); i++) {
      List<Pod> pods = new ArrayList<>(c.pods());
      pods.remove(i);
      out.add(copy(c, pods, c.workloads(), c.services(), c.nodes()));
    }
    for (int i = 0; i < c.workloads().size(); i++) {
      List<Workload> ws = new ArrayList<>(c.workloads());
      ws.remove(i);
      out.add(copy(c, c.pods(), ws, c.services(), c.nodes()));
    }
    for (int i = 0; i < c.services().size(); i++) {
      List<Service> ss = new ArrayList<>(c.services());
      ss.remove(i);
      out.add(copy(c, c.pods(), c.workloads(), ss, c.nodes()));
    }
    for (int i = 0; i < c.nodes().size(); i++) {
      List<Node> ns = new ArrayList<>(c.nodes());
      ns.remove(i);
      out.add(copy(c, c.pods(), c.workloads(), c.services(), ns));
    }
    for (NetworkPolicy p : c.policies()) {
      for (List<Rule> ingress : variants(p.ingress())) {
        out.add(c.withPolicy(p.withIngress(ingress)));
      }
      for (List<Rule> egress : variants(p.egress())) {
        out.add(c.withPolicy(p.withEgress(egress)));
      }
    }
    for (ClusterNetworkPolicy p : c.clusterPolicies()) {
      for (PolicyType direction : PolicyType.values()) {
        List<ClusterRule> rules = p.rules(direction);
        for (int i = 0; i < rules.size(); i++) {
          List<ClusterRule> fewer = new ArrayList<>(rules);
          fewer.remove(i);
          out.add(c.withClusterPolicy(p.withRules(direction, fewer)));
        }
      }
    }
    return out;
  }

  private static ClusterSnapshot copy(
      ClusterSnapshot c,
      List<Pod> pods,
      List<Workload> workloads,
      List<Service> services,
      List<Node> nodes) {
    return new ClusterSnapshot(
        c.namespaces(),
        pods,
        workloads,
        services,
        c.policies(),
        c.clusterPolicies(),
        nodes,
        c.limitations());
  }

  /** The rule lists with one rule, one peer or one port less. */
  private static List<List<Rule>> variants(List<Rule> rules) {
    List<List<Rule>> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      List<Rule> fewer = new ArrayList<>(rules);
      fewer.remove(i);
      out.add(fewer);
      Rule r = rules.get(i);
      for (int j = 0; j < r.peers().size(); j++) {
        List<Peer> peers = new ArrayList<>(r.peers());
        peers.remove(j);
        List<Rule> changed = new ArrayList<>(rules);
        changed.set(i, new Rule(peers, r.ports()));
        out.add(changed);
      }
      for (int j = 0; j < r.ports().size(); j++) {
        List<PortSpec> ports = new ArrayList<>(r.ports());
        ports.remove(j);
        List<Rule> changed = new ArrayList<>(rules);
        changed.set(i, new Rule(r.peers(), ports));
        out.add(changed);
      }
    }
    return out;
  }
}
