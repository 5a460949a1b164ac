package io.kubereach.cli;

import io.kubereach.Connection;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
    ReachabilityIndex index = inputs.index(paths, spec.commandLine().getErr());
    List<Connection> connections =
        index.connections().stream()
            .filter(c -> focus.isEmpty() || focused(c.source()) || focused(c.destination()))
            .toList();
    output.write(
        spec.commandLine().getOut(), out -> ConnectionsOutput.write(format, connections, out));
    return Main.OK;
  }

  private boolean focused(Endpoint e) {
    if (!(e instanceof WorkloadEndpoint w)) {
      return false;
    }
    for (String f : focus) {
      if (f.equals(w.toString())
          || f.equals(w.namespace() + "/" + w.name())
          || (f.indexOf('/') < 0 && f.equals(w.name()))) {
        return true;
      }
    }
    return false;
  }
}
