package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A Kubernetes label selector: every {@code matchLabels} entry and every {@code matchExpressions}
 * requirement must hold (S7a). The empty selector {@code {}} matches everything.
 *
 * <p>{@link #toString()} prints the Kubernetes selector syntax ({@code app=web,tier in
 * (api,db),!legacy}, or {@code {}} for the empty selector).
 *
 * <pre>{@code
 * LabelSelector web = LabelSelector.matchLabels(Map.of("app", "web"));
 * web.matches(Map.of("app", "web", "tier", "front")); // true
 * }</pre>
 *
 * @param matchLabels labels that must be present with exactly these values
 * @param matchExpressions further requirements
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

  private static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

  /** Validates and copies. */
  public LabelSelector {
    matchLabels = Labels.copyOf(matchLabels, "matchLabels");
    matchExpressions = List.copyOf(requireNonNull(matchExpressions, "matchExpressions"));
  }

  /**
   * A map's own hash is the sum of {@code key ^ value} over its entries, and selectors that differ
   * in one label value often sum alike: the engine's selector maps collided into long bins. The
   * entries are mixed before they are summed (a sum, so the order of the labels still does not
   * matter, as for {@link #equals}).
   */
  @Override
  public int hashCode() {
    int h = 0;
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      h += Integer.rotateLeft(e.getKey().hashCode() * 0x9E3779B1, 13) ^ e.getValue().hashCode();
    }
    return h * 0x9E3779B1 + matchExpressions.hashCode();
  }

  /** The empty selector {@code {}}: matches every object. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** A selector of {@code matchLabels} only. */
  public static LabelSelector matchLabels(Map<String, String> labels) {
    return new LabelSelector(labels, List.of());
  }

  /** Whether this is the empty selector, which matches every object. */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /** Whether an object with {@code labels} is selected (S7a). */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : matchExpressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "{}";
    }
    List<String> parts = new ArrayList<>();
    matchLabels.forEach((k, v) -> parts.add(k + "=" + v));
    matchExpressions.forEach(r -> parts.add(r.toString()));
    return String.join(",", parts);
  }

  /** The operator of a {@link Requirement}. */
  public enum Operator {
    /** The key is present with one of the values. */
    In,
    /** The key is absent, or present with a value not listed. */
    NotIn,
    /** The key is present. */
    Exists,
    /** The key is absent. */
    DoesNotExist;

    /**
     * Parses an operator as written in a manifest ({@code In}, {@code NotIn}, {@code Exists},
     * {@code DoesNotExist}); case matters, as in the Kubernetes API.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Operator parse(String text) {
      for (Operator op : values()) {
        if (op.name().equals(text)) {
          return op;
        }
      }
      throw new IllegalArgumentException(
          "unknown operator '" + text + "'; expected In, NotIn, Exists or DoesNotExist");
    }
  }

  /**
   * One {@code matchExpressions} entry.
   *
   * @param key the label key
   * @param operator how the key is tested
   * @param values the values for In/NotIn (at least one); empty for Exists/DoesNotExist
   */
  public record Requirement(String key, Operator operator, Set<String> values) {

    /** Validates per the Kubernetes API: In/NotIn need values, Exists/DoesNotExist take none. */
    public Requirement {
      Labels.requireName(key, "matchExpressions key");
      requireNonNull(operator, "operator");
      SortedSet<String> sorted = new TreeSet<>(requireNonNull(values, "values"));
      boolean needsValues = operator == Operator.In || operator == Operator.NotIn;
      if (needsValues && sorted.isEmpty()) {
        throw new IllegalArgumentException(
            "operator " + operator + " on key '" + key + "' needs at least one value");
      }
      if (!needsValues && !sorted.isEmpty()) {
        throw new IllegalArgumentException(
            "operator " + operator + " on key '" + key + "' takes no values; remove " + sorted);
      }
      values = java.util.Collections.unmodifiableSortedSet(sorted);
    }

    /** Whether {@code labels} satisfy this requirement (S7a). */
    public boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case In -> value != null && values.contains(value);
        case NotIn -> value == null || !values.contains(value);
        case Exists -> value != null;
        case DoesNotExist -> value == null;
      };
    }

    @Override
    public String toString() {
      return switch (operator) {
        case In -> key + " in (" + String.join(",", values) + ")";
        case NotIn -> key + " notin (" + String.join(",", values) + ")";
        case Exists -> key;
        case DoesNotExist -> "!" + key;
      };
    }
  }
}
