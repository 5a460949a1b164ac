package io.kubereach.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Copies label maps into immutable, key-sorted form so that equal labels print alike. */
final class Labels {
  private Labels() {}

  static SortedMap<String, String> copyOf(Map<String, String> labels, String what) {
    if (labels == null) {
      throw new IllegalArgumentException(what + " must not be null; pass Map.of() for no labels");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    labels.forEach(
        (k, v) -> {
          if (k == null || k.isEmpty() || v == null) {
            throw new IllegalArgumentException(
                what + " holds an empty key or a null value: " + k + "=" + v);
          }
          copy.put(k, v);
        });
    return Collections.unmodifiableSortedMap(copy);
  }

  static String requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return name;
  }
}
