package io.kubereach.cli;

import io.kubereach.Caveat;
import io.kubereach.Connection;
import io.kubereach.Tables;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Limitation;
import io.kubereach.model.WorkloadEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import tools.jackson.core.JsonGenerator;

/** Renders a list of connections in each {@link Format}. */
final class ConnectionsOutput {
  private ConnectionsOutput() {}

  /**
   * Writes {@code connections}; {@code caveats} gives each endpoint's caveats (S13), which the JSON
   * records carry; {@code limitations} say why the list is incomplete, which JSON carries and the
   * other formats leave to the stderr notice, keeping their grammar.
   */
  static void write(
      Format format,
      List<Connection> connections,
      Function<Endpoint, List<Caveat>> caveats,
      List<Limitation> limitations,
      PrintWriter out) {
    switch (format) {
      case txt -> connections.forEach(out::println);
      case json -> json(connections, caveats, limitations, out);
      case csv -> csv(connections, out);
      case md -> markdown(connections, out);
      case dot -> dot(connections, out);
    }
  }

  private static void json(
      List<Connection> connections,
      Function<Endpoint, List<Caveat>> caveats,
      List<Limitation> limitations,
      PrintWriter out) {
    try (JsonGenerator g = JsonOutput.generator(out)) {
      g.writeStartObject();
      JsonOutput.completeness(g, limitations.isEmpty(), limitations);
      g.writeNumberProperty("count", connections.size());
      g.writeName("connections");
      g.writeStartArray();
      for (Connection c : connections) {
        g.flush();
        out.write('\n');
        g.writeStartObject();
        JsonOutput.endpoint(g, "source", c.source());
        JsonOutput.endpoint(g, "destination", c.destination());
        JsonOutput.ports(g, "ports", c.ports());
        JsonOutput.caveats(
            g,
            "caveats",
            Stream.concat(
                    caveats.apply(c.source()).stream(), caveats.apply(c.destination()).stream())
                .distinct()
                .toList());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void csv(List<Connection> connections, PrintWriter out) {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader("source", "destination", "connections").get();
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      for (Connection c : connections) {
        printer.printRecord(c.source(), c.destination(), c.ports());
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void markdown(List<Connection> connections, PrintWriter out) {
    out.println("| source | destination | connections |");
    out.println("|---|---|---|");
    for (Connection c : connections) {
      out.println(
          "| "
              + Tables.markdownCell(c.source().toString())
              + " | "
              + Tables.markdownCell(c.destination().toString())
              + " | "
              + Tables.markdownCell(c.ports().toString())
              + " |");
    }
  }

  /**
   * Writes the graph with JGraphT's DOT exporter and then groups the nodes of each namespace into a
   * {@code cluster_} subgraph, which the exporter cannot express.
   */
  private static void dot(List<Connection> connections, PrintWriter out) {
    Graph<Endpoint, Connection> graph = new DirectedMultigraph<>(null, null, false);
    Map<Endpoint, String> ids = new LinkedHashMap<>();
    for (Connection c : connections) {
      for (Endpoint e : List.of(c.source(), c.destination())) {
        if (graph.addVertex(e)) {
          ids.put(e, "n" + ids.size());
        }
      }
      graph.addEdge(c.source(), c.destination(), c);
    }
    DOTExporter<Endpoint, Connection> exporter = new DOTExporter<>(ids::get);
    exporter.setGraphIdProvider(() -> "kubereach");
    exporter.setVertexAttributeProvider(ConnectionsOutput::nodeAttributes);
    exporter.setEdgeAttributeProvider(
        e ->
            Map.<String, Attribute>of(
                "label", DefaultAttribute.createAttribute(e.ports().toString())));
    StringWriter body = new StringWriter();
    exporter.exportGraph(graph, body);
    String text = body.toString();
    int end = text.lastIndexOf('}');
    out.print(text.substring(0, end));
    Map<String, TreeSet<String>> byNamespace = new TreeMap<>();
    ids.forEach(
        (e, id) -> {
          if (e instanceof WorkloadEndpoint w) {
            byNamespace.computeIfAbsent(w.namespace(), ns -> new TreeSet<>()).add(id);
          }
        });
    int i = 0;
    for (Map.Entry<String, TreeSet<String>> ns : byNamespace.entrySet()) {
      out.println("  subgraph cluster_" + i++ + " {");
      out.println("    label=\"" + ns.getKey().replace("\"", "\\\"") + "\";");
      ns.getValue().forEach(id -> out.println("    " + id + ";"));
      out.println("  }");
    }
    out.println("}");
  }

  /** Label and shape, in a fixed order so that the output is byte-for-byte repeatable. */
  private static Map<String, Attribute> nodeAttributes(Endpoint v) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    attributes.put(
        "label",
        DefaultAttribute.createAttribute(
            v instanceof WorkloadEndpoint w ? w.name() + "[" + w.kind() + "]" : v.toString()));
    attributes.put(
        "shape",
        DefaultAttribute.createAttribute(v instanceof WorkloadEndpoint ? "box" : "ellipse"));
    return attributes;
  }
}
