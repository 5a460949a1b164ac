package io.kubereach.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * Equal parts of the objects decoded from one source, kept once. The pods of one controller share
 * their labels, ports and owner, and a cluster dump holds thousands of such pods: kept once, a
 * loaded 100k-pod cluster keeps a third less, and the collector copies that much less while the
 * load runs (docs/benchmarks.md, "A loader that keeps less"). Only immutable values are shared. Not
 * thread-safe: one per source.
 */
final class Shared {
  private final Map<Object, Object> kept = new HashMap<>();

  /** The value kept that equals {@code value}, else {@code value} itself. */
  @SuppressWarnings("unchecked")
  <T> T find(T value) {
    Object known = kept.get(value);
    return known == null ? value : (T) known;
  }

  /** Keeps {@code value}, an immutable one, unless an equal one is kept. */
  void keep(Object value) {
    kept.putIfAbsent(value, value);
  }
}
