package io.kubereach.cli;

import io.kubereach.ReachabilityIndex;
import io.kubereach.Verdict;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

/** {@code kubereach eval}: can SRC reach DST on PORT? */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Decide whether SRC can reach DST on one port.",
      "Exit code 0 when allowed, 1 when denied, 2 for bad input or an unknown endpoint,"
          + " 4 when answered but incomplete (see stderr)."
    })
final class EvalCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Manifest files or folders.")
  List<Path> paths;

  @Mixin PairOptions pair;

  @Option(
      names = {"-p", "--port"},
      required = true,
      paramLabel = "PORT",
      description = "Destination port number, 1..65535.")
  int port;

  @Option(
      names = {"-o", "--format"},
      defaultValue = "txt",
      paramLabel = "FORMAT",
      description = "txt or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin Inputs inputs;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!format.equals("txt") && !format.equals("json")) {
      throw new IllegalArgumentException("eval writes txt or json, not '" + format + "'");
    }
    ReachabilityIndex index = inputs.index(paths, spec);
    Endpoint src = index.resolve(pair.source);
    Endpoint dst = index.resolve(pair.destination);
    Verdict v = index.check(src, dst, new Port(pair.protocol, port));
    output.write(
        spec.commandLine().getOut(),
        out -> {
          if (format.equals("json")) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
              g.writeStartObject();
              JsonOutput.endpoint(g, "source", v.source());
              JsonOutput.endpoint(g, "destination", v.destination());
              g.writeStringProperty("protocol", v.port().protocol().name());
              g.writeNumberProperty("port", v.port().number());
              g.writeBooleanProperty("allowed", v.allowed());
              g.writeBooleanProperty("ambiguous", v.ambiguous());
              JsonOutput.completeness(g, v.complete(), index.limitations());
              JsonOutput.caveats(g, "caveats", v.caveats());
              JsonOutput.explanation(g, "explanation", v.explanation());
              g.writeEndObject();
            }
            out.println();
          } else {
            out.println(
                (v.allowed() ? "allowed: " : "denied: ")
                    + v.source()
                    + " => "
                    + v.destination()
                    + " : "
                    + v.port()
                    + (v.ambiguous()
                        ? " (ambiguous: it depends on the order of policies, T9)"
                        : ""));
            v.caveats().forEach(c -> out.println("caveat: " + c));
          }
        });
    if (!v.complete()) {
      return Main.INCOMPLETE;
    }
    return v.allowed() ? Main.OK : Main.NEGATIVE;
  }
}
