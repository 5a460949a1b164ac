package io.kubereach.assertj;

import java.util.function.Consumer;

/**
 * Where the assertions reached from one {@link ReachabilityIndexAssert} send their failures: thrown
 * at once (hard), or handed to a soft assertions collector.
 *
 * @param sink receives each failure; throws it in hard mode
 * @param description the user's {@code as(...)} description, or empty
 */
record Failures(Consumer<AssertionError> sink, String description) {

  static final Consumer<AssertionError> THROW =
      e -> {
        throw e;
      };

  /** Reports one failure, prefixed by the description as AssertJ does ({@code [desc] ...}). */
  void fail(String message) {
    sink.accept(
        new AssertionError(description.isEmpty() ? message : "[" + description + "] " + message));
  }
}
