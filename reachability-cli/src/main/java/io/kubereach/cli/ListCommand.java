package io.kubereach.cli;

import io.kubereach.Caveat;
import io.kubereach.Connection;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubereach list}: every allowed connection. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List every allowed connection between workloads and external IP ranges.",
      "Lines read '<src> => <dst> : <conns>', sorted; self lines and IP-to-IP lines are left out."
    })
final class ListCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description =
          "Manifest files or folders (YAML or JSON, read recursively); none with --cluster.")
  List<Path> paths = new java.util.ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "txt",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--focus-workload",
      split = ",",
      paramLabel = "NAME",
      description =
          "Only connections to or from these workloads: ns/name, name, or ns/name[Kind]."
              + " Comma-separated or repeated.")
  List<String> focus = List.of();

  @Option(
      names = "--focus-workload-peer",
      split = ",",
      paramLabel = "NAME",
      description =
          "With --focus-workload: only connections whose other end is one of these workloads.")
  List<String> focusPeer = List.of();

  @Option(
      names = "--focus-direction",
      paramLabel = "DIR",
      description =
          "With --focus-workload: ingress (connections into the focused workloads) or egress"
              + " (out of them).")
  String focusDirection;

  @Option(
      names = "--focus-conn",
      paramLabel = "CONN",
      description =
          "Only connections allowing this port, shown as that port: tcp-5432, TCP/5432 or"
              + " udp-53.")
  String focusConn;

  @Option(
      names = "--aggregate",
      paramLabel = "LEVEL",
      description =
          "namespace: one node per namespace, an edge holding every port between them (for"
              + " pictures of large clusters).")
  String aggregate;

  @Option(
      names = "--explain",
      description =
          "For each pair, the allowed and the denied ports, with the policy and rule behind each"
              + " side (txt, md or json). With --focus-workload, every pair touching the focused"
              + " workloads, including those with nothing allowed.")
  boolean explain;

  @Option(
      names = "--explain-only",
      paramLabel = "allow|deny",
      description = "With --explain: only the allowed, or only the denied, ports.")
  String explainOnly;

  @Option(
      names = "--exposure",
      description =
          "Who the policies let in or out beyond the manifests (namespace selectors that would"
              + " match namespaces the input does not hold), and the workloads no policy protects.")
  boolean exposure;

  @Mixin Inputs inputs;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Inputs.Loaded loaded = inputs.loaded(paths, spec);
    ReachabilityIndex index = loaded.index();
    requireFocusExists(index, focus, "--focus-workload");
    requireFocusExists(index, focusPeer, "--focus-workload-peer");
    if ((!focusPeer.isEmpty() || focusDirection != null) && focus.isEmpty()) {
      throw new IllegalArgumentException(
          "--focus-workload-peer and --focus-direction need --focus-workload");
    }
    if (focusDirection != null
        && !focusDirection.equals("ingress")
        && !focusDirection.equals("egress")) {
      throw new IllegalArgumentException(
          "--focus-direction is ingress or egress, not '" + focusDirection + "'");
    }
    Optional<io.kubereach.model.Port> conn = Optional.ofNullable(focusConn).map(ListCommand::conn);
    long listing = System.nanoTime();
    List<Connection> all = index.connections();
    if (inputs.verbose) {
      spec.commandLine()
          .getErr()
          .println(
              String.format(
                  java.util.Locale.ROOT,
                  "phase list: %,d connections in %,d ms",
                  all.size(),
                  (System.nanoTime() - listing) / 1_000_000));
    }
    List<Connection> connections =
        all.stream()
            .filter(this::focused)
            .flatMap(
                c ->
                    conn.map(
                            p ->
                                c.ports().contains(p)
                                    ? Stream.of(
                                        new Connection(
                                            c.source(),
                                            c.destination(),
                                            io.kubereach.model.PortSet.of(
                                                io.kubereach.model.PortRange.of(p))))
                                    : Stream.<Connection>empty())
                        .orElse(Stream.of(c)))
            .toList();
    if (aggregate != null && !aggregate.equals("namespace")) {
      throw new IllegalArgumentException("--aggregate takes namespace, not '" + aggregate + "'");
    }
    List<Connection> shown = aggregate == null ? connections : Dot.aggregate(connections);
    // S13: JSON records carry the caveats of their ends; other formats have no room for them,
    // so each endpoint's caveats go to stderr once.
    Map<Endpoint, List<Caveat>> caveats = new HashMap<>();
    Function<Endpoint, List<Caveat>> caveatsOf =
        e ->
            e instanceof WorkloadEndpoint && aggregate == null
                ? caveats.computeIfAbsent(e, index::caveats)
                : List.of();
    if (format != Format.json) {
      shown.stream()
          .flatMap(c -> Stream.of(c.source(), c.destination()))
          .distinct()
          .forEach(
              e ->
                  caveatsOf
                      .apply(e)
                      .forEach(c -> spec.commandLine().getErr().println("warning: " + c)));
    }
    if (exposure) {
      output.write(spec.commandLine().getOut(), out -> Exposure.write(index, out));
      return Main.answered(index, Main.OK);
    }
    if (explainOnly != null && !explainOnly.equals("allow") && !explainOnly.equals("deny")) {
      throw new IllegalArgumentException(
          "--explain-only is allow or deny, not '" + explainOnly + "'");
    }
    if (explain || explainOnly != null) {
      List<Endpoint[]> pairs = new ArrayList<>();
      if (focus.isEmpty()) {
        shown.forEach(c -> pairs.add(new Endpoint[] {c.source(), c.destination()}));
      } else {
        for (WorkloadEndpoint a : index.endpoints()) {
          for (WorkloadEndpoint b : index.endpoints()) {
            if (!a.equals(b) && focused(new Connection(a, b, io.kubereach.model.PortSet.all()))) {
              pairs.add(new Endpoint[] {a, b});
            }
          }
        }
      }
      output.write(
          spec.commandLine().getOut(),
          out -> {
            switch (format) {
              case json -> ExplainedMap.json(index, pairs, explainOnly, out);
              case md -> ExplainedMap.markdown(index, pairs, explainOnly, out);
              case txt -> ExplainedMap.txt(index, pairs, explainOnly, out);
              default ->
                  throw new IllegalArgumentException(
                      "--explain writes txt, md or json, not " + format);
            }
          });
      return Main.answered(index, Main.OK);
    }
    if (format == Format.html) {
      List<String> warnings = new ArrayList<>();
      loaded.result().warnings().forEach(w -> warnings.add(w.toString()));
      index.warnings().forEach(w -> warnings.add(w.message()));
      output.write(
          spec.commandLine().getOut(),
          out ->
              HtmlReport.connections(
                  "Connections of " + inputs.describe(paths),
                  index,
                  shown,
                  warnings,
                  index.limitations(),
                  out));
      return Main.answered(index, Main.OK);
    }
    output.write(
        spec.commandLine().getOut(),
        out -> ConnectionsOutput.write(format, shown, caveatsOf, index.limitations(), out));
    return Main.answered(index, Main.OK);
  }

  /** A focus that names no workload is a typo, not "no connections" (exit 2). */
  private static void requireFocusExists(ReachabilityIndex index, List<String> names, String flag) {
    for (String f : names) {
      if (index.endpoints().stream().noneMatch(w -> matches(f, w))) {
        throw new IllegalArgumentException(
            flag
                + " "
                + f
                + " names no workload; write ns/name, name or ns/name[Kind], e.g. "
                + index.endpoints().stream().findFirst().map(Object::toString).orElse("ns/web"));
      }
    }
  }

  /** Whether a connection passes the workload, peer and direction focus. */
  private boolean focused(Connection c) {
    if (focus.isEmpty()) {
      return true;
    }
    boolean out = in(focus, c.source()) && (focusPeer.isEmpty() || in(focusPeer, c.destination()));
    boolean into = in(focus, c.destination()) && (focusPeer.isEmpty() || in(focusPeer, c.source()));
    if ("egress".equals(focusDirection)) {
      return out;
    }
    if ("ingress".equals(focusDirection)) {
      return into;
    }
    return out || into;
  }

  private static boolean in(List<String> names, Endpoint e) {
    return e instanceof WorkloadEndpoint w && names.stream().anyMatch(f -> matches(f, w));
  }

  /** {@code tcp-5432}, {@code TCP/5432} or {@code udp 53}. */
  static io.kubereach.model.Port conn(String text) {
    String[] parts = text.trim().split("[-/ ]", 2);
    if (parts.length != 2 || !Destination.isNumber(parts[1])) {
      throw new IllegalArgumentException(
          "--focus-conn is protocol and port, e.g. tcp-5432 or TCP/5432; got '" + text + "'");
    }
    return new io.kubereach.model.Port(
        io.kubereach.model.Protocol.parse(parts[0]), Integer.parseInt(parts[1]));
  }

  private static boolean matches(String focus, WorkloadEndpoint w) {
    return focus.equals(w.toString())
        || focus.equals(w.namespace() + "/" + w.name())
        || (focus.indexOf('/') < 0 && focus.equals(w.name()));
  }
}
