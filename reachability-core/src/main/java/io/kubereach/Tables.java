package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.internal.render.Render;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of connections as Markdown or HTML tables, for notebooks and JShell. Stateless; safe from
 * any thread.
 *
 * <p>A static helper rather than a result type: {@link ReachabilityIndex#connections()}, {@link
 * ReachabilityIndex#reachableFrom} and the like return plain {@code List<Connection>}, and a list a
 * caller has filtered with a stream renders just the same. Other results render themselves ({@link
 * Verdict#toMarkdown()}, {@link Explanation#toMarkdown()}, {@link ReachabilityDiff#toMarkdown()}),
 * with the same renderer.
 *
 * <pre>{@code
 * Tables.markdown(index.reachableTo(db));      // | source | destination | ports | ...
 * Tables.html(index.connections(), 20);        // first 20 rows, then "… N more"
 * }</pre>
 */
public final class Tables {
  /** The default row limit of every table: enough to read, small enough to display. */
  public static final int MAX_ROWS = Render.MAX_ROWS;

  private Tables() {}

  /**
   * A Markdown table of at most {@value #MAX_ROWS} connections, then a "… N more" row.
   *
   * @throws NullPointerException if the list or an element is null
   */
  public static String markdown(List<Connection> connections) {
    return markdown(connections, MAX_ROWS);
  }

  /**
   * A Markdown table of at most {@code maxRows} connections, then a "… N more" row.
   *
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public static String markdown(List<Connection> connections, int maxRows) {
    return Render.markdown(table(connections), maxRows);
  }

  /**
   * An HTML {@code <table>} of at most {@value #MAX_ROWS} connections, then a "… N more" row.
   *
   * @throws NullPointerException if the list or an element is null
   */
  public static String html(List<Connection> connections) {
    return html(connections, MAX_ROWS);
  }

  /**
   * An HTML {@code <table>} of at most {@code maxRows} connections, then a "… N more" row. Every
   * text is escaped; the element needs no stylesheet or script.
   *
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public static String html(List<Connection> connections, int maxRows) {
    return Render.html(table(connections), maxRows);
  }

  /**
   * Text made safe for one cell of a Markdown table, as every Markdown table of kubereach escapes
   * it: backslashes and pipes escaped, {@code <} escaped so that it opens no HTML, line breaks
   * turned into spaces.
   *
   * <pre>{@code Tables.markdownCell("a|b"); // a\|b}</pre>
   */
  public static String markdownCell(String text) {
    return Render.markdownText(requireNonNull(text, "text"));
  }

  private static Render.Table table(List<Connection> connections) {
    List<List<String>> rows = new ArrayList<>();
    for (Connection c : requireNonNull(connections, "connections")) {
      rows.add(List.of(c.source().toString(), c.destination().toString(), c.ports().toString()));
    }
    return new Render.Table(
        Render.count(rows.size(), "connection", "connections"),
        List.of("source", "destination", "ports"),
        rows,
        List.of());
  }
}
