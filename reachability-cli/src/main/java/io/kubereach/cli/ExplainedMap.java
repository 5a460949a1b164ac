package io.kubereach.cli;

import io.kubereach.RangeVerdict;
import io.kubereach.ReachabilityIndex;
import io.kubereach.json.KubereachJson;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code list --explain} (netpol-analyzer's {@code --explain}): for each pair, the ranges of ports
 * with one verdict, allowed or denied, and the policy and rule behind each side; and {@code
 * explain} without {@code -p}, which is the same for one pair.
 */
final class ExplainedMap {
  private ExplainedMap() {}

  static void txt(ReachabilityIndex index, List<Endpoint[]> pairs, String only, PrintWriter out) {
    for (Endpoint[] p : pairs) {
      List<RangeVerdict> parts = filtered(index.explainRanges(p[0], p[1]), only);
      if (parts.isEmpty()) {
        continue;
      }
      out.println(p[0] + " => " + p[1] + ":");
      for (RangeVerdict part : parts) {
        out.println(
            "  "
                + (part.allowed() ? "allowed " : "denied ")
                + part.ports()
                + (part.ambiguous() ? " (ambiguous, T9)" : ""));
        out.println("    " + part.explanation().egress());
        out.println("    " + part.explanation().ingress());
      }
      out.println();
    }
  }

  static void markdown(
      ReachabilityIndex index, List<Endpoint[]> pairs, String only, PrintWriter out) {
    out.println("| source | destination | ports | verdict | egress | ingress |");
    out.println("|---|---|---|---|---|---|");
    for (Endpoint[] p : pairs) {
      for (RangeVerdict part : filtered(index.explainRanges(p[0], p[1]), only)) {
        out.println(
            "| "
                + String.join(
                    " | ",
                    io.kubereach.Tables.markdownCell(p[0].toString()),
                    io.kubereach.Tables.markdownCell(p[1].toString()),
                    io.kubereach.Tables.markdownCell(part.ports().toString()),
                    (part.allowed() ? "allowed" : "denied")
                        + (part.ambiguous() ? " (ambiguous)" : ""),
                    io.kubereach.Tables.markdownCell(part.explanation().egress().toString()),
                    io.kubereach.Tables.markdownCell(part.explanation().ingress().toString()))
                + " |");
      }
    }
  }

  static void json(ReachabilityIndex index, List<Endpoint[]> pairs, String only, PrintWriter out) {
    KubereachJson.explanations(
        index,
        pairs.stream().map(p -> java.util.Map.entry(p[0], p[1])).toList(),
        part -> only == null || part.allowed() == only.equals("allow"),
        out);
  }

  private static List<RangeVerdict> filtered(List<RangeVerdict> parts, String only) {
    if (only == null) {
      return parts;
    }
    boolean allow = only.equals("allow");
    return parts.stream().filter(p -> p.allowed() == allow).toList();
  }

  /** Whether a pair has a policy side at all (two external ends have none). */
  static boolean explainable(Endpoint a, Endpoint b) {
    return !(a instanceof ExternalEndpoint && b instanceof ExternalEndpoint);
  }
}
