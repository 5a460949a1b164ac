package io.kubereach.yaml;

import static java.util.Objects.requireNonNull;

/**
 * One located problem in the input: where it is (source, line, column), which object it belongs to
 * (kind, namespace, name), which field (a path such as {@code spec.ingress[0].ports[0].port}) and
 * what is wrong.
 *
 * <p>Parts that are unknown are empty strings (or 0 for line and column): a YAML syntax error has
 * no kind, a cluster-scoped Namespace no namespace. {@link #toString()} leaves them out.
 *
 * <pre>{@code
 * new Diagnostic("shop.yaml", 42, 11, "NetworkPolicy", "shop", "allow-web",
 *     "spec.ingress[0].ports[0].port", "port 70000 is not in 1..65535").toString()
 * // shop.yaml:42:11 NetworkPolicy shop/allow-web spec.ingress[0].ports[0].port: port 70000 ...
 * }</pre>
 *
 * @param source the file or stream name, as given to the loader; never null
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param kind the object's kind, or empty
 * @param namespace the object's namespace, or empty (cluster-scoped or unknown)
 * @param name the object's name, or empty
 * @param path the field path inside the object, or empty
 * @param message what is wrong and, where possible, how to fix it; never empty
 */
public record Diagnostic(
    String source,
    int line,
    int column,
    String kind,
    String namespace,
    String name,
    String path,
    String message) {

  /**
   * Validates: no nulls, non-negative positions, a message.
   *
   * @throws NullPointerException if any text is null
   * @throws IllegalArgumentException if a position is negative or the message is blank
   */
  public Diagnostic {
    requireNonNull(source, "source");
    requireNonNull(kind, "kind");
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
    requireNonNull(path, "path");
    requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line and column must be >= 0 (0 = unknown); got " + line + ":" + column);
    }
    if (message.isBlank()) {
      throw new IllegalArgumentException("a diagnostic needs a message");
    }
  }

  /**
   * {@code file:line:column Kind ns/name field.path: message}, leaving out unknown parts.
   *
   * <pre>{@code
   * shop.yaml:3:7: duplicate key 'name' (first at 2:7)
   * shop.yaml:9:1 ConfigMap shop/settings: kind ConfigMap is not analysed; skipped
   * }</pre>
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    if (!kind.isEmpty()) {
      sb.append(' ').append(kind);
    }
    if (!name.isEmpty()) {
      sb.append(' ');
      if (!namespace.isEmpty()) {
        sb.append(namespace).append('/');
      }
      sb.append(name);
    }
    if (!path.isEmpty()) {
      sb.append(' ').append(path);
    }
    return sb.append(": ").append(message).toString();
  }
}
