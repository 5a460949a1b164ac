package io.kubereach.cli;

import io.kubereach.Finding;
import io.kubereach.Intent;
import io.kubereach.Reachability;
import io.kubereach.Severity;
import io.kubereach.VerifyOptions;
import io.kubereach.VerifyReport;
import io.kubereach.yaml.IntentFile;
import io.kubereach.yaml.Origins;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code kubereach verify}: the security review of the policies (docs/verify.md). */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Review the policies: unprotected workloads, namespaces without default deny, policies and"
          + " rules that select or match nothing, redundant and shadowed rules, ambiguous"
          + " priorities, exposure to external ranges and the cloud metadata service, and the"
          + " intents you give.",
      "Exit code 0 when no finding is at or above --fail-on, 1 when one is, 2 for bad input,"
          + " 4 when the review is incomplete (see stderr)."
    })
final class VerifyCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Manifest files or folders, or -; none with --cluster.")
  List<Path> paths = new java.util.ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "txt",
      paramLabel = "FORMAT",
      description = "txt, json, md or sarif (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--fail-on",
      defaultValue = "high",
      paramLabel = "SEVERITY",
      description =
          "Exit 1 when a finding is at or above: info, low, medium, high (default: high).")
  String failOn;

  @Option(
      names = "--checks",
      split = ",",
      paramLabel = "CHECK",
      description = "Run only these checks (comma-separated or repeated).")
  List<String> checks = List.of();

  @Option(
      names = "--skip",
      split = ",",
      paramLabel = "CHECK",
      description = "Do not run these checks.")
  List<String> skip = List.of();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "A previous JSON report: only findings not in it are reported and fail.")
  Path baseline;

  @Option(
      names = "--intents",
      paramLabel = "FILE",
      description = "A YAML file of expected connections to check (docs/verify.md).")
  Path intents;

  @Mixin Inputs inputs;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ReportFormat fmt = ReportFormat.parse(format);
    Severity threshold = Severity.parse(failOn);
    VerifyOptions options = VerifyOptions.defaults();
    if (!checks.isEmpty()) {
      options = options.only(checks.toArray(String[]::new));
    }
    if (!skip.isEmpty()) {
      options = options.skipping(skip.toArray(String[]::new));
    }
    if (intents != null) {
      List<Intent> read = IntentFile.read(intents);
      options = options.withIntents(read);
    }
    Inputs.Loaded loaded = inputs.loaded(paths, spec);
    Origins origins = loaded.result().origins();
    VerifyReport full = Reachability.verify(loaded.index(), options).located(origins::of);
    List<Finding> suppressed = full.findings().stream().filter(origins::suppresses).toList();
    VerifyReport report =
        new VerifyReport(
            full.findings().stream().filter(f -> !origins.suppresses(f)).toList(),
            full.limitations());
    int known = 0;
    if (baseline != null) {
      Set<String> old = fingerprints(baseline);
      int before = report.findings().size();
      report = report.without(old);
      known = before - report.findings().size();
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!suppressed.isEmpty()) {
      err.println(
          "info: "
              + suppressed.size()
              + " finding(s) suppressed by "
              + Origins.IGNORE
              + " annotations");
    }
    if (known > 0) {
      err.println("info: " + known + " finding(s) already in the baseline " + baseline);
    }
    VerifyReport shown = report;
    output.write(spec.commandLine().getOut(), out -> Reports.write(fmt, shown, out));
    if (!report.complete()) {
      return Main.INCOMPLETE;
    }
    return report.atLeast(threshold).isEmpty() ? Main.OK : Main.NEGATIVE;
  }

  /** The fingerprints of a previous JSON report. */
  private static Set<String> fingerprints(Path file) {
    try {
      JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
      Set<String> out = new HashSet<>();
      JsonNode findings = root.get("findings");
      if (findings == null || !findings.isArray()) {
        throw new IllegalArgumentException(
            "--baseline " + file + " is not a kubereach verify JSON report (no findings array)");
      }
      for (JsonNode f : findings) {
        JsonNode fp = f.get("fingerprint");
        if (fp != null) {
          out.add(fp.asString());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --baseline " + file + ": " + e.getMessage(), e);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(
          "--baseline " + file + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The formats of a review. */
  enum ReportFormat {
    txt,
    json,
    md,
    sarif;

    static ReportFormat parse(String text) {
      for (ReportFormat f : values()) {
        if (f.name().equals(text)) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          "verify writes txt, json, md or sarif, not '" + text + "'");
    }
  }
}
