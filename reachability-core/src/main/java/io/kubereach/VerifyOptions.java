package io.kubereach;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which checks {@link Reachability#verify} runs, and the intents it checks.
 *
 * <pre>{@code
 * VerifyOptions.defaults().only("unprotected-ingress", "metadata-egress");
 * }</pre>
 *
 * @param checks the checks to run: a subset of {@link #CHECKS}
 * @param intents expected connections to check
 */
public record VerifyOptions(Set<String> checks, List<Intent> intents) {

  /** Every check, in report order (docs/verify.md explains each). */
  public static final List<String> CHECKS =
      List.of(
          "ambiguous-priority",
          "unprotected-ingress",
          "unprotected-egress",
          "namespace-without-default-deny",
          "metadata-egress",
          "external-ingress",
          "policy-selects-nothing",
          "rule-matches-nothing",
          "shadowed-rule",
          "unresolved-named-port",
          "redundant-policy",
          "redundant-rule",
          "intent-violated",
          "intent-matches-nothing");

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a check is unknown
   */
  public VerifyOptions {
    checks = Set.copyOf(requireNonNull(checks, "checks"));
    intents = List.copyOf(requireNonNull(intents, "intents"));
    for (String c : checks) {
      requireKnown(c);
    }
  }

  /** Every check, no intents. */
  public static VerifyOptions defaults() {
    return new VerifyOptions(Set.copyOf(CHECKS), List.of());
  }

  /** These options running only {@code ids}. */
  public VerifyOptions only(String... ids) {
    return new VerifyOptions(Set.of(ids), intents);
  }

  /** These options without {@code ids}. */
  public VerifyOptions skipping(String... ids) {
    Set<String> kept = new TreeSet<>(checks);
    for (String id : ids) {
      requireKnown(id);
      kept.remove(id);
    }
    return new VerifyOptions(kept, intents);
  }

  /** These options with {@code more} intents to check. */
  public VerifyOptions withIntents(List<Intent> more) {
    List<Intent> all = new java.util.ArrayList<>(intents);
    all.addAll(more);
    return new VerifyOptions(checks, all);
  }

  /** Whether check {@code id} runs. */
  public boolean runs(String id) {
    return checks.contains(id);
  }

  private static void requireKnown(String id) {
    if (!CHECKS.contains(id)) {
      throw new IllegalArgumentException(
          "unknown check '" + id + "'; the checks are " + String.join(", ", CHECKS));
    }
  }
}
