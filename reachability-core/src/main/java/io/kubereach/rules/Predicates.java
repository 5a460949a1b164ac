package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/** The predicates behind {@link IsolationRules}' factories. */
final class Predicates {
  private Predicates() {}

  static EndpointPredicate namespace(String... names) {
    requireNonNull(names, "names");
    if (names.length == 0) {
      throw new IllegalArgumentException(
          "namespace() needs at least one namespace name, e.g. namespace(\"shop\")");
    }
    List<String> list = List.of(names);
    list.forEach(n -> requireText(n, "namespace name"));
    Set<String> set = Set.copyOf(list);
    String description = list.size() == 1 ? "in namespace " + list.get(0) : "in namespaces " + list;
    return new Described(
        description, (e, i) -> e instanceof WorkloadEndpoint w && set.contains(w.namespace()));
  }

  static EndpointPredicate label(String key, String value) {
    requireText(key, "label key");
    requireNonNull(value, "value");
    return new Described(
        "with label " + key + "=" + value,
        (e, i) ->
            e instanceof WorkloadEndpoint w
                && i.members(w).stream().anyMatch(m -> value.equals(m.labels().get(key))));
  }

  static EndpointPredicate named(String name) {
    requireText(name, "name");
    return new Described(
        "named " + name, (e, i) -> e instanceof WorkloadEndpoint w && w.name().equals(name));
  }

  static EndpointPredicate kind(String kind) {
    requireText(kind, "kind");
    return new Described(
        "of kind " + kind, (e, i) -> e instanceof WorkloadEndpoint w && w.kind().equals(kind));
  }

  static EndpointPredicate external() {
    return new Described("outside the cluster", (e, i) -> e instanceof ExternalEndpoint);
  }

  static String requireText(String text, String what) {
    requireNonNull(text, what);
    if (text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank; pass the exact name");
    }
    return text;
  }

  /**
   * A predicate with its description.
   *
   * @param description the phrase
   * @param test the test
   */
  record Described(String description, BiPredicate<Endpoint, ReachabilityIndex> test)
      implements EndpointPredicate {
    Described {
      requireText(description, "description");
      requireNonNull(test, "test");
    }

    @Override
    public boolean test(Endpoint endpoint, ReachabilityIndex index) {
      return test.test(endpoint, index);
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
