package io.kubereach.yaml;

import io.kubereach.SourceLocation;
import io.kubereach.model.ClusterNetworkPolicy;
import io.kubereach.model.ClusterSnapshot;
import io.kubereach.model.Limitation;
import io.kubereach.model.Namespace;
import io.kubereach.model.NetworkPolicy;
import io.kubereach.model.Pod;
import io.kubereach.model.Service;
import io.kubereach.model.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the objects and diagnostics of one load across all its sources, rejects duplicates with
 * the place of the first definition, and builds the snapshot only when there is no error. Not
 * thread-safe: one per load.
 */
final class Collector {
  /** Every object read, by kind and name, in the order read; the snapshot is built from them. */
  private Map<String, Seen> seen = new LinkedHashMap<>();

  private final List<Limitation> limitations = new ArrayList<>();
  private final List<Diagnostic> notes = new ArrayList<>();
  private final Map<String, List<SourceLocation>> rules = new HashMap<>();
  private final Map<String, java.util.Set<String>> ignored = new HashMap<>();
  private final List<Diagnostic> errors = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final List<Throwable> causes = new ArrayList<>();

  /**
   * While a {@link Savepoint} is open: how to undo what was put in the maps of rules and
   * suppressions (objects and lists are undone by their size at the point).
   */
  private List<Runnable> undo;

  /**
   * What was collected before a point, to return to it (see {@link Decoder#item}): the items of a
   * {@code List} are decoded before the document says it is one.
   */
  record Savepoint(int objects, int errors, int causes, int warnings, int notes, int limitations) {}

  /**
   * Makes room for the objects of {@code bytes} of input before the first is read: the 200k objects
   * of a 100k-pod dump would otherwise grow the map of what was read eighteen times, moving every
   * entry each time (7-10% of loading it). An object takes some hundreds of bytes.
   */
  void expect(long bytes) {
    if (seen.isEmpty()) {
      seen = new LinkedHashMap<>((int) Math.min(bytes / 256, Limits.DEFAULT_MAX_DOCUMENTS));
    }
  }

  /** Opens a savepoint; one at a time. */
  Savepoint savepoint() {
    if (undo != null) {
      throw new IllegalStateException("a savepoint is already open");
    }
    undo = new ArrayList<>();
    return new Savepoint(
        seen.size(),
        errors.size(),
        causes.size(),
        warnings.size(),
        notes.size(),
        limitations.size());
  }

  /** Keeps what was collected since {@code point}. */
  void commit(Savepoint point) {
    undo = null;
  }

  /** Forgets everything collected since {@code point}, as if it had never been read. */
  void rollback(Savepoint point) {
    for (int i = undo.size() - 1; i >= 0; i--) {
      undo.get(i).run();
    }
    undo = null;
    // Objects are only ever added, in order: what came after the point is the map's tail.
    Iterator<String> objects = seen.keySet().iterator();
    for (int i = 0; objects.hasNext(); i++) {
      objects.next();
      if (i >= point.objects()) {
        objects.remove();
      }
    }
    truncate(errors, point.errors());
    truncate(causes, point.causes());
    truncate(warnings, point.warnings());
    truncate(notes, point.notes());
    truncate(limitations, point.limitations());
  }

  private static void truncate(List<?> list, int size) {
    list.subList(size, list.size()).clear();
  }

  /** Puts {@code value} at {@code key}, remembering how to undo it while a savepoint is open. */
  private <V> void put(Map<String, V> map, String key, V value) {
    V old = map.put(key, value);
    if (undo != null) {
      undo.add(
          () -> {
            if (old == null) {
              map.remove(key);
            } else {
              map.put(key, old);
            }
          });
    }
  }

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

  void add(Namespace namespace, SourceLocation where) {
    unique("Namespace " + namespace.name(), namespace, where);
  }

  void add(Pod pod, SourceLocation where) {
    unique("Pod " + pod.namespace() + "/" + pod.name(), pod, where);
  }

  void add(Workload workload, SourceLocation where) {
    unique(workload.kind() + " " + workload.namespace() + "/" + workload.name(), workload, where);
  }

  void add(Service service, SourceLocation where) {
    unique("Service " + service.namespace() + "/" + service.name(), service, where);
  }

  void add(ClusterNetworkPolicy policy, SourceLocation where) {
    unique(policy.kind() + " " + policy.name(), policy, where);
  }

  void add(io.kubereach.model.Node node, SourceLocation where) {
    unique("Node " + node.name(), node, where);
  }

  /** What the input leaves out: makes the snapshot, and every answer from it, incomplete. */
  void limitation(Limitation limitation) {
    limitations.add(limitation);
  }

  void add(NetworkPolicy policy, SourceLocation where) {
    unique("NetworkPolicy " + policy.namespace() + "/" + policy.name(), policy, where);
  }

  /**
   * Records the object, unless it was read before. The same object twice (a manifest applied from
   * two files) is read once with a warning; another object of the same kind, namespace and name is
   * an error naming both places.
   */
  private void unique(String key, Object object, SourceLocation where) {
    Seen first = seen.putIfAbsent(key, new Seen(where, object));
    if (first == null) {
      return; // a rollback finds it at the end of the map (no undo step for each of 100k pods)
    }
    if (first.object().equals(object)) {
      warnings.add(
          new Diagnostic(
              where.file(),
              where.line(),
              where.column(),
              "",
              "",
              "",
              "",
              key + " again, identical to the one at " + first.where() + "; read once"));
      return;
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

  private ClusterSnapshot snapshot() {
    ClusterSnapshot.Builder snapshot = ClusterSnapshot.builder();
    for (Seen s : seen.values()) {
      Object o = s.object();
      if (o instanceof Namespace namespace) {
        snapshot.add(namespace);
      } else if (o instanceof Pod pod) {
        snapshot.add(pod);
      } else if (o instanceof Workload workload) {
        snapshot.add(workload);
      } else if (o instanceof Service service) {
        snapshot.add(service);
      } else if (o instanceof NetworkPolicy policy) {
        snapshot.add(policy);
      } else if (o instanceof ClusterNetworkPolicy policy) {
        snapshot.add(policy);
      } else if (o instanceof io.kubereach.model.Node node) {
        snapshot.add(node);
      } else {
        throw new IllegalStateException("not a snapshot object: " + o.getClass());
      }
    }
    limitations.forEach(snapshot::add);
    return snapshot.build();
  }

  /** Where an object was first read, and what it was. */
  private record Seen(SourceLocation where, Object object) {}

  /** Where the rules of one direction of a policy are written, in order. */
  void rules(
      String objectKey, io.kubereach.model.PolicyType direction, List<SourceLocation> where) {
    put(rules, objectKey + " " + direction, List.copyOf(where));
  }

  /** The checks an object's annotation suppresses. */
  void ignore(String objectKey, java.util.Set<String> checks) {
    put(ignored, objectKey, java.util.Set.copyOf(checks));
  }

  /** Where each object, rule and suppression of this load is. */
  private Origins origins() {
    return new Origins(
        key -> {
          Seen s = seen.get(key);
          return s == null ? null : s.where();
        },
        rules,
        ignored);
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
      return new LoadResult(snapshot(), warnings, notes, origins());
    } catch (IllegalArgumentException e) {
      // Every rule of the snapshot is checked above with a location; this is a safety net.
      throw new ManifestException(
          List.of(new Diagnostic("<snapshot>", 0, 0, "", "", "", "", e.getMessage())), e);
    }
  }
}
