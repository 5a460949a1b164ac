/**
 * Reads Kubernetes manifests (YAML or JSON files, folders and streams) into a {@link
 * io.kubereach.model.ClusterSnapshot}, with located diagnostics (docs/architecture.md, "Reading
 * manifests").
 *
 * <p>The public surface is {@link io.kubereach.yaml.Manifests} (static entry points), {@link
 * io.kubereach.yaml.ManifestReader} (the same with other {@link io.kubereach.yaml.Limits}), {@link
 * io.kubereach.yaml.LoadResult}, {@link io.kubereach.yaml.Diagnostic} and {@link
 * io.kubereach.yaml.ManifestException}. Everything that touches Jackson is package-private, so no
 * Jackson type leaks into callers.
 *
 * <p>Bad input never yields a partial snapshot: every error of every source is collected, then one
 * {@link io.kubereach.yaml.ManifestException} is thrown. What the loader can step over (a kind it
 * does not analyse) is a warning in the {@link io.kubereach.yaml.LoadResult}.
 */
package io.kubereach.yaml;
