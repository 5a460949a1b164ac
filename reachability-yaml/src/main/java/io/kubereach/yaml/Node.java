package io.kubereach.yaml;

import java.util.List;

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
   * A mapping with unique keys, in input order, which is its own {@link #fields() field map}.
   * Equal, as maps are, when the fields are; where it is written is not compared.
   */
  final class MapNode extends FieldMap implements Node {
    private final int line;
    private final int column;

    /**
     * Takes the arrays as they are (see {@link FieldMap#FieldMap}).
     *
     * @param entries each key followed by its value
     * @param positions where each key is written, as {@code line << 32 | column}
     * @param hashes the {@link FieldMap#bit} of every key, or'ed
     */
    MapNode(int line, int column, Object[] entries, long[] positions, long hashes) {
      super(entries, positions, hashes);
      this.line = line;
      this.column = column;
    }

    /** A mapping without fields, written at {@code line}:{@code column}. */
    static MapNode empty(int line, int column) {
      return new MapNode(line, column, NO_ENTRIES, NO_POSITIONS, 0);
    }

    @Override
    public int line() {
      return line;
    }

    @Override
    public int column() {
      return column;
    }

    /** The keys and values, in input order: this mapping itself. */
    FieldMap fields() {
      return this;
    }

    /** The line where {@code key} is written, else the mapping's. */
    int keyLine(String key) {
      long at = position(key);
      return at < 0 ? line : (int) (at >>> 32);
    }

    /** The column where {@code key} is written, else the mapping's. */
    int keyColumn(String key) {
      long at = position(key);
      return at < 0 ? column : (int) at;
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /**
   * A sequence.
   *
   * @param items unmodifiable; not copied, because the reader hands over a list it never touches
   *     again (a copy per list is measurable on a 100k-object dump)
   */
  record ListNode(int line, int column, List<Node> items) implements Node {

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
