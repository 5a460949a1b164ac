package io.kubereach.cli;

import io.kubereach.ConnectionChange;
import io.kubereach.ReachabilityDiff;
import io.kubereach.ReachabilityIndex;
import io.kubereach.Tables;
import io.kubereach.json.KubereachJson;
import io.kubereach.model.Limitation;
import io.kubereach.yaml.LoadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubereach diff}: what changes between two versions of a cluster. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show the connections added (+), removed (-) and changed (~) between two versions of a"
          + " cluster: OLD and NEW manifests, or with --cluster --apply FOLDER the live cluster"
          + " and the live cluster with FOLDER applied on top (the change about to be applied).",
      "Exit code 0 when nothing changed, 1 when connections changed, 2 for bad input, 4 when"
          + " answered but incomplete (see stderr)."
    })
final class DiffCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "OLD",
      description = "The old manifests (file or folder); none with --cluster.")
  Path before;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "NEW",
      description = "The new manifests (file or folder); none with --cluster.")
  Path after;

  @Option(
      names = "--apply",
      paramLabel = "FOLDER",
      description =
          "With --cluster: the manifests about to be applied. Objects of the same kind, namespace"
              + " and name replace the live ones; a workload applied with a new pod template has its"
              + " running pods give way to that template.")
  Path apply;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "txt",
      paramLabel = "FORMAT",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); dot and svg"
              + " colour added, removed and changed connections.")
  Format format;

  @Mixin Inputs inputs;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {

    ReachabilityIndex old;
    ReachabilityIndex current;
    if (inputs.live()) {
      if (before != null || apply == null) {
        throw new IllegalArgumentException(
            "with the live cluster (--cluster, --kubeconfig, --context, -n, -A) diff compares it"
                + " with --apply FOLDER applied on top; give --apply FOLDER and no OLD or NEW");
      }
      LoadResult[] live = new LoadResult[1];
      old = inputs.loaded("read cluster", () -> live[0] = inputs.liveCluster(), spec).index();
      ReachabilityIndex base = old;
      current =
          inputs
              .loaded(
                  "apply " + apply,
                  () -> {
                    LoadResult folder = inputs.reader().load(apply);
                    return new LoadResult(
                        live[0].cluster().apply(folder.cluster()), folder.warnings());
                  },
                  spec,
                  base)
              .index();
    } else {
      if (before == null || after == null || apply != null) {
        throw new IllegalArgumentException(
            "diff needs OLD and NEW manifests, or --cluster --apply FOLDER");
      }
      old = inputs.index(List.of(before), spec);
      current = inputs.index(List.of(after), spec);
    }
    ReachabilityDiff diff = ReachabilityDiff.between(old, current);
    List<Limitation> limitations =
        java.util.stream.Stream.concat(
                old.limitations().stream().map(l -> side("old", l)),
                current.limitations().stream().map(l -> side("new", l)))
            .toList();
    output.write(spec.commandLine().getOut(), out -> write(diff, limitations, out));
    if (!old.limitations().isEmpty() || !current.limitations().isEmpty()) {
      return Main.INCOMPLETE;
    }
    return diff.isEmpty() ? Main.OK : Main.NEGATIVE;
  }

  private static Limitation side(String which, Limitation l) {
    return new Limitation(l.kind(), which + ": " + l.message());
  }

  private void write(ReachabilityDiff diff, List<Limitation> limitations, PrintWriter out) {
    switch (format) {
      case txt -> diff.changes().forEach(out::println);
      case json -> KubereachJson.diff(diff, limitations, out);
      case csv -> csv(diff, out);
      case md -> markdown(diff, out);
      case dot -> Dot.changes(diff.changes(), out);
      case svg -> Graphviz.svg(w -> Dot.changes(diff.changes(), w), out);
      case html ->
          HtmlReport.changes(
              inputs.live()
                  ? "Changes to " + inputs.describe(List.of()) + " from applying " + apply
                  : "Changes from " + before + " to " + after,
              diff.changes(),
              List.of(),
              limitations,
              out);
    }
  }

  private static void csv(ReachabilityDiff diff, PrintWriter out) {
    CSVFormat csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader("change", "source", "destination", "before", "after")
            .get();
    try {
      CSVPrinter printer = new CSVPrinter(out, csv);
      for (ConnectionChange c : diff.changes()) {
        printer.printRecord(
            c.kind().name().toLowerCase(java.util.Locale.ROOT),
            c.source(),
            c.destination(),
            c.before(),
            c.after());
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void markdown(ReachabilityDiff diff, PrintWriter out) {
    out.println("| change | source | destination | before | after |");
    out.println("|---|---|---|---|---|");
    for (ConnectionChange c : diff.changes()) {
      out.println(
          String.join(
              " | ",
              "| " + c.kind().name().toLowerCase(java.util.Locale.ROOT),
              Tables.markdownCell(c.source().toString()),
              Tables.markdownCell(c.destination().toString()),
              Tables.markdownCell(c.before().toString()),
              Tables.markdownCell(c.after().toString()) + " |"));
    }
  }
}
