package io.kubereach.cli;

import io.kubereach.Connection;
import io.kubereach.ConnectionChange;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.Limitation;
import io.kubereach.model.WorkloadEndpoint;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code -o html}: one self-contained page (no network, no external script) — summary counts,
 * incompleteness and warnings, a namespace × namespace heat map as inline SVG, and the connection
 * table with a filter and each pair's explanation on click (docs/cli.md, "Pictures"). The table
 * holds at most {@link #MAX_ROWS} rows; {@code -o json} has them all.
 */
final class HtmlReport {
  private HtmlReport() {}

  /** The most table rows a page holds, so that it opens fast at any cluster size. */
  static final int MAX_ROWS = 2_000;

  /** Namespaces beyond this are grouped by their name's first part, so the map stays readable. */
  static final int MAX_MATRIX = 100;

  record Row(String source, String destination, String ports, String kind, String explanation) {}

  /** The page of a listing. */
  static void connections(
      String title,
      ReachabilityIndex index,
      List<Connection> connections,
      List<String> warnings,
      List<Limitation> limitations,
      PrintWriter out) {
    List<Row> rows = new ArrayList<>();
    for (Connection c : connections) {
      if (rows.size() >= MAX_ROWS) {
        break;
      }
      String why =
          c.source() instanceof ExternalEndpoint && c.destination() instanceof ExternalEndpoint
              ? ""
              : index.explain(c.source(), c.destination(), c.ports().samplePort()).toString();
      rows.add(
          new Row(
              c.source().toString(), c.destination().toString(), c.ports().toString(), "", why));
    }
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("workloads", String.valueOf(index.endpoints().size()));
    summary.put("namespaces", String.valueOf(index.snapshot().namespaces().size()));
    summary.put(
        "policies",
        String.valueOf(
            index.snapshot().policies().size() + index.snapshot().clusterPolicies().size()));
    summary.put("connections", String.valueOf(connections.size()));
    page(title, summary, matrix(connections), rows, connections.size(), warnings, limitations, out);
  }

  /** The page of a diff. */
  static void changes(
      String title,
      List<ConnectionChange> changes,
      List<String> warnings,
      List<Limitation> limitations,
      PrintWriter out) {
    List<Row> rows = new ArrayList<>();
    List<Connection> touched = new ArrayList<>();
    for (ConnectionChange c : changes) {
      touched.add(
          new Connection(
              c.source(), c.destination(), c.after().isEmpty() ? c.before() : c.after()));
      if (rows.size() < MAX_ROWS) {
        rows.add(
            new Row(
                c.source().toString(),
                c.destination().toString(),
                c.before() + " -> " + c.after(),
                c.kind().name().toLowerCase(java.util.Locale.ROOT),
                ""));
      }
    }
    Map<String, String> summary = new LinkedHashMap<>();
    for (ConnectionChange.Kind k : ConnectionChange.Kind.values()) {
      summary.put(
          k.name().toLowerCase(java.util.Locale.ROOT),
          String.valueOf(changes.stream().filter(c -> c.kind() == k).count()));
    }
    page(title, summary, matrix(touched), rows, changes.size(), warnings, limitations, out);
  }

  /** Namespace × namespace: how many connections go from one to the other. */
  private static Map<String, Map<String, Integer>> matrix(List<Connection> connections) {
    TreeSet<String> all = new TreeSet<>();
    for (Connection c : connections) {
      all.add(group(c.source()));
      all.add(group(c.destination()));
    }
    Map<String, String> bucket = buckets(all);
    Map<String, Map<String, Integer>> m = new TreeMap<>();
    for (Connection c : connections) {
      String s = bucket.get(group(c.source()));
      String d = bucket.get(group(c.destination()));
      m.computeIfAbsent(s, x -> new TreeMap<>()).merge(d, 1, Integer::sum);
      m.computeIfAbsent(d, x -> new TreeMap<>());
    }
    return m;
  }

  private static String group(Endpoint e) {
    return e instanceof WorkloadEndpoint w ? w.namespace() : "(external)";
  }

  /**
   * Each namespace's row in the map: itself, or beyond {@link #MAX_MATRIX} namespaces, its
   * alphabetical range ({@code payments-dev … payments-prod}), at most {@link #MAX_MATRIX} ranges.
   */
  private static Map<String, String> buckets(TreeSet<String> names) {
    Map<String, String> out = new java.util.HashMap<>();
    if (names.size() <= MAX_MATRIX) {
      names.forEach(n -> out.put(n, n));
      return out;
    }
    List<String> sorted = new ArrayList<>(names);
    if (sorted.remove("(external)")) {
      out.put("(external)", "(external)");
    }
    int per = (sorted.size() + MAX_MATRIX - 1) / MAX_MATRIX;
    for (int i = 0; i < sorted.size(); i += per) {
      List<String> range = sorted.subList(i, Math.min(sorted.size(), i + per));
      String label =
          range.size() == 1 ? range.get(0) : range.get(0) + " … " + range.get(range.size() - 1);
      range.forEach(n -> out.put(n, label));
    }
    return out;
  }

  private static void page(
      String title,
      Map<String, String> summary,
      Map<String, Map<String, Integer>> matrix,
      List<Row> rows,
      int total,
      List<String> warnings,
      List<Limitation> limitations,
      PrintWriter out) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>" + esc(title) + "</title>");
    out.println("<style>" + CSS + "</style></head><body>");
    out.println(
        "<header><h1>" + esc(title) + "</h1><p class=\"sub\">kubereach report</p></header>");
    out.println("<section class=\"cards\">");
    summary.forEach(
        (k, v) ->
            out.println(
                "<div class=\"card\"><b>" + esc(v) + "</b><span>" + esc(k) + "</span></div>"));
    out.println("</section>");
    if (!limitations.isEmpty()) {
      out.println("<section class=\"incomplete\" id=\"incomplete\"><h2>Incomplete</h2><ul>");
      limitations.forEach(l -> out.println("<li>" + esc(l.message()) + "</li>"));
      out.println("</ul></section>");
    }
    if (!warnings.isEmpty()) {
      out.println(
          "<details class=\"warnings\"><summary>" + warnings.size() + " warnings</summary><ul>");
      warnings.forEach(w -> out.println("<li>" + esc(w) + "</li>"));
      out.println("</ul></details>");
    }
    out.println(
        "<section><h2>Namespaces</h2><p class=\"hint\">Rows: from, columns: to; the number of connections.</p>");
    svgMatrix(matrix, out);
    out.println("</section>");
    out.println("<section><h2>Connections</h2>");
    out.println(
        "<input id=\"filter\" type=\"search\" placeholder=\"filter: namespace, workload, port…\">"
            + " <span id=\"shown\"></span>");
    if (total > rows.size()) {
      out.println(
          "<p class=\"hint\">The first "
              + rows.size()
              + " of "
              + total
              + " rows; <code>-o json</code> has them all.</p>");
    }
    out.println(
        "<table id=\"rows\"><thead><tr><th>source</th><th>destination</th><th>ports</th>"
            + (rows.stream().anyMatch(r -> !r.kind().isEmpty()) ? "<th>change</th>" : "")
            + "</tr></thead><tbody>");
    for (Row r : rows) {
      out.println(
          "<tr class=\"row "
              + esc(r.kind())
              + "\" data-why=\""
              + esc(r.explanation())
              + "\"><td>"
              + esc(r.source())
              + "</td><td>"
              + esc(r.destination())
              + "</td><td>"
              + esc(r.ports())
              + "</td>"
              + (r.kind().isEmpty() ? "" : "<td>" + esc(r.kind()) + "</td>")
              + "</tr>");
    }
    out.println("</tbody></table>");
    out.println("<pre id=\"why\" hidden></pre></section>");
    out.println("<script>" + JS + "</script></body></html>");
  }

  private static void svgMatrix(Map<String, Map<String, Integer>> m, PrintWriter out) {
    List<String> names = new ArrayList<>(m.keySet());
    int cell = names.size() > 40 ? 9 : 26;
    int longest = names.stream().mapToInt(String::length).max().orElse(10);
    int left = Math.max(120, longest * 6 + 16);
    int top = names.size() > 40 ? 140 : 120;
    int width = Math.max(left + cell * names.size() + 130, left + 440);
    int height = top + cell * names.size() + 40;
    int max = 1;
    for (Map<String, Integer> row : m.values()) {
      for (int v : row.values()) {
        max = Math.max(max, v);
      }
    }
    out.println(
        "<svg id=\"matrix\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
            + width
            + "\" height=\""
            + height
            + "\" role=\"img\" aria-label=\"namespace reachability\">");
    for (int i = 0; i < names.size(); i++) {
      int y = top + i * cell;
      int x = left + i * cell;
      out.println(
          "<text x=\""
              + (left - 6)
              + "\" y=\""
              + (y + cell * 0.68)
              + "\" text-anchor=\"end\""
              + " class=\"nl\">"
              + esc(names.get(i))
              + "</text>");
      out.println(
          "<text transform=\"translate("
              + (x + cell * 0.6)
              + ","
              + (top - 6)
              + ") rotate(-50)\""
              + " class=\"nl\">"
              + esc(names.get(i))
              + "</text>");
      for (int j = 0; j < names.size(); j++) {
        Integer v = m.get(names.get(i)).get(names.get(j));
        double t = v == null ? 0 : Math.log1p(v) / Math.log1p(max);
        String fill = v == null ? "#f4f6f8" : heat(t);
        out.println(
            "<rect class=\"cell\" x=\""
                + (left + j * cell)
                + "\" y=\""
                + y
                + "\" width=\""
                + (cell - 1)
                + "\" height=\""
                + (cell - 1)
                + "\" fill=\""
                + fill
                + "\" data-from=\""
                + esc(names.get(i))
                + "\" data-to=\""
                + esc(names.get(j))
                + "\"><title>"
                + esc(names.get(i))
                + " → "
                + esc(names.get(j))
                + ": "
                + (v == null ? 0 : v)
                + " connections</title></rect>");
      }
    }
    int ly = top + cell * names.size() + 18;
    out.println(
        "<text x=\""
            + left
            + "\" y=\""
            + (ly + 10)
            + "\" class=\"nl\">none</text>"
            + "<rect x=\""
            + (left + 34)
            + "\" y=\""
            + ly
            + "\" width=\"12\" height=\"12\" fill=\"#f4f6f8\"/>"
            + "<rect x=\""
            + (left + 50)
            + "\" y=\""
            + ly
            + "\" width=\"12\" height=\"12\" fill=\""
            + heat(0.05)
            + "\"/>"
            + "<rect x=\""
            + (left + 66)
            + "\" y=\""
            + ly
            + "\" width=\"12\" height=\"12\" fill=\""
            + heat(0.5)
            + "\"/>"
            + "<rect x=\""
            + (left + 82)
            + "\" y=\""
            + ly
            + "\" width=\"12\" height=\"12\" fill=\""
            + heat(1)
            + "\"/>"
            + "<text x=\""
            + (left + 100)
            + "\" y=\""
            + (ly + 10)
            + "\" class=\"nl\">"
            + max
            + " connections (click a cell to filter the table)</text>");
    out.println("</svg>");
  }

  /** White to deep blue. */
  private static String heat(double t) {
    int r = (int) Math.round(222 - t * (222 - 8));
    int g = (int) Math.round(235 - t * (235 - 69));
    int b = (int) Math.round(247 - t * (247 - 148));
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String CSS =
      "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:0;"
          + "color:#1d2430;background:#fff}header{background:#16324f;color:#fff;padding:18px 28px}"
          + "h1{margin:0;font-size:22px}.sub{margin:2px 0 0;opacity:.75}section,details{margin:18px 28px}"
          + "h2{font-size:16px;margin:0 0 8px}.cards{display:flex;gap:12px;flex-wrap:wrap}"
          + ".card{border:1px solid #d8dee6;border-radius:8px;padding:10px 16px;min-width:110px}"
          + ".card b{display:block;font-size:22px}.card span{color:#5b6778}"
          + ".incomplete{border-left:4px solid #d9822b;background:#fff6eb;padding:8px 14px}"
          + ".hint{color:#5b6778;margin:2px 0 8px}.nl{font-size:10px;fill:#3b4656}"
          + ".cell:hover{stroke:#111;stroke-width:1}#filter{width:360px;padding:6px 8px;border:1px solid #b8c2cf;"
          + "border-radius:6px}table{border-collapse:collapse;margin-top:10px;width:100%}"
          + "th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e6eaf0;font-family:ui-monospace,"
          + "SFMono-Regular,Menlo,monospace;font-size:12px}tr.row{cursor:pointer}tr.row:hover{background:#eef4fb}"
          + "tr.added td{color:#1a7f37}tr.removed td{color:#c0262d}tr.changed td{color:#b35900}"
          + "#why{background:#f6f8fa;border:1px solid #d8dee6;border-radius:6px;padding:10px;white-space:pre-wrap}";

  private static final String JS =
      "(function(){var f=document.getElementById('filter'),rows=[].slice.call(document.querySelectorAll('tr.row')),"
          + "shown=document.getElementById('shown'),why=document.getElementById('why');"
          + "function apply(){var q=f.value.toLowerCase(),n=0;rows.forEach(function(r){var ok=!q||"
          + "r.textContent.toLowerCase().indexOf(q)>=0;r.style.display=ok?'':'none';if(ok)n++;});"
          + "shown.textContent=n+' of '+rows.length+' rows';}"
          + "f.addEventListener('input',apply);rows.forEach(function(r){r.addEventListener('click',function(){"
          + "var t=r.getAttribute('data-why');if(t){why.textContent=t;why.hidden=false;}});});"
          + "[].slice.call(document.querySelectorAll('rect.cell')).forEach(function(c){c.addEventListener('click',"
          + "function(){f.value=c.getAttribute('data-from');apply();});});"
          + "var h=decodeURIComponent(location.hash.replace(/^#filter=/,''));if(location.hash.indexOf('#filter=')==0)"
          + "{f.value=h;}apply();})();";
}
