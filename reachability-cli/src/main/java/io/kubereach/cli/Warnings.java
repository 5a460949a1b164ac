package io.kubereach.cli;

import io.kubereach.yaml.Diagnostic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the loader's warnings reach stderr: objects of kinds that are never analysed (a dump holds
 * hundreds of ServiceAccounts) are summed up per kind, with the first place; every other warning is
 * printed on its own. {@code --verbose} prints each.
 */
final class Warnings {
  private Warnings() {}

  private static final String SKIPPED_KIND = " is not analysed; skipped";

  static void print(List<Diagnostic> warnings, boolean verbose, PrintWriter err) {
    if (verbose) {
      warnings.forEach(w -> err.println("warning: " + w));
      return;
    }
    Map<String, List<Diagnostic>> skipped = new LinkedHashMap<>();
    List<Diagnostic> others = new ArrayList<>();
    for (Diagnostic w : warnings) {
      if (w.message().startsWith("kind ") && w.message().endsWith(SKIPPED_KIND)) {
        skipped.computeIfAbsent(w.kind(), k -> new ArrayList<>()).add(w);
      } else {
        others.add(w);
      }
    }
    skipped.forEach(
        (kind, list) -> {
          if (list.size() == 1) {
            err.println("warning: " + list.get(0));
          } else {
            Diagnostic first = list.get(0);
            err.println(
                "warning: skipped "
                    + list.size()
                    + " "
                    + kind
                    + " objects (kind "
                    + kind
                    + " is not analysed; the first at "
                    + first.source()
                    + ":"
                    + first.line()
                    + "); -v lists each");
          }
        });
    others.forEach(w -> err.println("warning: " + w));
  }
}
