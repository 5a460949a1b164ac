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
import picocli.CommandLine.Model.CommandSpec;
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
      names = "--cluster",
      description =
          "Read the live cluster of the kubeconfig's current context instead of manifest files;"
              + " implied by --kubeconfig, --context, -n and -A. Needs get and list on the kinds"
              + " kubereach reads (docs/user-guide.md).")
  boolean cluster;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "The kubeconfig to read the cluster with (default: $KUBECONFIG, ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kubeconfig context to use (default: its current context).")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description =
          "Read only this namespace of the cluster (repeatable). Cluster-scoped policies are read"
              + " all the same: they apply to it.")
  List<String> namespaces = new java.util.ArrayList<>();

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Read every namespace of the cluster (the default with --cluster).")
  boolean allNamespaces;

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

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Print every warning on its own, rather than one line per kind of skipped object.")
  boolean verbose;

  @Option(
      names = "--max-source-bytes",
      paramLabel = "N",
      description = "Read at most N bytes from one file or stream (default: 256 MiB).")
  Long maxSourceBytes;

  @Option(
      names = "--max-document-chars",
      paramLabel = "N",
      description = "Allow at most N characters in one document or List item (default: 16 Mi).")
  Integer maxDocumentChars;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      description = "Allow nesting at most N levels deep (default: 100).")
  Integer maxDepth;

  @Option(
      names = "--max-documents",
      paramLabel = "N",
      description =
          "Allow at most N documents in one file, List items included (default: a million).")
  Integer maxDocuments;

  AnalysisOptions options() {
    return ipBlocksExternalOnly ? AnalysisOptions.externalOnly() : AnalysisOptions.defaults();
  }

  /** The loader the flags describe. */
  ManifestReader reader() {
    Limits limits = Limits.defaults();
    if (maxSourceBytes != null) {
      limits = limits.withMaxSourceBytes(maxSourceBytes);
    }
    if (maxDocumentChars != null) {
      limits = limits.withMaxDocumentChars(maxDocumentChars);
    }
    if (maxDepth != null) {
      limits = limits.withMaxNestingDepth(maxDepth);
    }
    if (maxDocuments != null) {
      limits = limits.withMaxDocuments(maxDocuments);
    }
    ManifestReader reader = Manifests.withLimits(limits);
    return lenient ? reader.lenient() : reader;
  }

  /**
   * Loads the manifests of {@code paths} ({@code -} alone: standard input) and indexes them,
   * printing to stderr every note and warning (unless {@code --quiet}) and, always, one {@code
   * incomplete:} line per reason the answers are incomplete.
   */
  ReachabilityIndex index(List<Path> paths, CommandSpec spec) {
    return loaded(paths, spec).index();
  }

  /** What was loaded, and its index. */
  record Loaded(LoadResult result, ReachabilityIndex index) {}

  /** Like {@link #index}, keeping the load result (where objects are written, suppressions). */
  Loaded loaded(List<Path> paths, CommandSpec spec) {
    return loaded(live() ? "read cluster" : "load", () -> load(paths, spec), spec);
  }

  /**
   * Like {@link #loaded(List, CommandSpec)}, for what {@code source} reads in phase {@code phase}.
   */
  Loaded loaded(String phase, java.util.function.Supplier<LoadResult> source, CommandSpec spec) {
    return loaded(phase, source, spec, null);
  }

  /** What was printed to stderr already: a diff's two sides share most warnings, said once. */
  private final java.util.Set<String> printed = new java.util.HashSet<>();

  private void once(PrintWriter err, String line) {
    if (printed.add(line)) {
      err.println(line);
    }
  }

  /**
   * Like {@link #loaded(String, java.util.function.Supplier, CommandSpec)}; with a {@code base}
   * index, the new one is {@code base.with(...)}: a what-if shares what it leaves as it was.
   */
  Loaded loaded(
      String phase,
      java.util.function.Supplier<LoadResult> source,
      CommandSpec spec,
      ReachabilityIndex base) {
    PrintWriter err = spec.commandLine().getErr();
    Phases phases = new Phases(err, verbose, !quiet && System.console() != null);
    phases.start(phase);
    LoadResult loaded = source.get();
    var c = loaded.cluster();
    phases.done(
        c.pods().size()
            + " pods, "
            + c.workloads().size()
            + " workloads, "
            + c.services().size()
            + " services, "
            + (c.policies().size() + c.clusterPolicies().size())
            + " policies");
    phases.start("index");
    if (!quiet) {
      loaded.notes().forEach(n -> err.println("info: " + n));
      Warnings.print(loaded.warnings(), verbose, err);
    }
    ReachabilityIndex index =
        base != null
            ? base.with(loaded.cluster())
            : Reachability.index(loaded.cluster(), options());
    phases.done(index.endpoints().size() + " endpoints");
    if (!quiet) {
      index.warnings().forEach(w -> once(err, "warning: " + w));
    }
    index.limitations().forEach(l -> once(err, "incomplete: " + l));
    return new Loaded(loaded, index);
  }

  /** What was read, for titles: the paths, or the live cluster. */
  String describe(List<Path> paths) {
    if (live()) {
      return "the live cluster" + (context != null ? " (context " + context + ")" : "");
    }
    return String.join(", ", paths.stream().map(Path::toString).toList());
  }

  /** Whether the live cluster is the input: --cluster, or a flag that only makes sense for it. */
  boolean live() {
    return cluster
        || kubeconfig != null
        || context != null
        || !namespaces.isEmpty()
        || allNamespaces;
  }

  /**
   * The live cluster.
   *
   * @throws IllegalArgumentException if -n and -A are both given, or the kubeconfig is unusable
   */
  LoadResult liveCluster() {
    if (allNamespaces && !namespaces.isEmpty()) {
      throw new IllegalArgumentException(
          "-A (all namespaces) and -n "
              + String.join(" -n ", namespaces)
              + " contradict each other");
    }
    return LiveCluster.read(reader(), kubeconfig, context, namespaces);
  }

  private LoadResult load(List<Path> paths, CommandSpec spec) {
    if (live()) {
      if (!paths.isEmpty()) {
        throw new IllegalArgumentException(
            "read either manifests "
                + paths
                + " or the live cluster (--cluster, --kubeconfig,"
                + " --context, -n, -A), not both");
      }
      return liveCluster();
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to read: give manifest files or folders, - for standard input, or --cluster"
              + " for the live cluster (see "
              + spec.qualifiedName()
              + " --help)");
    }
    boolean stdin = paths.stream().anyMatch(p -> p.toString().equals("-"));
    if (!stdin) {
      return reader().load(paths);
    }
    if (paths.size() > 1) {
      throw new IllegalArgumentException(
          "'-' reads standard input and must be the only path; got " + paths);
    }
    LoadResult loaded = reader().read("<stdin>", KubereachCommand.of(spec).stdin());
    io.kubereach.model.ClusterSnapshot c = loaded.cluster();
    if (c.namespaces().isEmpty()
        && c.pods().isEmpty()
        && c.workloads().isEmpty()
        && c.services().isEmpty()
        && c.policies().isEmpty()
        && c.clusterPolicies().isEmpty()
        && c.nodes().isEmpty()) {
      throw new IllegalArgumentException(
          "standard input holds no Kubernetes object that kubereach analyses; pipe in rendered"
              + " manifests, e.g. helm template <chart> | kubereach list -");
    }
    return loaded;
  }
}
