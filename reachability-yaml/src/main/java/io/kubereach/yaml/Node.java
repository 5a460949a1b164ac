package io.kubereach.yaml;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML/JSON value that remembers where it starts, so that every error can name its line
 * and column. Jackson's own trees drop locations, hence this small tree built from its tokens.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {

  /** The 1-based line where the value starts. */
  int line();

  /** The 1-based column where the value starts. */
  int column();

  /** A short description for type errors: "a mapping", "the number 5", ... */
  String describe();

  /**
   * A mapping with unique keys, in input order.
   *
   * @param keys where each key is written, as {@code line << 32 | column}; absent for a mapping
   *     that was not read from text
   */
  record MapNode(int line, int column, Map<String, Node> fields, Map<String, Long> keys)
      implements Node {
    public MapNode {
      fields = Collections.unmodifiableMap(fields);
      keys = Collections.unmodifiableMap(keys);
    }

    /** A mapping without key positions. */
    public MapNode(int line, int column, Map<String, Node> fields) {
      this(line, column, fields, Map.of());
    }

    /** The line where {@code key} is written, else the mapping's. */
    int keyLine(String key) {
      Long at = keys.get(key);
      return at == null ? line : (int) (at >>> 32);
    }

    /** The column where {@code key} is written, else the mapping's. */
    int keyColumn(String key) {
      Long at = keys.get(key);
      return at == null ? column : (int) (long) at;
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence. */
  record ListNode(int line, int column, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar; {@code text} is its text as written (for null, the empty string). */
  record Scalar(int line, int column, Type type, String text) implements Node {

    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "the string '" + abbreviate(text) + "'";
        case INTEGER, DECIMAL -> "the number " + abbreviate(text);
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "null";
        case OTHER -> "a tagged value";
      };
    }

    private static String abbreviate(String s) {
      return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
  }

  /** What kind of scalar. */
  enum Type {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL,
    /** Binary or other tagged content that is none of the above. */
    OTHER
  }
}
