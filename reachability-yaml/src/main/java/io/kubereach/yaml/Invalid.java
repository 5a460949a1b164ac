package io.kubereach.yaml;

/**
 * A located problem found while reading one object or document; caught by the loader and turned
 * into a {@link Diagnostic}. Internal control flow only, so it carries no stack trace.
 */
final class Invalid extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String path;

  Invalid(int line, int column, String path, String message, Throwable cause) {
    super(message, cause, false, false);
    this.line = line;
    this.column = column;
    this.path = path;
  }

  Invalid(Node at, FieldPath path, String message) {
    this(at.line(), at.column(), path.toString(), message, null);
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  String path() {
    return path;
  }
}
