package io.kubereach.cli;

/** The output formats of {@code list} and {@code diff}. */
enum Format {
  /** One line per connection, the grammar of docs/cli.md. */
  txt,
  /** A JSON document, schema in docs/cli.md. */
  json,
  /** RFC 4180 CSV with a header row. */
  csv,
  /** A Markdown table. */
  md,
  /** A Graphviz digraph, namespaces as clusters. */
  dot,
  /** The digraph rendered by Graphviz ({@code dot} on the PATH). */
  svg,
  /** A self-contained HTML report: summary, namespace map, filterable table. */
  html
}
