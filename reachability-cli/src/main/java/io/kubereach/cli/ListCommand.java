package io.kubereach.cli;

import io.kubereach.Caveat;
import io.kubereach.Connection;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
      arity = "1..*",
      paramLabel = "PATH",
      description = "Manifest files or folders (YAML or JSON, read recursively).")
  List<Path> paths;

  @Option(
      names = {"-o", "--format"},
      defaultValue = "txt",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--focus-workload",
      paramLabel = "NAME",
      description =
          "Only connections to or from this workload: ns/name, name, or ns/name[Kind]."
              + " Repeatable.")
  List<String> focus = List.of();

  @Mixin Inputs inputs;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ReachabilityIndex index = inputs.index(paths, spec);
    requireFocusExists(index);
    List<Connection> connections =
        index.connections().stream()
            .filter(c -> focus.isEmpty() || focused(c.source()) || focused(c.destination()))
            .toList();
    // S13: JSON records carry the caveats of their ends; other formats have no room for them,
    // so each endpoint's caveats go to stderr once.
    Map<Endpoint, List<Caveat>> caveats = new HashMap<>();
    Function<Endpoint, List<Caveat>> caveatsOf =
        e -> e instanceof WorkloadEndpoint ? caveats.computeIfAbsent(e, index::caveats) : List.of();
    if (format != Format.json) {
      connections.stream()
          .flatMap(c -> Stream.of(c.source(), c.destination()))
          .distinct()
          .forEach(
              e ->
                  caveatsOf
                      .apply(e)
                      .forEach(c -> spec.commandLine().getErr().println("warning: " + c)));
    }
    output.write(
        spec.commandLine().getOut(),
        out -> ConnectionsOutput.write(format, connections, caveatsOf, index.limitations(), out));
    return Main.OK;
  }

  /** A focus that names no workload is a typo, not "no connections" (exit 2). */
  private void requireFocusExists(ReachabilityIndex index) {
    for (String f : focus) {
      if (index.endpoints().stream().noneMatch(w -> matches(f, w))) {
        throw new IllegalArgumentException(
            "--focus-workload "
                + f
                + " names no workload; write ns/name, name or ns/name[Kind], e.g. "
                + index.endpoints().stream().findFirst().map(Object::toString).orElse("ns/web"));
      }
    }
  }

  private boolean focused(Endpoint e) {
    return e instanceof WorkloadEndpoint w && focus.stream().anyMatch(f -> matches(f, w));
  }

  private static boolean matches(String focus, WorkloadEndpoint w) {
    return focus.equals(w.toString())
        || focus.equals(w.namespace() + "/" + w.name())
        || (focus.indexOf('/') < 0 && focus.equals(w.name()));
  }
}
