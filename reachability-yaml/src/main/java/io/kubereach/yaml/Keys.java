package io.kubereach.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys of one kind of mapping, for catching typos (docs/architecture.md, "Reading manifests"):
 * a <em>closed</em> mapping's keys are the whole upstream schema, so any other key is an error; an
 * <em>open</em> mapping accepts unknown keys except a near miss of a key the loader reads there,
 * the one kind of typo that would silently change an answer.
 *
 * @param name what the mapping is, for messages ("a NetworkPolicy port")
 * @param known every key upstream defines there, in any Kubernetes version
 * @param read the keys the loader reads there (a subset of {@code known})
 * @param closed whether any key outside {@code known} is an error
 */
record Keys(String name, Set<String> known, Set<String> read, boolean closed) {

  Keys {
    known = Set.copyOf(known);
    read = Set.copyOf(read);
    if (!known.containsAll(read)) {
      throw new IllegalArgumentException(name + ": read keys must be known keys");
    }
  }

  /** A closed mapping: every key is known, and every other key is an error. */
  static Keys closed(String name, String knownKeys) {
    Set<String> known = split(knownKeys);
    return new Keys(name, known, known, true);
  }

  /** An open mapping: {@code readKeys} are what the loader reads, {@code otherKeys} the rest. */
  static Keys open(String name, String readKeys, String otherKeys) {
    Set<String> read = split(readKeys);
    Set<String> known = new TreeSet<>(read);
    known.addAll(split(otherKeys));
    return new Keys(name, known, read, false);
  }

  /**
   * The keys of a list; interned, as JSON names are (TreeReader), so that they match by reference.
   */
  private static Set<String> split(String keys) {
    Set<String> out = new TreeSet<>();
    for (String k : keys.split(",")) {
      if (!k.isBlank()) {
        out.add(k.trim().intern());
      }
    }
    return out;
  }

  /**
   * What is wrong with {@code key} here, if anything: an unknown key of a closed mapping, or a near
   * miss of a read key in an open one; with the key it was probably meant to be.
   */
  Optional<String> problem(String key) {
    if (known.contains(key)) {
      return Optional.empty();
    }
    Optional<String> meant = closest(key, closed ? known : read);
    if (!closed && meant.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "unknown field '"
            + key
            + "' in "
            + name
            + meant.map(m -> "; did you mean '" + m + "'?").orElse("; expected one of " + list()));
  }

  private String list() {
    List<String> keys = List.copyOf(new TreeSet<>(known));
    return keys.size() <= 12
        ? String.join(", ", keys)
        : String.join(", ", keys.subList(0, 12)) + ", …";
  }

  /**
   * The candidate the key is a typo of: equal ignoring case, or within an edit distance that grows
   * with the length (1 up to 4 characters, 2 beyond), preferring the smallest distance.
   */
  static Optional<String> closest(String key, Set<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d =
          c.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)) ? 0 : distance(key, c);
      int allowed = Math.min(key.length(), c.length()) <= 4 ? 1 : 2;
      if (d <= allowed && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
