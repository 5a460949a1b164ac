package io.kubereach.json;

import io.kubereach.Finding;
import io.kubereach.Severity;
import io.kubereach.SourceLocation;
import io.kubereach.VerifyOptions;
import io.kubereach.VerifyReport;
import java.io.Writer;
import java.nio.file.Path;
import tools.jackson.core.JsonGenerator;

/** A review as SARIF 2.1.0 (validated against the standard schema in the CLI's tests). */
final class Sarif {
  private Sarif() {}

  /**
   * SARIF 2.1.0: one run of the kubereach driver, a rule per check, a result per finding placed on
   * its manifest line, so that code-scanning dashboards show it there.
   */
  static void write(VerifyReport report, Writer out) {
    try (JsonGenerator g = Blocks.generator(out)) {
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
        // A location with a line is in a file; an object read from an API has none to point at.
        if (f.location().isPresent() && f.location().get().line() > 0) {
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
        Blocks.strings(g, "evidence", f.evidence());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    Blocks.write(out, "\n");
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
