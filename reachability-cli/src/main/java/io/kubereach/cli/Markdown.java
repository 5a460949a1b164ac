package io.kubereach.cli;

/** Escapes text for a Markdown table cell. */
final class Markdown {
  private Markdown() {}

  static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }
}
