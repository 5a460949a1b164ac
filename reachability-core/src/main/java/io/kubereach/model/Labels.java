package io.kubereach.model;

import java.util.Map;

/** Copies label maps into immutable, key-sorted form so that equal labels print alike. */
final class Labels {
  private Labels() {}

  /** The labels as an immutable map sorted by key ({@link LabelMap}). */
  static Map<String, String> copyOf(Map<String, String> labels, String what) {
    return LabelMap.copyOf(labels, what);
  }

  static String requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return name;
  }
}
