package io.kubereach.internal.render;

import static java.util.Objects.requireNonNull;

import io.kubereach.Caveat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one renderer of result tables for notebooks and JShell: Markdown and self-contained HTML,
 * escaped, with a row limit and a final "… N more" row. Results describe themselves as a {@link
 * Table}; this class owns the syntax.
 */
public final class Render {
  /** The default row limit of every table: enough to read, small enough to display. */
  public static final int MAX_ROWS = 50;

  private Render() {}

  /** The ellipsis that starts the "… N more" row. */
  private static final String ELLIPSIS = "\u2026";

  /**
   * A table to render.
   *
   * @param caption a line above the table; empty for none
   * @param header the column names, at least one
   * @param rows the rows, each as wide as the header
   * @param notes lines below the table, e.g. caveats; may be empty
   */
  public record Table(
      String caption, List<String> header, List<List<String>> rows, List<String> notes) {
    /** Validates and copies. */
    public Table {
      requireNonNull(caption, "caption");
      header = List.copyOf(header);
      rows = List.copyOf(rows);
      notes = List.copyOf(notes);
      if (header.isEmpty()) {
        throw new IllegalArgumentException("a table needs at least one column");
      }
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException(
              "row " + row + " has " + row.size() + " cells; the header has " + header.size());
        }
      }
    }
  }

  /** {@code 1 policy}, {@code 3 policies}. */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** The notes that caveats make below a table. */
  public static List<String> caveatNotes(List<Caveat> caveats) {
    return caveats.stream().map(c -> "caveat: " + c).toList();
  }

  private static void checkMaxRows(int maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException(
          "maxRows " + maxRows + " is negative; pass 0 or more (e.g. " + MAX_ROWS + ")");
    }
  }

  /** GitHub-flavoured Markdown: caption paragraph, pipe table, notes as a bullet list. */
  public static String markdown(Table table, int maxRows) {
    checkMaxRows(maxRows);
    StringBuilder out = new StringBuilder();
    if (!table.caption().isEmpty()) {
      out.append(markdownText(table.caption())).append("\n\n");
    }
    markdownRow(out, table.header());
    out.append('|');
    table.header().forEach(h -> out.append(" --- |"));
    out.append('\n');
    shown(table, maxRows).forEach(row -> markdownRow(out, row));
    int hidden = table.rows().size() - Math.min(maxRows, table.rows().size());
    if (hidden > 0) {
      List<String> more = new ArrayList<>();
      more.add(more(hidden));
      while (more.size() < table.header().size()) {
        more.add("");
      }
      markdownRow(out, more);
    }
    if (!table.notes().isEmpty()) {
      out.append('\n');
      table.notes().forEach(n -> out.append("- ").append(markdownText(n)).append('\n'));
    }
    return out.toString();
  }

  /** One {@code <table>} element, no styles or scripts: caption, head, body, notes as footer. */
  public static String html(Table table, int maxRows) {
    checkMaxRows(maxRows);
    int width = table.header().size();
    StringBuilder out = new StringBuilder("<table>\n");
    if (!table.caption().isEmpty()) {
      out.append("<caption>").append(htmlText(table.caption())).append("</caption>\n");
    }
    out.append("<thead><tr>");
    table.header().forEach(h -> out.append("<th>").append(htmlText(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : shown(table, maxRows)) {
      out.append("<tr>");
      row.forEach(c -> out.append("<td>").append(htmlText(c)).append("</td>"));
      out.append("</tr>\n");
    }
    int hidden = table.rows().size() - Math.min(maxRows, table.rows().size());
    if (hidden > 0) {
      out.append(colspan(width, more(hidden)));
    }
    out.append("</tbody>\n");
    if (!table.notes().isEmpty()) {
      out.append("<tfoot>\n");
      table.notes().forEach(n -> out.append(colspan(width, htmlText(n))));
      out.append("</tfoot>\n");
    }
    return out.append("</table>\n").toString();
  }

  private static List<List<String>> shown(Table table, int maxRows) {
    return table.rows().subList(0, Math.min(maxRows, table.rows().size()));
  }

  private static String more(int hidden) {
    return String.format(Locale.ROOT, "%s %d more", ELLIPSIS, hidden);
  }

  private static String colspan(int width, String html) {
    return "<tr><td colspan=\"" + width + "\">" + html + "</td></tr>\n";
  }

  private static void markdownRow(StringBuilder out, List<String> cells) {
    out.append('|');
    cells.forEach(c -> out.append(' ').append(markdownText(c)).append(" |"));
    out.append('\n');
  }

  /**
   * Text safe in a Markdown table cell: a backslash or pipe would end or bend the cell, a line
   * break would end the row, and {@code <} could open raw HTML.
   */
  public static String markdownText(String text) {
    return text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "\\<")
        .replace("\r\n", " ")
        .replace('\n', ' ')
        .replace('\r', ' ');
  }

  /** Text safe in HTML element content and attribute values. */
  public static String htmlText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
