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
    Node n = map.fields().get(key);
    return n == null || isNull(n) ? Optional.empty() : Optional.of(n);
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
      if (!text.isEmpty()
          && text.length() <= 9
          && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
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

  /** Optional string field. */
  static Optional<String> optString(MapNode map, String key, FieldPath path) {
    return field(map, key).map(n -> string(n, at(path, key)));
  }

  /** Required string field; empty text counts as missing. */
  static String requiredString(MapNode map, String key, FieldPath path) {
    String value = optString(map, key, path).orElse("");
    if (value.isEmpty()) {
      throw new Invalid(map, at(path, key), "is required");
    }
    return value;
  }

  /** Optional mapping field. */
  static Optional<MapNode> optMap(MapNode map, String key, FieldPath path) {
    return field(map, key).map(n -> map(n, at(path, key)));
  }

  /** Optional list field; absent or null is the empty list. */
  static List<Node> optList(MapNode map, String key, FieldPath path) {
    return field(map, key).map(n -> list(n, at(path, key)).items()).orElse(List.of());
  }

  /**
   * A {@code map[string]string} such as labels. A null value reads as the empty string, as the API
   * server's decoder does; numbers and booleans are errors (Kubernetes rejects them: quote them).
   */
  static Map<String, String> stringMap(Node node, FieldPath path) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : map(node, path).fields().entrySet()) {
      Node value = e.getValue();
      FieldPath valuePath = at(path, e.getKey());
      if (e.getKey().isEmpty()) {
        throw new Invalid(value, path, "holds an empty key; every key needs a name");
      }
      if (isNull(value)) {
        out.put(e.getKey(), "");
      } else if (value instanceof Scalar s && s.type() != Type.STRING && s.type() != Type.OTHER) {
        throw new Invalid(
            value,
            valuePath,
            "expected a string, got "
                + value.describe()
                + "; quote it: "
                + e.getKey()
                + ": \""
                + s.text()
                + "\"");
      } else {
        out.put(e.getKey(), string(value, valuePath));
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
