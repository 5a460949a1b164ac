package io.kubereach.cli;

import io.kubereach.Caveat;
import io.kubereach.Connection;
import io.kubereach.Tables;
import io.kubereach.json.KubereachJson;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Limitation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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
      case json -> KubereachJson.connections(connections, caveats, limitations, out);
      case csv -> csv(connections, out);
      case md -> markdown(connections, out);
      case dot -> Dot.connections(connections, out);
      case svg -> Graphviz.svg(w -> Dot.connections(connections, w), out);
      case html ->
          throw new IllegalStateException("html is written by the command, with its index");
    }
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
}
