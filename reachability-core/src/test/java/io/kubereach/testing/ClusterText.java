package io.kubereach.testing;

import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Pod;
import io.kubereach.model.Rule;
import io.kubereach.model.Workload;
import java.util.List;

/** Prints a cluster as readable YAML-like text, for failure reports of property tests. */
public final class ClusterText {
  private ClusterText() {}

  /** The cluster as YAML-like text. */
  public static String yaml(ClusterSnapshot c) {
    StringBuilder sb = new StringBuilder();
    sb.append("namespaces:\n");
    for (Namespace n : c.namespaces()) {
      sb.append("  - ").append(n.name()).append(" ").append(n.labels()).append('\n');
    }
    sb.append("pods:\n");
    for (Pod p : c.pods()) {
      sb.append("  - ").append(p).append(" labels ").append(p.labels());
      sb.append(" ports ").append(p.ports()).append(" ips ").append(p.ips());
      p.owner().ifPresent(o -> sb.append(" owner ").append(o));
      if (p.hostNetwork()) {
        sb.append(" hostNetwork");
      }
      sb.append('\n');
    }
    sb.append("workloads:\n");
    for (Workload w : c.workloads()) {
      sb.append("  - ").append(w).append(" labels ").append(w.templateLabels());
      sb.append(" ports ").append(w.templatePorts()).append('\n');
    }
    sb.append("policies:\n");
    for (NetworkPolicy p : c.policies()) {
      sb.append("  - name: ").append(p).append('\n');
      sb.append("    podSelector: ").append(p.podSelector()).append('\n');
      sb.append("    policyTypes: ").append(p.policyTypes()).append('\n');
      rules(sb, "ingress", p.ingress());
      rules(sb, "egress", p.egress());
    }
    return sb.toString();
  }

  private static void rules(StringBuilder sb, String what, List<Rule> rules) {
    sb.append("    ").append(what).append(":").append(rules.isEmpty() ? " []\n" : "\n");
    for (Rule r : rules) {
      sb.append("      - peers: ").append(r.peers().isEmpty() ? "all" : r.peers()).append('\n');
      sb.append("        ports: ").append(r.ports().isEmpty() ? "all" : r.ports()).append('\n');
    }
  }
}
