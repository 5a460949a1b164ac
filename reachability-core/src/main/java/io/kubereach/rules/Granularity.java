package io.kubereach.rules;

import io.kubereach.Connection;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;
import java.util.function.Function;

/** Which endpoints and connections of the index a rule looks at. */
enum Granularity {
  WORKLOADS("workloads", ReachabilityIndex::endpoints, ReachabilityIndex::connections),
  PODS("pods", ReachabilityIndex::podEndpoints, ReachabilityIndex::podConnections);

  final String noun;
  private final Function<ReachabilityIndex, List<WorkloadEndpoint>> endpoints;
  private final Function<ReachabilityIndex, List<Connection>> connections;

  Granularity(
      String noun,
      Function<ReachabilityIndex, List<WorkloadEndpoint>> endpoints,
      Function<ReachabilityIndex, List<Connection>> connections) {
    this.noun = noun;
    this.endpoints = endpoints;
    this.connections = connections;
  }

  List<WorkloadEndpoint> endpoints(ReachabilityIndex index) {
    return endpoints.apply(index);
  }

  List<Connection> connections(ReachabilityIndex index) {
    return connections.apply(index);
  }
}
