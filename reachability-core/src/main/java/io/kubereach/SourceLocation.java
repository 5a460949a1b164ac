package io.kubereach;

import static java.util.Objects.requireNonNull;

/**
 * Where something is written: a file (or stream name), a 1-based line and column (0 when unknown).
 *
 * @param file the file or stream name, as the loader was given it
 * @param line the line, 1-based; 0 when unknown
 * @param column the column, 1-based; 0 when unknown
 */
public record SourceLocation(String file, int line, int column) {
  /** Validates. */
  public SourceLocation {
    requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line and column must be >= 0; got " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
