package io.kubereach.cli;

import io.kubereach.Finding;
import io.kubereach.Severity;
import io.kubereach.SourceLocation;
import io.kubereach.Tables;
import io.kubereach.VerifyOptions;
import io.kubereach.VerifyReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** The review of {@code verify} as text, JSON, Markdown or SARIF 2.1.0. */
final class Reports {
  private Reports() {}

  static void write(VerifyCommand.ReportFormat format, VerifyReport report, PrintWriter out) {
    switch (format) {
      case txt -> txt(report, out);
      case json -> json(report, out);
      case md -> markdown(report, out);
      case sarif -> sarif(report, out);
    }
  }

  private static void txt(VerifyReport report, PrintWriter out) {
    for (Finding f : report.findings()) {
      out.println(f.location().map(l -> l + ": ").orElse("") + f);
      f.evidence().forEach(e -> out.println("    " + e));
    }
    out.println(summary(report));
  }

  private static String summary(VerifyReport report) {
    Map<Severity, Integer> counts = new LinkedHashMap<>();
    for (Severity s : List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
      counts.put(s, 0);
    }
    report.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder(report.findings().size() + " findings (");
    counts.forEach((s, n) -> sb.append(n).append(' ').append(s).append(", "));
    sb.setLength(sb.length() - 2);
    return sb.append(')').toString();
  }

  private static void json(VerifyReport report, PrintWriter out) {
    try (JsonGenerator g = JsonOutput.generator(out)) {
      g.writeStartObject();
      g.writeNumberProperty("schemaVersion", JsonOutput.SCHEMA_VERSION);
      JsonOutput.completeness(g, report.complete(), report.limitations());
      g.writeNumberProperty("count", report.findings().size());
      g.writeName("findings");
      g.writeStartArray();
      for (Finding f : report.findings()) {
        g.writeStartObject();
        g.writeStringProperty("check", f.check());
        g.writeStringProperty("severity", f.severity().toString());
        g.writeStringProperty("subject", f.subject());
        f.policy().ifPresent(p -> JsonOutput.policy(g, "policy", p));
        f.direction()
            .ifPresent(d -> g.writeStringProperty("direction", d.name().toLowerCase(Locale.ROOT)));
        if (f.rule().isPresent()) {
          g.writeNumberProperty("rule", f.rule().getAsInt());
        }
        JsonOutput.strings(g, "evidence", f.evidence());
        f.location().ifPresent(l -> location(g, l));
        g.writeStringProperty("message", f.message());
        g.writeStringProperty("fingerprint", f.fingerprint());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static void location(JsonGenerator g, SourceLocation l) {
    g.writeName("location");
    g.writeStartObject();
    g.writeStringProperty("file", l.file());
    g.writeNumberProperty("line", l.line());
    g.writeNumberProperty("column", l.column());
    g.writeEndObject();
  }

  private static void markdown(VerifyReport report, PrintWriter out) {
    out.println("| severity | check | subject | where | finding |");
    out.println("|---|---|---|---|---|");
    for (Finding f : report.findings()) {
      out.println(
          "| "
              + f.severity()
              + " | "
              + f.check()
              + " | "
              + Tables.markdownCell(
                  f.subject()
                      + f.rule().stream().mapToObj(r -> " rule " + r).findFirst().orElse(""))
              + " | "
              + Tables.markdownCell(f.location().map(Object::toString).orElse(""))
              + " | "
              + Tables.markdownCell(f.message())
              + " |");
    }
    out.println();
    out.println(summary(report));
  }

  /**
   * SARIF 2.1.0: one run of the kubereach driver, a rule per check, a result per finding placed on
   * its manifest line, so that code-scanning dashboards show it there.
   */
  private static void sarif(VerifyReport report, PrintWriter out) {
    try (JsonGenerator g = JsonOutput.generator(out)) {
      g.writeStartObject();
      g.writeStringProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      g.writeStringProperty("version", "2.1.0");
      g.writeName("runs");
      g.writeStartArray();
      g.writeStartObject();
      g.writeName("tool");
      g.writeStartObject();
      g.writeName("driver");
      g.writeStartObject();
      g.writeStringProperty("name", "kubereach");
      g.writeStringProperty("informationUri", "https://github.com/kubereach/kubereach");
      g.writeName("rules");
      g.writeStartArray();
      for (String check : VerifyOptions.CHECKS) {
        g.writeStartObject();
        g.writeStringProperty("id", check);
        g.writeName("shortDescription");
        g.writeStartObject();
        g.writeStringProperty("text", check.replace('-', ' '));
        g.writeEndObject();
        g.writeStringProperty(
            "helpUri", "https://github.com/kubereach/kubereach/blob/main/docs/verify.md#" + check);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeName("results");
      g.writeStartArray();
      for (Finding f : report.findings()) {
        g.writeStartObject();
        g.writeStringProperty("ruleId", f.check());
        g.writeNumberProperty("ruleIndex", VerifyOptions.CHECKS.indexOf(f.check()));
        g.writeStringProperty("level", level(f.severity()));
        g.writeName("message");
        g.writeStartObject();
        g.writeStringProperty(
            "text",
            f.subject()
                + f.rule().stream().mapToObj(r -> " rule " + r).findFirst().orElse("")
                + ": "
                + f.message());
        g.writeEndObject();
        if (f.location().isPresent()) {
          SourceLocation l = f.location().get();
          g.writeName("locations");
          g.writeStartArray();
          g.writeStartObject();
          g.writeName("physicalLocation");
          g.writeStartObject();
          g.writeName("artifactLocation");
          g.writeStartObject();
          g.writeStringProperty("uri", uri(l.file()));
          g.writeEndObject();
          if (l.line() > 0) {
            g.writeName("region");
            g.writeStartObject();
            g.writeNumberProperty("startLine", l.line());
            g.writeNumberProperty("startColumn", Math.max(1, l.column()));
            g.writeEndObject();
          }
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndArray();
        }
        g.writeName("partialFingerprints");
        g.writeStartObject();
        g.writeStringProperty("kubereach/v1", f.fingerprint());
        g.writeEndObject();
        g.writeName("properties");
        g.writeStartObject();
        g.writeStringProperty("severity", f.severity().toString());
        g.writeStringProperty("subject", f.subject());
        JsonOutput.strings(g, "evidence", f.evidence());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }

  private static String level(Severity s) {
    return switch (s) {
      case HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** A relative path stays relative (SARIF resolves it against the checkout); '\\' becomes '/'. */
  private static String uri(String file) {
    if (file.startsWith("<")) {
      return file.replace("<", "").replace(">", "");
    }
    Path p = Path.of(file);
    String text = p.toString().replace('\\', '/');
    return p.isAbsolute() ? p.toUri().toString() : text;
  }
}
