package io.kubereach.cli;

import io.kubereach.BlastRadius;
import io.kubereach.BlastRadius.Hop;
import io.kubereach.BlastRadius.Reached;
import io.kubereach.ReachabilityIndex;
import io.kubereach.Tables;
import io.kubereach.json.KubereachJson;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Limitation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubereach blast-radius}: what an attacker reaches from one compromised endpoint. */
@Command(
    name = "blast-radius",
    mixinStandardHelpOptions = true,
    description = {
      "Every endpoint an attacker who controls SRC reaches over allowed connections, hop by hop,"
          + " with one shortest path each and the rules behind every hop. SRC 'internet' starts"
          + " from every external range. With --target: whether and how the target is reached,"
          + " and the connections whose removal cuts every path.",
      "Exit code 0 when nothing (or not the target) is reached, 1 when something is, 2 for bad"
          + " input."
    })
final class BlastRadiusCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Manifest files or folders, or -; none with --cluster.")
  List<Path> paths = new java.util.ArrayList<>();

  @Option(
      names = {"-s", "--source"},
      required = true,
      paramLabel = "SRC",
      description = "The compromised endpoint (ns/name[Kind], ns/name), or internet.")
  String source;

  @Option(
      names = "--max-hops",
      defaultValue = "10",
      paramLabel = "N",
      description = "Stop after N hops (default: ${DEFAULT-VALUE}).")
  int maxHops;

  @Option(
      names = "--target",
      paramLabel = "DST",
      description = "A crown jewel: is it reached, through whom, and what cuts it off.")
  String target;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "txt",
      paramLabel = "FORMAT",
      description = "txt, json, md or dot (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin Inputs inputs;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!List.of("txt", "json", "md", "dot").contains(format)) {
      throw new IllegalArgumentException(
          "blast-radius writes txt, json, md or dot, not '" + format + "'");
    }
    ReachabilityIndex index = inputs.index(paths, spec);
    Optional<Endpoint> src =
        source.equals("internet") ? Optional.empty() : Optional.of(index.resolve(source));
    if (target != null) {
      BlastRadius.TargetPath path = index.pathTo(src, index.resolve(target));
      output.write(
          spec.commandLine().getOut(), out -> writeTarget(src, path, index.limitations(), out));
      return Main.answered(index, path.reached() ? Main.NEGATIVE : Main.OK);
    }
    BlastRadius radius =
        src.isPresent()
            ? index.blastRadius(src.get(), maxHops)
            : index.blastRadiusFromInternet(maxHops);
    output.write(spec.commandLine().getOut(), out -> write(radius, index.limitations(), out));
    return Main.answered(index, radius.reached().isEmpty() ? Main.OK : Main.NEGATIVE);
  }

  private void write(BlastRadius r, List<Limitation> limitations, PrintWriter out) {
    switch (format) {
      case "json" -> KubereachJson.blastRadius(r, limitations, out);
      case "md" -> {
        out.println("| hops | endpoint | path |");
        out.println("|---|---|---|");
        for (Reached x : r.reached()) {
          out.println(
              "| "
                  + x.hops()
                  + " | "
                  + Tables.markdownCell(x.endpoint().toString())
                  + " | "
                  + Tables.markdownCell(pathText(x.path()))
                  + " |");
        }
      }
      case "dot" -> dot(r, out);
      default -> {
        out.println(
            r.sourceText()
                + " reaches "
                + r.reached().size()
                + " endpoints within "
                + r.maxHops()
                + " hops");
        for (Reached x : r.reached()) {
          out.println(x.hops() + " " + x.endpoint() + " via " + pathText(x.path()));
        }
      }
    }
  }

  private static String pathText(List<Hop> path) {
    StringBuilder sb = new StringBuilder();
    for (Hop h : path) {
      if (sb.length() == 0) {
        sb.append(h.from());
      }
      sb.append(" =(").append(h.ports()).append(")=> ").append(h.to());
    }
    return sb.toString();
  }

  /** The reached graph: the source, every reached endpoint by hop, the edges of the paths. */
  private static void dot(BlastRadius r, PrintWriter out) {
    out.println("digraph blast_radius {");
    out.println("  rankdir=LR; newrank=true;");
    out.println(
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=Helvetica];");
    out.println("  \"" + r.sourceText() + "\" [fillcolor=\"#f4a6a6\"];");
    java.util.Set<String> edges = new java.util.LinkedHashSet<>();
    for (Reached x : r.reached()) {
      String color = x.hops() == 1 ? "#fbd3a5" : x.hops() == 2 ? "#fde9b8" : "#f3f3c8";
      out.println(
          "  \""
              + x.endpoint()
              + "\" [fillcolor=\""
              + color
              + "\", label=\""
              + x.endpoint()
              + "\\nhop "
              + x.hops()
              + "\"];");
      for (Hop h : x.path()) {
        String from =
            h.from() instanceof io.kubereach.model.ExternalEndpoint
                ? r.sourceText()
                : h.from().toString();
        edges.add("  \"" + from + "\" -> \"" + h.to() + "\" [label=\"" + h.ports() + "\"];");
      }
    }
    edges.forEach(out::println);
    out.println("}");
  }

  private void writeTarget(
      Optional<Endpoint> src,
      BlastRadius.TargetPath p,
      List<Limitation> limitations,
      PrintWriter out) {
    String from = src.map(Object::toString).orElse("internet");
    if (format.equals("json")) {
      KubereachJson.targetPath(src, p, limitations, out);
      return;
    }
    if (!p.reached()) {
      out.println(from + " cannot reach " + p.target());
      return;
    }
    out.println(
        from
            + " reaches "
            + p.target()
            + " in "
            + p.path().size()
            + " hops: "
            + pathText(p.path()));
    for (Hop h : p.path()) {
      out.println("  " + h);
      h.because().lines().forEach(l -> out.println("    " + l));
    }
    out.println(
        "choke points (removing these "
            + p.chokePoints().size()
            + " connections cuts every path):");
    p.chokePoints().forEach(c -> out.println("  " + c));
  }
}
