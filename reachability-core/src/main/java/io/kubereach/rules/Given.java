package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Namespace;
import io.kubereach.model.WorkloadEndpoint;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The subjects of a rule: a granularity and the filters added so far (all must hold). */
final class Given implements GivenEndpoints, GivenEndpointsConjunction {
  private final Granularity granularity;
  private final Optional<EndpointPredicate> filter;

  private Given(Granularity granularity, Optional<EndpointPredicate> filter) {
    this.granularity = granularity;
    this.filter = filter;
  }

  static Given of(Granularity granularity) {
    return new Given(granularity, Optional.empty());
  }

  Given with(EndpointPredicate predicate) {
    requireNonNull(predicate, "predicate");
    return new Given(granularity, Optional.of(filter.map(f -> f.and(predicate)).orElse(predicate)));
  }

  Granularity granularity() {
    return granularity;
  }

  String description() {
    return granularity.noun + filter.map(f -> " " + f.description()).orElse("");
  }

  /**
   * The subjects among the index's endpoints.
   *
   * @throws IllegalArgumentException if there is none
   */
  Set<WorkloadEndpoint> subjects(ReachabilityIndex index, String rule) {
    Set<WorkloadEndpoint> out = new LinkedHashSet<>();
    for (WorkloadEndpoint e : granularity.endpoints(index)) {
      if (filter.map(f -> f.test(e, index)).orElse(true)) {
        out.add(e);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "rule '"
              + rule
              + "' applies to nothing: there are no "
              + description()
              + "; namespaces in this snapshot: "
              + index.snapshot().namespaces().stream().map(Namespace::name).toList()
              + "; fix the that() filter");
    }
    return out;
  }

  @Override
  public EndpointsThat that() {
    return new That(this);
  }

  @Override
  public GivenEndpointsConjunction that(EndpointPredicate predicate) {
    return with(predicate);
  }

  @Override
  public EndpointsThat and() {
    return new That(this);
  }

  @Override
  public EndpointsShould should() {
    return new Should(this);
  }

  @Override
  public String toString() {
    return description();
  }

  /** One filter to add to the subjects. */
  private static final class That implements EndpointsThat {
    private final Given given;

    That(Given given) {
      this.given = given;
    }

    @Override
    public GivenEndpointsConjunction areInNamespace(String... namespaces) {
      return given.with(Predicates.namespace(namespaces));
    }

    @Override
    public GivenEndpointsConjunction haveLabel(String key, String value) {
      return given.with(Predicates.label(key, value));
    }

    @Override
    public GivenEndpointsConjunction areNamed(String name) {
      return given.with(Predicates.named(name));
    }

    @Override
    public GivenEndpointsConjunction areOfKind(String kind) {
      return given.with(Predicates.kind(kind));
    }

    @Override
    public GivenEndpointsConjunction match(EndpointPredicate predicate) {
      return given.with(predicate);
    }
  }
}
