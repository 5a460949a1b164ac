package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import java.util.function.BiPredicate;

/**
 * A described test on endpoints, used to pick the subjects of a rule and the peers it talks about.
 * The description is part of the rule's text, so it reads as a phrase after "endpoints": {@code in
 * namespace checkout}, {@code with label app=web}.
 *
 * <p>The index is passed so that a predicate can look at the snapshot (labels of the pods an
 * endpoint stands for). Implementations must be immutable and free of side effects.
 *
 * <pre>{@code
 * EndpointPredicate frontends = namespace("shop").and(label("tier", "front"));
 * EndpointPredicate mine = EndpointPredicate.describedAs("named like web-*",
 *     (e, index) -> e.toString().contains("/web-"));
 * }</pre>
 */
public interface EndpointPredicate {

  /** Whether {@code endpoint}, an endpoint of {@code index}, satisfies this predicate. */
  boolean test(Endpoint endpoint, ReachabilityIndex index);

  /** The phrase that describes the matching endpoints, e.g. {@code in namespace checkout}. */
  String description();

  /** Both this and {@code other}. */
  default EndpointPredicate and(EndpointPredicate other) {
    requireNonNull(other, "other");
    return describedAs(
        description() + " and " + other.description(), (e, i) -> test(e, i) && other.test(e, i));
  }

  /** This or {@code other}. */
  default EndpointPredicate or(EndpointPredicate other) {
    requireNonNull(other, "other");
    return describedAs(
        description() + " or " + other.description(), (e, i) -> test(e, i) || other.test(e, i));
  }

  /** The endpoints this predicate does not match. */
  default EndpointPredicate negate() {
    return describedAs("not " + description(), (e, i) -> !test(e, i));
  }

  /**
   * A predicate from a description and a test.
   *
   * @throws IllegalArgumentException if {@code description} is blank
   */
  static EndpointPredicate describedAs(
      String description, BiPredicate<Endpoint, ReachabilityIndex> test) {
    return new Predicates.Described(description, test);
  }
}
