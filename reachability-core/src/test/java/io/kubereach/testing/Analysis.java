package io.kubereach.testing;

import io.kubereach.AnalysisOptions;
import io.kubereach.Connection;
import io.kubereach.Reachability;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortSet;
import io.kubereach.model.WorkloadEndpoint;
import io.kubereach.reference.ReferenceEvaluator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What semantics tests ask of an implementation, so that one test body runs on the engine and on
 * the independent {@link ReferenceEvaluator}: verdicts, allowed ports, endpoints and listings.
 * Explanations, warnings and caveats exist only in the engine; {@link #engine()} gives the engine's
 * index of the same cluster for those.
 */
public interface Analysis {

  /** Whether {@code s} reaches {@code d} on {@code p}. */
  boolean allows(Endpoint s, Endpoint d, Port p);

  /** The ports on which {@code s} reaches {@code d}. */
  PortSet allowed(Endpoint s, Endpoint d);

  /** T9: the ports whose verdict between {@code s} and {@code d} depends on the policy order. */
  PortSet ambiguous(Endpoint s, Endpoint d);

  /** Every allowed connection at workload granularity. */
  List<Connection> connections();

  /** Every allowed connection at pod granularity. */
  List<Connection> podConnections();

  /** The endpoints at workload granularity. */
  List<WorkloadEndpoint> endpoints();

  /** The endpoints at pod granularity. */
  List<WorkloadEndpoint> podEndpoints();

  /** The engine's index of the same cluster and options. */
  ReachabilityIndex engine();

  /** The listed connections leaving {@code e}. */
  default List<Connection> reachableFrom(Endpoint e) {
    return connections().stream().filter(c -> c.source().equals(e)).toList();
  }

  /** The listed connections reaching {@code e}. */
  default List<Connection> reachableTo(Endpoint e) {
    return connections().stream().filter(c -> c.destination().equals(e)).toList();
  }

  /** The engine's reading of an endpoint text. */
  default Endpoint resolve(String text) {
    return engine().resolve(text);
  }

  /** The implementations under test. */
  enum Impl {
    /** The bitset engine behind {@link Reachability#index}. */
    ENGINE(Analysis::ofEngine),
    /** The independent, pair-by-pair oracle. */
    REFERENCE(Analysis::ofReference);

    private final BiFunction<ClusterSnapshot, AnalysisOptions, Analysis> factory;

    Impl(BiFunction<ClusterSnapshot, AnalysisOptions, Analysis> factory) {
      this.factory = factory;
    }

    /** The analysis of a cluster with Kubernetes semantics. */
    public Analysis index(ClusterSnapshot c) {
      return factory.apply(c, AnalysisOptions.defaults());
    }

    /** The analysis of a cluster under {@code options}. */
    public Analysis index(ClusterSnapshot c, AnalysisOptions options) {
      return factory.apply(c, options);
    }
  }

  /** The engine as an analysis. */
  static Analysis ofEngine(ClusterSnapshot c, AnalysisOptions options) {
    ReachabilityIndex index = Reachability.index(c, options);
    return new Analysis() {
      @Override
      public boolean allows(Endpoint s, Endpoint d, Port p) {
        return index.check(s, d, p).allowed();
      }

      @Override
      public PortSet allowed(Endpoint s, Endpoint d) {
        return index.allowed(s, d);
      }

      @Override
      public PortSet ambiguous(Endpoint s, Endpoint d) {
        return index.ambiguous(s, d);
      }

      @Override
      public List<Connection> connections() {
        return index.connections();
      }

      @Override
      public List<Connection> podConnections() {
        return index.podConnections();
      }

      @Override
      public List<WorkloadEndpoint> endpoints() {
        return index.endpoints();
      }

      @Override
      public List<WorkloadEndpoint> podEndpoints() {
        return index.podEndpoints();
      }

      @Override
      public ReachabilityIndex engine() {
        return index;
      }
    };
  }

  /** The reference evaluator as an analysis. */
  static Analysis ofReference(ClusterSnapshot c, AnalysisOptions options) {
    ReferenceEvaluator reference = ReferenceEvaluator.of(c, options);
    return new Analysis() {
      @Override
      public boolean allows(Endpoint s, Endpoint d, Port p) {
        return reference.allows(s, d, p);
      }

      @Override
      public PortSet allowed(Endpoint s, Endpoint d) {
        return reference.allowed(s, d);
      }

      @Override
      public PortSet ambiguous(Endpoint s, Endpoint d) {
        return reference.ambiguous(s, d);
      }

      @Override
      public List<Connection> connections() {
        return reference.connections();
      }

      @Override
      public List<Connection> podConnections() {
        return reference.podConnections();
      }

      @Override
      public List<WorkloadEndpoint> endpoints() {
        return reference.endpoints();
      }

      @Override
      public List<WorkloadEndpoint> podEndpoints() {
        return reference.podEndpoints();
      }

      @Override
      public ReachabilityIndex engine() {
        return Reachability.index(c, options);
      }
    };
  }
}
