package io.kubereach.cli;

import io.kubereach.Connection;
import io.kubereach.ConnectionChange;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Graphviz for people (docs/cli.md, "Pictures"): workloads as boxes in one cluster per namespace,
 * filled in the namespace's colour, external ranges as grey ellipses, an edge per connection
 * labelled with its ports, a pair that connects both ways on the same ports as one two-headed edge,
 * and a legend. {@code newrank} keeps dot's ranking working on large graphs; {@link #aggregate}
 * draws namespaces instead of workloads for thousands of pods.
 */
final class Dot {
  private Dot() {}

  /** Fill colours, one per namespace in order, repeating. */
  private static final String[] PALETTE = {
    "#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99", "#8dd3c7", "#bebada",
    "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5"
  };

  /** The connections as a graph. */
  static void connections(List<Connection> connections, PrintWriter out) {
    List<Edge> edges = new ArrayList<>();
    connections.forEach(c -> edges.add(new Edge(c.source(), c.destination(), c.ports(), null)));
    write(merged(edges), out, false);
  }

  /** The changes of a diff: added green, removed red, changed orange with before -> after. */
  static void changes(List<ConnectionChange> changes, PrintWriter out) {
    List<Edge> edges = new ArrayList<>();
    for (ConnectionChange c : changes) {
      String color =
          switch (c.kind()) {
            case ADDED -> "#1a9850";
            case REMOVED -> "#d73027";
            case CHANGED -> "#f46d43";
          };
      String label =
          switch (c.kind()) {
            case ADDED -> "+ " + c.after();
            case REMOVED -> "- " + c.before();
            case CHANGED -> c.before() + " -> " + c.after();
          };
      edges.add(new Edge(c.source(), c.destination(), null, color + "|" + label));
    }
    write(edges, out, true);
  }

  /**
   * Connections between namespaces: an edge from namespace A to B holds every port on which some
   * workload of A reaches some workload of B; external ranges become one node, "external".
   */
  static List<Connection> aggregate(List<Connection> connections) {
    Map<String, PortSet> byPair = new TreeMap<>();
    Map<String, Endpoint[]> ends = new LinkedHashMap<>();
    for (Connection c : connections) {
      Endpoint s = namespaceOf(c.source());
      Endpoint d = namespaceOf(c.destination());
      String key = s + " " + d;
      byPair.merge(key, c.ports(), PortSet::union);
      ends.putIfAbsent(key, new Endpoint[] {s, d});
    }
    List<Connection> out = new ArrayList<>();
    byPair.forEach((k, ports) -> out.add(new Connection(ends.get(k)[0], ends.get(k)[1], ports)));
    return out;
  }

  private static Endpoint namespaceOf(Endpoint e) {
    return e instanceof WorkloadEndpoint w
        ? new WorkloadEndpoint(w.namespace(), w.namespace(), "Namespace")
        : Endpoint.parse("0.0.0.0-255.255.255.255[External]");
  }

  /** An edge to draw: ports, or for a diff a colour and label; {@code both} for a two-way pair. */
  private record Edge(Endpoint from, Endpoint to, PortSet ports, String style, boolean both) {
    Edge(Endpoint from, Endpoint to, PortSet ports, String style) {
      this(from, to, ports, style, false);
    }
  }

  /** A pair that connects both ways on the same ports becomes one two-headed edge. */
  private static List<Edge> merged(List<Edge> edges) {
    Map<String, Edge> byPair = new LinkedHashMap<>();
    edges.forEach(e -> byPair.put(e.from() + " " + e.to(), e));
    List<Edge> out = new ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    for (Edge e : edges) {
      String key = e.from() + " " + e.to();
      if (done.contains(key)) {
        continue;
      }
      Edge back = byPair.get(e.to() + " " + e.from());
      if (back != null && back.ports().equals(e.ports()) && !e.from().equals(e.to())) {
        done.add(e.to() + " " + e.from());
        out.add(new Edge(e.from(), e.to(), e.ports(), null, true));
      } else {
        out.add(e);
      }
      done.add(key);
    }
    return out;
  }

