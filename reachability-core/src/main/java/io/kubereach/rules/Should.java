package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.PolicyType;

/** Turns subjects into rules. */
final class Should implements EndpointsShould {
  private final Given given;

  Should(Given given) {
    this.given = given;
  }

  private ConnectionRule rule(ConnectionRuleImpl.Kind kind, EndpointPredicate peers) {
    return ConnectionRuleImpl.of(given, kind, requireNonNull(peers, "peers"));
  }

  @Override
  public ConnectionRule onlyBeReachableFrom(EndpointPredicate sources) {
    return rule(ConnectionRuleImpl.Kind.ONLY_FROM, sources);
  }

  @Override
  public ConnectionRule notBeReachableFrom(EndpointPredicate sources) {
    return rule(ConnectionRuleImpl.Kind.NOT_FROM, sources);
  }

  @Override
  public ConnectionRule onlyReach(EndpointPredicate destinations) {
    return rule(ConnectionRuleImpl.Kind.ONLY_TO, destinations);
  }

  @Override
  public ConnectionRule notReach(EndpointPredicate destinations) {
    return rule(ConnectionRuleImpl.Kind.NOT_TO, destinations);
  }

  @Override
  public ConnectionRule beIsolatedFrom(EndpointPredicate others) {
    return rule(ConnectionRuleImpl.Kind.ISOLATED_FROM, others);
  }

  @Override
  public ConnectionRule notBeReachableFromExternal() {
    return rule(ConnectionRuleImpl.Kind.NOT_FROM, Predicates.external());
  }

  @Override
  public ConnectionRule notReachExternal() {
    return rule(ConnectionRuleImpl.Kind.NOT_TO, Predicates.external());
  }

  @Override
  public IsolationRule beIsolatedForIngress() {
    return new IsolatedRule(given, PolicyType.Ingress, "");
  }

  @Override
  public IsolationRule beIsolatedForEgress() {
    return new IsolatedRule(given, PolicyType.Egress, "");
  }
}
