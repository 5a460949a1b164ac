package io.kubereach.yaml;

/**
 * Where a value is within its object, as a diagnostic names it: {@code
 * spec.containers[0].ports[1].containerPort}. A chain of keys and indices, written out only when a
 * diagnostic needs it: decoding passes a path to every field it reads and almost never reports one,
 * and as strings the paths of a 100k-pod dump were a sixth of what its load allocated. Immutable.
 */
final class FieldPath {
  /** The object itself, written as the empty string. */
  static final FieldPath ROOT = new FieldPath(null, "", -1);

  private final FieldPath parent;

  /** The key, or null when this is an index. */
  private final String key;

  private final int index;

  private FieldPath(FieldPath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** A path as written, such as {@code spec.jobTemplate.spec}; the empty string is the root. */
  static FieldPath of(String path) {
    return path.isEmpty() ? ROOT : new FieldPath(ROOT, path, -1);
  }

  /** {@code this.key}, or {@code key} when this is written as the empty string. */
  FieldPath key(String key) {
    return new FieldPath(this, key, -1);
  }

  /** {@code this[index]}. */
  FieldPath index(int index) {
    return new FieldPath(this, null, index);
  }

  /** Written out; recursion is as deep as the schema's mappings go (about ten). */
  @Override
  public String toString() {
    if (parent == null) {
      return key;
    }
    String written = parent.toString();
    if (key == null) {
      return written + "[" + index + "]";
    }
    return written.isEmpty() ? key : written + "." + key;
  }
}
