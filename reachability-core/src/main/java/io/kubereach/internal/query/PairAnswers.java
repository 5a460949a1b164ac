package io.kubereach.internal.query;

import io.kubereach.internal.engine.Engine;
import io.kubereach.internal.topology.EndpointMembers;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.PolicyType;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;

/**
 * The answers between two endpoints (S5, S11, S15 in docs/semantics.md): unions over the pairs of
 * their pods' classes and their address atoms, from the engine's class answers.
 */
final class PairAnswers {
  private final PodTable table;
  private final Engine engine;
  private final ClassPairs classPairs;

  PairAnswers(PodTable table, Engine engine) {
    this.table = table;
    this.engine = engine;
    this.classPairs = new ClassPairs(table, engine);
  }

  ClassPairs classPairs() {
    return classPairs;
  }

  /** Whether some pair of the endpoints' members connects on {@code port}. */
  boolean allows(EndpointMembers source, EndpointMembers destination, Port port) {
    if (source instanceof EndpointMembers.Pods s && destination instanceof EndpointMembers.Pods d) {
      if (!s.several() && !d.several()) {
        int p = s.pods()[0];
        int q = d.pods()[0];
        if (p == q && table.pod(p).single()) {
          return true; // S11: the very same pod
        }
        return engine.allows(engine.classOf(p), engine.classOf(q), port);
      }
      ClassPairs.Pairs pairs = classPairs.of(s, d);
      return pairs.samePod()
          || pairs.pairs().stream().anyMatch(c -> engine.allows(c.source(), c.destination(), port));
    }
    if (source instanceof EndpointMembers.Pods s
        && destination instanceof EndpointMembers.Addresses a) {
      int[] sourceClasses = classPairs.classesOf(s.pods());
      return engine
          .ipAtoms()
          .overlapping(a.range())
          .anyMatch(atom -> anyClass(sourceClasses, c -> engine.allowsTo(c, atom, port)));
    }
    if (source instanceof EndpointMembers.Addresses a
        && destination instanceof EndpointMembers.Pods d) {
      int[] destinationClasses = classPairs.classesOf(d.pods());
      return engine
          .ipAtoms()
          .overlapping(a.range())
          .anyMatch(atom -> anyClass(destinationClasses, c -> engine.allowsFrom(atom, c, port)));
    }
    throw bothExternal(source, destination);
  }

  private static boolean anyClass(int[] classes, java.util.function.IntPredicate test) {
    for (int c : classes) {
      if (test.test(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * T9: whether another order of same-priority policies would give the other answer: no pair is
   * allowed for certain, some pair may be allowed, and every pair may be denied.
   */
  boolean ambiguous(EndpointMembers source, EndpointMembers destination, Port port) {
    if (engine.unambiguous()) {
      return false;
    }
    boolean mayAllow = false;
    boolean mayDeny = true;
    if (source instanceof EndpointMembers.Pods s && destination instanceof EndpointMembers.Pods d) {
      ClassPairs.Pairs pairs = classPairs.of(s, d);
      if (pairs.samePod()) {
        return false;
      }
      for (ClassPairs.ClassPair c : pairs.pairs()) {
        boolean allowed = engine.allows(c.source(), c.destination(), port);
        boolean either = engine.ambiguous(c.source(), c.destination(), port);
        mayAllow |= allowed || either;
        mayDeny &= !allowed || either;
      }
      return mayAllow && mayDeny;
    }
    boolean egress = source instanceof EndpointMembers.Pods;
    EndpointMembers.Pods pods = (EndpointMembers.Pods) (egress ? source : destination);
    EndpointMembers.Addresses range = (EndpointMembers.Addresses) (egress ? destination : source);
    for (int atom : engine.ipAtoms().overlapping(range.range()).toArray()) {
      for (int c : classPairs.classesOf(pods.pods())) {
        boolean allowed =
            egress ? engine.allowsTo(c, atom, port) : engine.allowsFrom(atom, c, port);
        boolean either =
            egress ? engine.ambiguousTo(c, atom, port) : engine.ambiguousFrom(atom, c, port);
        mayAllow |= allowed || either;
        mayDeny &= !allowed || either;
      }
    }
    return mayAllow && mayDeny;
  }

  /** T9: every port whose verdict between the endpoints depends on the order of policies. */
  PortSet ambiguousPorts(EndpointMembers source, EndpointMembers destination) {
    if (engine.unambiguous()) {
      return PortSet.none();
    }
    PortSet out = PortSet.none();
    for (PortSet portClass : engine.portClasses()) {
      if (ambiguous(source, destination, portClass.samplePort())) {
        out = out.union(portClass);
      }
    }
    return out;
  }

  /** Every port on which some pair of the endpoints' members connects. */
  PortSet ports(EndpointMembers source, EndpointMembers destination) {
    if (source instanceof EndpointMembers.Pods s && destination instanceof EndpointMembers.Pods d) {
      ClassPairs.Pairs pairs = classPairs.of(s, d);
      if (pairs.samePod()) {
        return PortSet.all(); // S11: the very same pod
      }
      PortSet out = PortSet.none();
      for (ClassPairs.ClassPair c : pairs.pairs()) {
        out = out.union(engine.between(c.source(), c.destination()));
      }
      return out;
    }
    if (source instanceof EndpointMembers.Pods s
        && destination instanceof EndpointMembers.Addresses a) {
      return external(s, a, PolicyType.Egress);
    }
    if (source instanceof EndpointMembers.Addresses a
        && destination instanceof EndpointMembers.Pods d) {
      return external(d, a, PolicyType.Ingress);
    }
    throw bothExternal(source, destination);
  }

  /** The ports between some pods and an address range: egress toward it, or ingress from it. */
  private PortSet external(
      EndpointMembers.Pods pods, EndpointMembers.Addresses range, PolicyType direction) {
    return engine.external(
        classPairs.classesOf(pods.pods()),
        engine.ipAtoms().overlapping(range.range()).toArray(),
        direction == PolicyType.Egress);
  }

  static IllegalArgumentException bothExternal(EndpointMembers s, EndpointMembers d) {
    return new IllegalArgumentException(
        "both "
            + s.endpoint()
            + " and "
            + d.endpoint()
            + " are external; no policy applies between addresses, pick a pod or workload");
  }
}
