package io.kubereach.yaml;

import io.kubereach.yaml.Node.ListNode;
import io.kubereach.yaml.Node.MapNode;
import io.kubereach.yaml.Node.Scalar;
import io.kubereach.yaml.Node.Type;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Typed, located access to {@link Node} trees: each accessor either returns a value of the asked
 * type or throws {@link Invalid} naming the field path and what was found instead, so that a wrong
 * value type is a located error and never a {@link ClassCastException}.
 */
final class Fields {
  private Fields() {}

  /** {@code path.key}, or {@code key} at the top. */
  static FieldPath at(FieldPath path, String key) {
    return path.key(key);
  }

  /** {@code path[index]}. */
  static FieldPath at(FieldPath path, int index) {
    return path.index(index);
  }

  /** Whether the node is an explicit null (absent for Kubernetes, as in JSON {@code null}). */
  static boolean isNull(Node node) {
    return node instanceof Scalar s && s.type() == Type.NULL;
  }

  /** The field's value, empty when it is absent or null. */
  static Optional<Node> field(MapNode map, String key) {
    return Optional.ofNullable(value(map, key));
  }

  /**
   * The field's value, or null when it is absent or null: what the accessors below read, so that
   * reading a field makes no {@link Optional} (they were a tenth of what a load allocated).
   */
  private static Node value(MapNode map, String key) {
    Node n = map.fields().get(key);
    return n == null || isNull(n) ? null : n;
  }

  static MapNode map(Node node, FieldPath path) {
    if (node instanceof MapNode m) {
      return m;
    }
    throw wrongType(node, path, "a mapping");
  }

  static ListNode list(Node node, FieldPath path) {
    if (node instanceof ListNode l) {
      return l;
    }
    throw wrongType(node, path, "a list");
  }

  static String string(Node node, FieldPath path) {
    if (node instanceof Scalar s && s.type() == Type.STRING) {
      return s.text();
    }
    throw wrongType(node, path, "a string");
  }

  static boolean bool(Node node, FieldPath path) {
    if (node instanceof Scalar s && s.type() == Type.BOOLEAN) {
      return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
    }
    throw wrongType(node, path, "true or false");
  }

  /** An integer; a quoted number is an error, as for the API server (an int field is no string). */
  static int integer(Node node, FieldPath path) {
    if (node instanceof Scalar s && s.type() == Type.INTEGER) {
      String text = s.text();
      if (!text.isEmpty() && text.length() <= 9 && isDigits(text)) {
        return Integer.parseInt(text); // fits: the usual port number
      }
      BigInteger value;
      try {
        value = new BigInteger(s.text().replace("_", ""));
      } catch (NumberFormatException e) {
        throw new Invalid(node, path, "'" + s.text() + "' is not a decimal integer");
      }
      if (value.bitLength() > 31) {
        throw new Invalid(node, path, s.text() + " is out of range for a 32-bit integer");
      }
      return value.intValue();
    }
    if (node instanceof Scalar s && s.type() == Type.STRING && s.text().matches("-?[0-9]+")) {
      throw new Invalid(
          node, path, "expected an integer, got the string '" + s.text() + "'; remove the quotes");
    }
    throw wrongType(node, path, "an integer");
  }

  /** Whether {@code text} is only the digits 0-9 (and not empty). */
  static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /** Optional string field. */
  static Optional<String> optString(MapNode map, String key, FieldPath path) {
    return Optional.ofNullable(string(map, key, path, null));
  }

  /** A string field, or {@code absent} when it is absent or null. */
  static String string(MapNode map, String key, FieldPath path, String absent) {
    Node n = value(map, key);
    return n == null ? absent : string(n, at(path, key));
  }

  /** Required string field; empty text counts as missing. */
  static String requiredString(MapNode map, String key, FieldPath path) {
    String value = string(map, key, path, "");
    if (value.isEmpty()) {
      throw new Invalid(map, at(path, key), "is required");
    }
    return value;
  }

  /** A boolean field, or {@code absent} when it is absent or null. */
  static boolean bool(MapNode map, String key, FieldPath path, boolean absent) {
    Node n = value(map, key);
    return n == null ? absent : bool(n, at(path, key));
  }

  /** An integer field, or {@code absent} when it is absent or null. */
  static int integer(MapNode map, String key, FieldPath path, int absent) {
    Node n = value(map, key);
    return n == null ? absent : integer(n, at(path, key));
  }

  /** Optional mapping field. */
  static Optional<MapNode> optMap(MapNode map, String key, FieldPath path) {
    Node n = value(map, key);
    return n == null ? Optional.empty() : Optional.of(map(n, at(path, key)));
  }

  /** Optional list field; absent or null is the empty list. */
  static List<Node> optList(MapNode map, String key, FieldPath path) {
    Node n = value(map, key);
    return n == null ? List.of() : list(n, at(path, key)).items();
  }

  /** A {@link #stringMap(Node, FieldPath)} field; absent or null is the empty map. */
  static Map<String, String> stringMap(MapNode map, String key, FieldPath path) {
    Node n = value(map, key);
    return n == null ? Map.of() : stringMap(n, at(path, key));
  }

  /**
   * A {@code map[string]string} such as labels. A null value reads as the empty string, as the API
   * server's decoder does; numbers and booleans are errors (Kubernetes rejects them: quote them).
   */
  static Map<String, String> stringMap(Node node, FieldPath path) {
    FieldMap fields = map(node, path).fields();
    Map<String, String> out = new LinkedHashMap<>(fields.size() * 2);
    for (int i = 0; i < fields.size(); i++) {
      String key = fields.key(i);
      Node value = fields.value(i);
      if (key.isEmpty()) {
        throw new Invalid(value, path, "holds an empty key; every key needs a name");
      }
      if (value instanceof Scalar s && s.type() == Type.STRING) {
        out.put(key, s.text()); // the usual label, without a path made for it
      } else if (isNull(value)) {
        out.put(key, "");
      } else if (value instanceof Scalar s && s.type() != Type.OTHER) {
        throw new Invalid(
            value,
            at(path, key),
            "expected a string, got "
                + value.describe()
                + "; quote it: "
                + key
                + ": \""
                + s.text()
                + "\"");
      } else {
        out.put(key, string(value, at(path, key)));
      }
    }
    return out;
  }

  /**
   * Runs a model constructor, turning its {@link IllegalArgumentException} into a located error.
   */
  static <T> T build(Node at, FieldPath path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new Invalid(at, path, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static Invalid wrongType(Node node, FieldPath path, String expected) {
    return new Invalid(node, path, "expected " + expected + ", got " + node.describe());
  }
}
