package io.kubereach.rules;

import static java.util.Objects.requireNonNull;

import io.kubereach.Connection;
import io.kubereach.Explanation;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortRange;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A rule over the allowed connections touching the subjects. */
final class ConnectionRuleImpl implements ConnectionRule {

  /** What the rule says about the connections of a subject and its peers. */
  enum Kind {
    ONLY_FROM("should only be reachable from"),
    NOT_FROM("should not be reachable from"),
    ONLY_TO("should only reach"),
    NOT_TO("should not reach"),
    ISOLATED_FROM("should be isolated from");

    final String verb;

    Kind(String verb) {
      this.verb = verb;
    }
  }

  private final Given given;
  private final Kind kind;
  private final EndpointPredicate peers;
  private final PortSet ports;
  private final String reason;

  private ConnectionRuleImpl(
      Given given, Kind kind, EndpointPredicate peers, PortSet ports, String reason) {
    this.given = given;
    this.kind = kind;
    this.peers = peers;
    this.ports = ports;
    this.reason = reason;
  }

  static ConnectionRuleImpl of(Given given, Kind kind, EndpointPredicate peers) {
    return new ConnectionRuleImpl(given, kind, peers, PortSet.all(), "");
  }

  @Override
  public IsolationRule onPorts(Port... ports) {
    requireNonNull(ports, "ports");
    return onPorts(PortSet.of(Arrays.stream(ports).map(PortRange::of).toList()));
  }

  @Override
  public IsolationRule onPorts(PortSet ports) {
    requireNonNull(ports, "ports");
    if (ports.isEmpty()) {
      throw new IllegalArgumentException(
          "onPorts() needs at least one port, e.g. onPorts(Port.tcp(443)); leave it out for all"
              + " ports");
    }
    return new ConnectionRuleImpl(given, kind, peers, ports, reason);
  }

  @Override
  public IsolationRule because(String reason) {
    return new ConnectionRuleImpl(
        given, kind, peers, ports, Predicates.requireText(reason, "reason"));
  }

  @Override
  public String description() {
    return given.description()
        + " "
        + kind.verb
        + " endpoints "
        + peers.description()
        + (ports.isAll() ? "" : " on " + ports)
        + (reason.isEmpty() ? "" : ", because " + reason);
  }

  @Override
  public EvaluationResult evaluate(ReachabilityIndex index) {
    requireNonNull(index, "index");
    String rule = description();
    Set<WorkloadEndpoint> subjects = given.subjects(index, rule);
    Map<Endpoint, Boolean> peerMemo = new HashMap<>();
    List<Violation> out = new ArrayList<>();
    for (Connection c : given.granularity().connections(index)) {
      boolean into = subjects.contains(c.destination());
      boolean outOf = subjects.contains(c.source());
      PortSet bad = PortSet.none();
      switch (kind) {
        case ONLY_FROM -> {
          if (into) {
            bad = allowedOnly(c, isPeer(c.source(), index, peerMemo));
          }
        }
        case ONLY_TO -> {
          if (outOf) {
            bad = allowedOnly(c, isPeer(c.destination(), index, peerMemo));
          }
        }
        case NOT_FROM -> {
          if (into && isPeer(c.source(), index, peerMemo)) {
            bad = c.ports().intersection(ports);
          }
        }
        case NOT_TO -> {
          if (outOf && isPeer(c.destination(), index, peerMemo)) {
            bad = c.ports().intersection(ports);
          }
        }
        case ISOLATED_FROM -> {
          if ((into && isPeer(c.source(), index, peerMemo))
              || (outOf && isPeer(c.destination(), index, peerMemo))) {
            bad = c.ports().intersection(ports);
          }
        }
      }
      if (!bad.isEmpty()) {
        out.add(violation(index, c.source(), c.destination(), bad));
      }
    }
    return new EvaluationResult(rule, out);
  }

  /** A connection to or from an allowed peer may use the rule's ports; any other, none. */
  private PortSet allowedOnly(Connection c, boolean allowedPeer) {
    return allowedPeer ? c.ports().difference(ports) : c.ports();
  }

  private boolean isPeer(Endpoint e, ReachabilityIndex index, Map<Endpoint, Boolean> memo) {
    return memo.computeIfAbsent(e, x -> peers.test(x, index));
  }

  /** Explains each range of the forbidden ports on its first port. */
  private static ConnectionViolation violation(
      ReachabilityIndex index, Endpoint source, Endpoint destination, PortSet bad) {
    List<Explanation> why = new ArrayList<>();
    for (PortRange r : bad.ranges()) {
      why.add(index.explain(source, destination, r.firstPort()));
    }
    return new ConnectionViolation(source, destination, bad, why);
  }

  @Override
  public String toString() {
    return description();
  }
}
