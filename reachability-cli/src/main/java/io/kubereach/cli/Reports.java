package io.kubereach.cli;

import io.kubereach.Finding;
import io.kubereach.Severity;
import io.kubereach.Tables;
import io.kubereach.VerifyReport;
import io.kubereach.json.KubereachJson;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The review of {@code verify} as text, JSON, Markdown or SARIF 2.1.0. */
final class Reports {
  private Reports() {}

  static void write(VerifyCommand.ReportFormat format, VerifyReport report, PrintWriter out) {
    switch (format) {
      case txt -> txt(report, out);
      case json -> KubereachJson.findings(report, out);
      case md -> markdown(report, out);
      case sarif -> KubereachJson.sarif(report, out);
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
}
