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
  private final Map<String, Seen> seen = new HashMap<>();
  private final List<Diagnostic> notes = new ArrayList<>();
  private final Map<String, List<io.kubereach.SourceLocation>> rules = new HashMap<>();
  private final Map<String, java.util.Set<String>> ignored = new HashMap<>();
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
    if (unique("Namespace " + namespace.name(), namespace, where)) {
      snapshot.add(namespace);
    }
  }

  void add(Pod pod, Location where) {
    if (unique("Pod " + pod.namespace() + "/" + pod.name(), pod, where)) {
      snapshot.add(pod);
    }
  }

  void add(Workload workload, Location where) {
    if (unique(
        workload.kind() + " " + workload.namespace() + "/" + workload.name(), workload, where)) {
      snapshot.add(workload);
    }
  }

  void add(Service service, Location where) {
    if (unique("Service " + service.namespace() + "/" + service.name(), service, where)) {
      snapshot.add(service);
    }
  }

  void add(ClusterNetworkPolicy policy, Location where) {
    if (unique(policy.kind() + " " + policy.name(), policy, where)) {
      snapshot.add(policy);
    }
  }

  void add(io.kubereach.model.Node node, Location where) {
    if (unique("Node " + node.name(), node, where)) {
      snapshot.add(node);
    }
  }

  /** What the input leaves out: makes the snapshot, and every answer from it, incomplete. */
  void limitation(Limitation limitation) {
    snapshot.add(limitation);
  }

  void add(NetworkPolicy policy, Location where) {
    if (unique("NetworkPolicy " + policy.namespace() + "/" + policy.name(), policy, where)) {
      snapshot.add(policy);
    }
  }

  /**
   * Whether the object is new. The same object twice (a manifest applied from two files) is read
   * once with a warning; another object of the same kind, namespace and name is an error naming
   * both places.
   */
  private boolean unique(String key, Object object, Location where) {
    Seen first = seen.putIfAbsent(key, new Seen(where, object));
    if (first == null) {
      return true;
    }
    if (first.object().equals(object)) {
      warnings.add(
          new Diagnostic(
              where.source(),
              where.line(),
              where.column(),
              "",
              "",
              "",
              "",
              key + " again, identical to the one at " + first.where() + "; read once"));
      return false;
    }
    throw new Invalid(
        where.line(),
        where.column(),
        "",
        "duplicate "
            + key
            + ", first defined at "
            + first.where()
            + "; names must be unique per kind and namespace",
        null);
  }

  /** Where an object was first read, and what it was. */
  private record Seen(Location where, Object object) {}

  /** Where the rules of one direction of a policy are written, in order. */
  void rules(String objectKey, io.kubereach.model.PolicyType direction, List<Location> where) {
    rules.put(
        objectKey + " " + direction,
        where.stream()
            .map(w -> new io.kubereach.SourceLocation(w.source(), w.line(), w.column()))
            .toList());
  }

  /** The checks an object's annotation suppresses. */
  void ignore(String objectKey, java.util.Set<String> checks) {
    ignored.put(objectKey, java.util.Set.copyOf(checks));
  }

  /** Where each object, rule and suppression of this load is. */
  private Origins origins() {
    Map<String, io.kubereach.SourceLocation> objects = new HashMap<>();
    seen.forEach(
        (key, s) ->
            objects.put(
                key,
                new io.kubereach.SourceLocation(
                    s.where().source(), s.where().line(), s.where().column())));
    return new Origins(objects, rules, ignored);
  }

  /** A file or folder stepped over because it is not a manifest (a note, not a warning). */
  void note(Diagnostic diagnostic) {
    notes.add(diagnostic);
  }

  /** Whether an error was collected. */
  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** How many objects were read so far. */
  int objects() {
    return seen.size();
  }

  /** Drops the warnings from {@code index} on: they are summed up in a note instead. */
  List<Diagnostic> warningsSince(int index) {
    return warnings.subList(index, warnings.size());
  }

  int warningCount() {
    return warnings.size();
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
      return new LoadResult(snapshot.build(), warnings, notes, origins());
    } catch (IllegalArgumentException e) {
      // Every rule of the snapshot is checked above with a location; this is a safety net.
      throw new ManifestException(
          List.of(new Diagnostic("<snapshot>", 0, 0, "", "", "", "", e.getMessage())), e);
    }
  }
}
