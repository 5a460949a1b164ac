package io.kubereach.cli;

import io.kubereach.ReachabilityIndex;
import io.kubereach.Verdict;
import io.kubereach.json.KubereachJson;
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

/** {@code kubereach eval}: can SRC reach DST on PORT? */
@Command(
    name = "eval",
    aliases = {"check", "allow"},
    mixinStandardHelpOptions = true,
    description = {
      "Decide whether SRC can reach DST on one port.",
      "DST may be a Service, ns/name[Service]: then PORT is its port, and every backing pod is"
          + " checked on the port the Service sends to it.",
      "Exit code 0 when allowed (for a Service: by every backend), 1 when denied, 2 for bad"
          + " input or an unknown endpoint,"
          + " 4 when answered but incomplete (see stderr)."
    })
final class EvalCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Manifest files or folders; none with --cluster.")
  List<Path> paths = new java.util.ArrayList<>();

  @Mixin PairOptions pair;

  @Option(
      names = {"-p", "--port"},
      required = true,
      paramLabel = "PORT",
      description =
          "Destination port: a number 1..65535, or a container port name (resolved on the"
              + " destination, with --protocol); for a Service, its port number or name.")
  String port;

  @Option(
      names = {"-o", "--output"},
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
    var service = Destination.service(index, pair.destination, port, pair.protocol);
    if (service.isPresent()) {
      return service(index, src, service.get());
    }
    Endpoint dst = index.resolve(pair.destination);
    Verdict v = index.check(src, dst, Destination.port(index, dst, port, pair.protocol));
    output.write(
        spec.commandLine().getOut(),
        out -> {
          if (format.equals("json")) {
            KubereachJson.verdict(v, index.limitations(), out);
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

  /** S14: one verdict per backend, on the port the Service sends to it. */
  private int service(ReachabilityIndex index, Endpoint src, Destination.ServiceTarget target) {
    io.kubereach.ServiceVerdict v =
        index.checkService(
            src,
            target.service().namespace(),
            target.service().name(),
            new Port(target.port().protocol(), target.port().port()));
    long allowed =
        v.backends().stream().filter(io.kubereach.ServiceVerdict.Backend::allowed).count();
    output.write(
        spec.commandLine().getOut(),
        out -> {
          if (format.equals("json")) {
            KubereachJson.serviceVerdict(v, out);
            return;
          }
          String verdict =
              v.backends().isEmpty()
                  ? "denied: no backends"
                  : (v.allowedToAll() ? "allowed" : "denied")
                      + " to "
                      + allowed
                      + " of "
                      + v.backends().size()
                      + " backends";
          out.println(
              verdict
                  + ": "
                  + src
                  + " => "
                  + target.service()
                  + "[Service] : "
                  + target.port().protocol()
                  + " "
                  + target.port().port());
          v.backends().forEach(b -> out.println("  " + b));
          if (v.backends().isEmpty()) {
            out.println("  note: the Service selects no pod in its namespace");
          }
        });
    return v.allowedToAll() ? Main.OK : Main.NEGATIVE;
  }
}
