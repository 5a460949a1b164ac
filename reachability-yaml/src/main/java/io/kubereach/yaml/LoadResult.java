package io.kubereach.yaml;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.ClusterSnapshot;
import java.util.List;

/**
 * What the loader read: the snapshot and the warnings about what it stepped over (kinds it does not
 * analyse, documents that are not Kubernetes objects).
 *
 * <pre>{@code
 * LoadResult loaded = Manifests.load(Path.of("examples/shop"));
 * loaded.warnings().forEach(System.err::println);
 * ClusterSnapshot cluster = loaded.cluster();
 * }</pre>
 *
 * @param cluster the snapshot; never null
 * @param warnings the warnings in input order; never null, often empty
 * @param notes the files of a folder that were stepped over because they are not manifests (Helm
 *     charts and values, unrendered templates, kustomize and CI configuration, other YAML); never
 *     null
 * @param origins where each object and rule is written, and what annotations suppress
 */
public record LoadResult(
    ClusterSnapshot cluster, List<Diagnostic> warnings, List<Diagnostic> notes, Origins origins) {

  /** Copies the lists. */
  public LoadResult {
    requireNonNull(cluster, "cluster");
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
    notes = List.copyOf(requireNonNull(notes, "notes"));
    requireNonNull(origins, "origins");
  }

  /** A result without notes or origins (a snapshot not read from files). */
  public LoadResult(ClusterSnapshot cluster, List<Diagnostic> warnings) {
    this(cluster, warnings, List.of(), Origins.none());
  }

  /**
   * Whether every answer from this snapshot can be trusted as complete: nothing was read leniently
   * and no policy of a kind we do not analyse was skipped. When false, {@code
   * cluster().limitations()} says why; the answers still come, marked incomplete.
   *
   * @return true when the snapshot has no limitations
   */
  public boolean complete() {
    return cluster.limitations().isEmpty();
  }
}
