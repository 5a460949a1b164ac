package io.kubereach.yaml;

import io.kubereach.Finding;
import io.kubereach.SourceLocation;
import io.kubereach.model.PolicyRef;
import io.kubereach.model.PolicyType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where each object and policy rule of a load is written, and which findings its annotations
 * suppress ({@code kubereach.io/ignore: check-id[,check-id]}, with {@code
 * kubereach.io/ignore-reason} saying why): what a security review needs to point at manifest lines
 * and to respect a team's decisions. Immutable.
 *
 * <pre>{@code
 * LoadResult loaded = Manifests.load(dir);
 * VerifyReport report = Reachability.verify(Reachability.index(loaded.cluster()))
 *     .located(loaded.origins()::of);
 * }</pre>
 */
public final class Origins {
  /** The annotation that suppresses findings about an object. */
  public static final String IGNORE = "kubereach.io/ignore";

  /** The annotation that says why. */
  public static final String IGNORE_REASON = "kubereach.io/ignore-reason";

  private final Function<String, SourceLocation> objects;
  private final Map<String, List<SourceLocation>> rules;
  private final Map<String, Set<String>> ignored;

  /**
   * Takes the lookup and maps as they are, without a copy: the caller hands them over and never
   * changes them again.
   *
   * @param objects where the object of a key is, or null; a lookup in what the loader read, which a
   *     100k-pod dump would otherwise copy into a map of 200k entries
   */
  Origins(
      Function<String, SourceLocation> objects,
      Map<String, List<SourceLocation>> rules,
      Map<String, Set<String>> ignored) {
    this.objects = objects;
    this.rules = rules;
    this.ignored = ignored;
  }

  static Origins none() {
    return new Origins(key -> null, new HashMap<>(), new HashMap<>());
  }

  /** The key of an object: {@code Kind ns/name}, or {@code Kind name} when cluster-scoped. */
  static String key(String kind, String namespace, String name) {
    return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }

  static String key(PolicyRef ref) {
    return key(ref.kind().name(), ref.namespace().orElse(""), ref.name());
  }

  /** Where a policy is written. */
  public Optional<SourceLocation> of(PolicyRef policy) {
    return Optional.ofNullable(objects.apply(key(policy)));
  }

  /** Where rule {@code index} of a policy's {@code direction} list is written. */
  public Optional<SourceLocation> of(PolicyRef policy, PolicyType direction, int index) {
    List<SourceLocation> list = rules.get(key(policy) + " " + direction);
    return list == null || index >= list.size() ? of(policy) : Optional.of(list.get(index));
  }

  /**
   * Where the subject of a finding is written: its rule, its policy, its workload or pod, its
   * Namespace object; empty when the manifests hold none of these (an implicit namespace).
   */
  public Optional<SourceLocation> of(Finding f) {
    if (f.location().isPresent()) {
      return f.location();
    }
    if (f.policy().isPresent()) {
      PolicyRef p = f.policy().get();
      return f.rule().isPresent() && f.direction().isPresent()
          ? of(p, f.direction().get(), f.rule().getAsInt())
          : of(p);
    }
    return subjectKey(f.subject()).map(objects);
  }

  /** Whether an annotation of the finding's subject suppresses its check. */
  public boolean suppresses(Finding f) {
    Optional<String> key = f.policy().map(Origins::key).or(() -> subjectKey(f.subject()));
    return key.map(k -> ignored.getOrDefault(k, Set.of()))
        .map(s -> s.contains(f.check()) || s.contains("all"))
        .orElse(false);
  }

  /** {@code ns/name[Kind]} or {@code ns}, as an object key. */
  private static Optional<String> subjectKey(String subject) {
    int open = subject.indexOf('[');
    int slash = subject.indexOf('/');
    if (open > 0 && subject.endsWith("]") && slash > 0 && slash < open) {
      String kind = subject.substring(open + 1, subject.length() - 1);
      return Optional.of(
          key(kind, subject.substring(0, slash), subject.substring(slash + 1, open)));
    }
    if (slash < 0 && open < 0) {
      return Optional.of(key("Namespace", "", subject));
    }
    return Optional.empty();
  }
}
