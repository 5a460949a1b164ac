package io.kubereach.cli;

import io.kubereach.RangeVerdict;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubereach explain}: why SRC can or cannot reach DST. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain why SRC can or cannot reach DST: per direction, the policies that isolate each"
            + " end and the policy and rule index that allow the traffic. Without --port, one"
            + " explanation per range of ports with a different verdict, over every protocol.")
final class ExplainCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Manifest files or folders; none with --cluster.")
  List<Path> paths = new java.util.ArrayList<>();

  @Mixin PairOptions pair;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      description =
          "Explain this destination port only: a number or a container port name; for a"
              + " Service, its port number or name.")
  String port;

  @Mixin Inputs inputs;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ReachabilityIndex index = inputs.index(paths, spec);
    Endpoint src = index.resolve(pair.source);
    if (pair.destination.endsWith("[Service]")) {
      if (port == null) {
        throw new IllegalArgumentException("explaining a Service needs -p, one of its ports");
      }
      var target = Destination.service(index, pair.destination, port, pair.protocol).orElseThrow();
      var v =
          index.checkService(
              src,
              target.service().namespace(),
              target.service().name(),
              new Port(target.port().protocol(), target.port().port()));
      output.write(
          spec.commandLine().getOut(),
          out -> {
            out.println(v);
            for (var b : v.backends()) {
              out.println();
              out.println(b);
              b.verdict().ifPresent(x -> out.println(x.explanation()));
            }
          });
      return Main.answered(index, Main.OK);
    }
    Endpoint dst = index.resolve(pair.destination);
    output.write(
        spec.commandLine().getOut(),
        out -> {
          if (port != null) {
            out.println(index.explain(src, dst, Destination.port(index, dst, port, pair.protocol)));
            return;
          }
          PortSet allowed = index.allowed(src, dst);
          PortSet ambiguous = index.ambiguous(src, dst);
          out.println(
              src
                  + " => "
                  + dst
                  + " : "
                  + allowed
                  + (ambiguous.isEmpty() ? "" : " (ambiguous on " + ambiguous + ", T9)"));
          for (RangeVerdict range : index.explainRanges(src, dst)) {
            out.println();
            out.println("ports " + range.ports() + ":");
            out.println(range.explanation());
          }
        });
    return Main.answered(index, Main.OK);
  }
}
