package io.kubereach.cli;

import io.kubereach.Finding;
import io.kubereach.MemberPod;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.VerifyOptions;
import io.kubereach.model.LabelSelector;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Peer;
import io.kubereach.model.PodPeer;
import io.kubereach.model.PortSpec;
import io.kubereach.model.Rule;
import io.kubereach.model.WorkloadEndpoint;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code list --exposure} (netpol-analyzer's {@code --exposure}): who a policy lets in (or out)
 * beyond the manifests — pods of namespaces the input does not hold but that would match a rule's
 * namespace selector ({@code [all namespaces]}, {@code [namespace with {team=x}]/[pod with
 * {app=y}]}) — and the workloads no policy of any tier protects, per direction.
 */
final class Exposure {
  private Exposure() {}

  static void write(ReachabilityIndex index, PrintWriter out) {
    List<String> lines = new ArrayList<>();
    for (NetworkPolicy p : index.snapshot().policies()) {
      List<WorkloadEndpoint> subjects = subjects(index, p);
      if (subjects.isEmpty()) {
        continue;
      }
      for (io.kubereach.model.PolicyType d : io.kubereach.model.PolicyType.values()) {
        if (!p.affects(d)) {
          continue;
        }
        List<Rule> rules = d == io.kubereach.model.PolicyType.Ingress ? p.ingress() : p.egress();
        for (int r = 0; r < rules.size(); r++) {
          for (String who : beyond(rules.get(r))) {
            String ports = ports(rules.get(r));
            for (WorkloadEndpoint e : subjects) {
              lines.add(
                  (d == io.kubereach.model.PolicyType.Ingress ? who + " => " + e : e + " => " + who)
                      + " : "
                      + ports
                      + "  ("
                      + p.namespace()
                      + "/"
                      + p.name()
                      + " "
                      + d.name().toLowerCase(Locale.ROOT)
                      + " rule "
                      + r
                      + ")");
            }
          }
        }
      }
    }
    out.println("exposure beyond the manifests:");
    if (lines.isEmpty()) {
      out.println("  none: every rule names only namespaces and pods the input holds");
    }
    lines.stream().sorted().distinct().forEach(l -> out.println("  " + l));
    for (String check : List.of("unprotected-ingress", "unprotected-egress")) {
      List<Finding> open =
          Reachability.verify(index, VerifyOptions.defaults().only(check)).findings();
      out.println(
          "no policy protects ("
              + check.substring("unprotected-".length())
              + "): "
              + (open.isEmpty()
                  ? "none"
                  : String.join(", ", open.stream().map(Finding::subject).toList())));
    }
  }

  private static List<WorkloadEndpoint> subjects(ReachabilityIndex index, NetworkPolicy p) {
    List<WorkloadEndpoint> out = new ArrayList<>();
    for (WorkloadEndpoint e : index.endpoints()) {
      if (!e.namespace().equals(p.namespace())) {
        continue;
      }
      for (MemberPod m : index.members(e)) {
        if (p.podSelector().matches(m.labels())) {
          out.add(e);
          break;
        }
      }
    }
    return out;
  }

  /** The peers of a rule that reach beyond the input: namespace selectors, and no peers at all. */
  private static List<String> beyond(Rule rule) {
    List<String> out = new ArrayList<>();
    if (rule.peers().isEmpty()) {
      out.add("[entire cluster and every address]");
    }
    for (Peer peer : rule.peers()) {
      if (peer instanceof PodPeer pp && pp.namespaceSelector().isPresent()) {
        LabelSelector ns = pp.namespaceSelector().get();
        if (namesOneNamespace(ns)) {
          continue; // kubernetes.io/metadata.name pins the namespace: nothing beyond it
        }
        String namespaces = ns.isEmpty() ? "[all namespaces]" : "[namespace with {" + ns + "}]";
        String pods =
            pp.podSelector().map(s -> s.isEmpty() ? "" : "/[pod with {" + s + "}]").orElse("");
        out.add(namespaces + pods);
      }
    }
    return out;
  }

  private static boolean namesOneNamespace(LabelSelector s) {
    return s.matchExpressions().isEmpty()
        && s.matchLabels().size() == 1
        && s.matchLabels().containsKey(io.kubereach.model.Namespace.NAME_LABEL);
  }

  private static String ports(Rule rule) {
    return rule.ports().isEmpty()
        ? "All Connections"
        : String.join(",", rule.ports().stream().map(PortSpec::toString).toList());
  }
}
