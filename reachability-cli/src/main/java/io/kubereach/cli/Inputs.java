package io.kubereach.cli;

import io.kubereach.AnalysisOptions;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.yaml.Limits;
import io.kubereach.yaml.LoadResult;
import io.kubereach.yaml.ManifestReader;
import io.kubereach.yaml.Manifests;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that analyse manifests: how to read and index them. */
final class Inputs {

  @Option(
      names = "--ipblocks-external-only",
      description =
          "ipBlocks never match pod IPs (the netpol-analyzer convention). By default an ipBlock"
              + " also matches pods whose manifest carries an IP inside it.")
  boolean ipBlocksExternalOnly;

  @Option(
      names = "--lenient",
      description =
          "Read what the API server would refuse where the model can still read it (e.g. a"
              + " named port beside a networks peer, a peer field of a newer API). Every such"
              + " field is a warning and makes the answers incomplete (exit code 4).")
  boolean lenient;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Do not print warnings. The notice that an answer is incomplete is printed all the"
              + " same.")
  boolean quiet;

  AnalysisOptions options() {
    return ipBlocksExternalOnly ? AnalysisOptions.externalOnly() : AnalysisOptions.defaults();
  }

  /**
   * Loads the manifests and indexes them, printing to {@code err} every warning (unless {@code
   * --quiet}) and, always, one {@code incomplete:} line per reason the answers are incomplete.
   */
  ReachabilityIndex index(List<Path> paths, PrintWriter err) {
    ManifestReader reader = Manifests.withLimits(Limits.defaults());
    LoadResult loaded = (lenient ? reader.lenient() : reader).load(paths);
    if (!quiet) {
      loaded.warnings().forEach(w -> err.println("warning: " + w));
    }
    ReachabilityIndex index = Reachability.index(loaded.cluster(), options());
    if (!quiet) {
      index.warnings().forEach(w -> err.println("warning: " + w));
    }
    index.limitations().forEach(l -> err.println("incomplete: " + l));
    return index;
  }
}
