package io.kubereach.cli;

import io.kubereach.AnalysisOptions;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.yaml.LoadResult;
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

  AnalysisOptions options() {
    return ipBlocksExternalOnly ? AnalysisOptions.externalOnly() : AnalysisOptions.defaults();
  }

  /** Loads the manifests, printing every warning to {@code err}, and indexes them. */
  ReachabilityIndex index(List<Path> paths, PrintWriter err) {
    ClusterSnapshot cluster = load(paths, err);
    ReachabilityIndex index = Reachability.index(cluster, options());
    index.warnings().forEach(w -> err.println("warning: " + w));
    return index;
  }

  static ClusterSnapshot load(List<Path> paths, PrintWriter err) {
    LoadResult loaded = Manifests.load(paths);
    loaded.warnings().forEach(w -> err.println("warning: " + w));
    return loaded.cluster();
  }
}