  private static void write(List<Edge> edges, PrintWriter out, boolean diff) {
    Map<Endpoint, String> ids = new LinkedHashMap<>();
    for (Edge e : edges) {
      ids.computeIfAbsent(e.from(), x -> "n" + ids.size());
      ids.computeIfAbsent(e.to(), x -> "n" + ids.size());
    }
    Map<String, List<Endpoint>> byNamespace = new TreeMap<>();
    List<Endpoint> external = new ArrayList<>();
    ids.keySet()
        .forEach(
            e -> {
              if (e instanceof WorkloadEndpoint w) {
                byNamespace.computeIfAbsent(w.namespace(), x -> new ArrayList<>()).add(e);
              } else {
                external.add(e);
              }
            });
    Map<String, String> colour = new LinkedHashMap<>();
    int c = 0;
    for (String ns : byNamespace.keySet()) {
      colour.put(ns, PALETTE[c++ % PALETTE.length]);
    }
    out.println("digraph kubereach {");
    out.println("  graph [newrank=true, rankdir=LR, fontname=\"Helvetica\", fontsize=11];");
    out.println(
        "  node [fontname=\"Helvetica\", fontsize=10, style=\"filled,rounded\", shape=box];");
    out.println("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];");
    int cluster = 0;
    for (Map.Entry<String, List<Endpoint>> ns : byNamespace.entrySet()) {
      boolean aggregated =
          ns.getValue().size() == 1
              && ns.getValue().get(0) instanceof WorkloadEndpoint w
              && w.kind().equals("Namespace");
      if (aggregated) {
        Endpoint e = ns.getValue().get(0);
        out.println(
            "  "
                + ids.get(e)
                + " [label="
                + quote(ns.getKey())
                + ", fillcolor=\""
                + colour.get(ns.getKey())
                + "\"];");
        continue;
      }
      out.println("  subgraph cluster_" + cluster++ + " {");
      out.println(
          "    label="
              + quote(ns.getKey())
              + "; style=\"rounded\"; color=\""
              + colour.get(ns.getKey())
              + "\";");
      for (Endpoint e : ns.getValue()) {
        WorkloadEndpoint w = (WorkloadEndpoint) e;
        out.println(
            "    "
                + ids.get(e)
                + " [label="
                + quote(w.name() + "\n" + w.kind())
                + ", fillcolor=\""
                + colour.get(ns.getKey())
                + "\"];");
      }
      out.println("  }");
    }
    for (Endpoint e : external) {
      out.println(
          "  "
              + ids.get(e)
              + " [label="
              + quote(label(e))
              + ", shape=ellipse, fillcolor=\"#eeeeee\"];");
    }
    for (Edge e : edges) {
      String attrs;
      if (e.style() != null) {
        String[] parts = e.style().split("\\|", 2);
        attrs =
            "label="
                + quote(parts[1])
                + ", color=\""
                + parts[0]
                + "\", fontcolor=\""
                + parts[0]
                + "\", penwidth=1.6";
      } else {
        attrs = "label=" + quote(e.ports().toString()) + (e.both() ? ", dir=both" : "");
      }
      out.println("  " + ids.get(e.from()) + " -> " + ids.get(e.to()) + " [" + attrs + "];");
    }
    legend(out, diff);
    out.println("}");
  }

  private static void legend(PrintWriter out, boolean diff) {
    out.println("  subgraph cluster_legend {");
    out.println("    label=\"legend\"; style=\"rounded,dashed\"; color=\"#999999\"; fontsize=9;");
    out.println("    legend_w [label=\"workload\\nkind\", fillcolor=\"#a6cee3\", fontsize=8];");
    out.println(
        "    legend_x [label=\"external range\", shape=ellipse, fillcolor=\"#eeeeee\", fontsize=8];");
    if (diff) {
      out.println("    legend_a [label=\"\", shape=point, width=0.05];");
      out.println(
          "    legend_w -> legend_x [label=\"+ added\", color=\"#1a9850\", fontcolor=\"#1a9850\", fontsize=8];");
      out.println(
          "    legend_x -> legend_a [label=\"- removed / ~ changed\", color=\"#d73027\", fontcolor=\"#d73027\", fontsize=8];");
    } else {
      out.println("    legend_w -> legend_x [label=\"allowed ports\", fontsize=8];");
    }
    out.println("  }");
  }

  private static String label(Endpoint e) {
    return e instanceof ExternalEndpoint x
        ? x.toString().replace("[External]", "\nexternal")
        : e.toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
