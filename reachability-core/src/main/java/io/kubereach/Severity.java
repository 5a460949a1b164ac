package io.kubereach;

import java.util.Locale;

/** How much a {@link Finding} matters; ordered from least to most. */
public enum Severity {
  /** Worth knowing; nothing is wrong by itself. */
  INFO,
  /** Clutter or a likely slip with no effect on reachability. */
  LOW,
  /** A gap or a rule that does not do what it says. */
  MEDIUM,
  /** Traffic a review would not expect: fix or justify it. */
  HIGH;

  /**
   * Reads {@code info}, {@code low}, {@code medium} or {@code high}, in any case.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "'; expected info, low, medium or high");
  }

  /** The lower-case name, as reports write it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
