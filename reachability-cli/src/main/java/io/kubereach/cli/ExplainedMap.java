package io.kubereach.cli;

import io.kubereach.Explanation;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JsonGenerator;

/**
 * {@code list --explain} (netpol-analyzer's {@code --explain}): for each pair, the ranges of ports
 * with one verdict, allowed or denied, and the policy and rule behind each side; and {@code
 * explain} without {@code -p}, which is the same for one pair.
 */
final class ExplainedMap {
  private ExplainedMap() {}

  /** One range of ports with one verdict, and why. */
  record Part(PortRange ports, boolean allowed, boolean ambiguous, Explanation why) {}

  /** The ranges of one pair, in protocol and port order, split where the verdict or T9 changes. */
  static List<Part> parts(ReachabilityIndex index, Endpoint src, Endpoint dst) {
    PortSet allowed = index.allowed(src, dst);
    PortSet ambiguous = index.ambiguous(src, dst);
    PortSet denied = PortSet.all().difference(allowed);
    List<Part> out = new ArrayList<>();
    Stream.of(
            allowed.difference(ambiguous),
            allowed.intersection(ambiguous),
            denied.difference(ambiguous),
            denied.intersection(ambiguous))
        .flatMap(p -> p.ranges().stream())
        .sorted(Comparator.comparing(PortRange::protocol).thenComparingInt(PortRange::first))
        .forEach(
            r ->
                out.add(
                    new Part(
                        r,
                        allowed.contains(r.firstPort()),
                        ambiguous.contains(r.firstPort()),
                        index.explain(src, dst, r.firstPort()))));
    return out;
  }

  static void txt(ReachabilityIndex index, List<Endpoint[]> pairs, String only, PrintWriter out) {
    for (Endpoint[] p : pairs) {
      List<Part> parts = filtered(parts(index, p[0], p[1]), only);
      if (parts.isEmpty()) {
        continue;
      }
      out.println(p[0] + " => " + p[1] + ":");
      for (Part part : parts) {
        out.println(
            "  "
                + (part.allowed() ? "allowed " : "denied ")
                + part.ports()
                + (part.ambiguous() ? " (ambiguous, T9)" : ""));
        out.println("    " + part.why().egress());
        out.println("    " + part.why().ingress());
      }
      out.println();
    }
  }

  static void markdown(
      ReachabilityIndex index, List<Endpoint[]> pairs, String only, PrintWriter out) {
    out.println("| source | destination | ports | verdict | egress | ingress |");
    out.println("|---|---|---|---|---|---|");
    for (Endpoint[] p : pairs) {
      for (Part part : filtered(parts(index, p[0], p[1]), only)) {
        out.println(
            "| "
                + String.join(
                    " | ",
                    io.kubereach.Tables.markdownCell(p[0].toString()),
                    io.kubereach.Tables.markdownCell(p[1].toString()),
                    io.kubereach.Tables.markdownCell(part.ports().toString()),
                    (part.allowed() ? "allowed" : "denied")
                        + (part.ambiguous() ? " (ambiguous)" : ""),
                    io.kubereach.Tables.markdownCell(part.why().egress().toString()),
                    io.kubereach.Tables.markdownCell(part.why().ingress().toString()))
                + " |");
      }
    }
  }

  static void json(ReachabilityIndex index, List<Endpoint[]> pairs, String only, PrintWriter out) {
    try (JsonGenerator g = JsonOutput.generator(out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", JsonOutput.SCHEMA_VERSION);
      JsonOutput.completeness(g, index.limitations().isEmpty(), index.limitations());
      g.writeName("pairs");
      g.writeStartArray();
      for (Endpoint[] p : pairs) {
        List<Part> parts = filtered(parts(index, p[0], p[1]), only);
        if (parts.isEmpty()) {
          continue;
        }
        g.flush();
        out.write('\n');
        g.writeStartObject();
        JsonOutput.endpoint(g, "source", p[0]);
        JsonOutput.endpoint(g, "destination", p[1]);
        g.writeName("ranges");
        g.writeStartArray();
        for (Part part : parts) {
          g.writeStartObject();
          JsonOutput.ports(g, "ports", PortSet.of(part.ports()));
          g.writeBooleanProperty("allowed", part.allowed());
          g.writeBooleanProperty("ambiguous", part.ambiguous());
          JsonOutput.explanation(g, "explanation", part.why());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static List<Part> filtered(List<Part> parts, String only) {
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
