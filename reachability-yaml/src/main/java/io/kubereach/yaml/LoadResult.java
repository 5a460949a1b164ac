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
 */
public record LoadResult(ClusterSnapshot cluster, List<Diagnostic> warnings) {

  /** Copies the warnings. */
  public LoadResult {
    requireNonNull(cluster, "cluster");
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
  }
}
