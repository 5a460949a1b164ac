package io.kubereach.yaml;

import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Limitation;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Pod;
import io.kubereach.model.Service;
import io.kubereach.model.Workload;
import io.kubereach.yaml.Decoder.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the objects and diagnostics of one load across all its sources, rejects duplicates with
 * the place of the first definition, and builds the snapshot only when there is no error. Not
 * thread-safe: one per load.
 */
final class Collector {
  private final ClusterSnapshot.Builder snapshot = ClusterSnapshot.builder();
  private final Map<String, Location> seen = new HashMap<>();
  private final List<Diagnostic> errors = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final List<Throwable> causes = new ArrayList<>();

  void error(Diagnostic diagnostic) {
    errors.add(diagnostic);
  }

  void error(Diagnostic diagnostic, Throwable cause) {
    errors.add(diagnostic);
    if (cause != null) {
      causes.add(cause);
    }
  }

  void warning(Diagnostic diagnostic) {
    warnings.add(diagnostic);
  }

  void add(Namespace namespace, Location where) {
    unique("Namespace " + namespace.name(), where);
    snapshot.add(namespace);
  }

  void add(Pod pod, Location where) {
    unique("Pod " + pod.namespace() + "/" + pod.name(), where);
    snapshot.add(pod);
  }

  void add(Workload workload, Location where) {
    unique(workload.kind() + " " + workload.namespace() + "/" + workload.name(), where);
    snapshot.add(workload);
  }

  void add(Service service, Location where) {
    unique("Service " + service.namespace() + "/" + service.name(), where);
    snapshot.add(service);
  }

  void add(ClusterNetworkPolicy policy, Location where) {
    unique(policy.kind() + " " + policy.name(), where);
    snapshot.add(policy);
  }

  void add(io.kubereach.model.Node node, Location where) {
    unique("Node " + node.name(), where);
    snapshot.add(node);
  }

  /** What the input leaves out: makes the snapshot, and every answer from it, incomplete. */
  void limitation(Limitation limitation) {
    snapshot.add(limitation);
  }

  void add(NetworkPolicy policy, Location where) {
    unique("NetworkPolicy " + policy.namespace() + "/" + policy.name(), where);
    snapshot.add(policy);
  }

  private void unique(String key, Location where) {
    Location first = seen.putIfAbsent(key, where);
    if (first != null) {
      throw new Invalid(
          where.line(),
          where.column(),
          "",
          "duplicate "
              + key
              + ", first defined at "
              + first
              + "; names must be unique per kind and namespace",
          null);
    }
  }

  /**
   * The result, or every error at once.
   *
   * @throws ManifestException if any error was collected
   */
  LoadResult finish() {
    if (!errors.isEmpty()) {
      throw new ManifestException(errors, causes.size() == 1 ? causes.get(0) : null);
    }
    try {
      return new LoadResult(snapshot.build(), warnings);
    } catch (IllegalArgumentException e) {
      // Every rule of the snapshot is checked above with a location; this is a safety net.
      throw new ManifestException(
          List.of(new Diagnostic("<snapshot>", 0, 0, "", "", "", "", e.getMessage())), e);
    }
  }
}
