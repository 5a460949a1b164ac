/**
 * Reads a {@link io.kubereach.model.ClusterSnapshot} from fabric8 Kubernetes model objects, or from
 * a live cluster through a fabric8 {@code KubernetesClient} (docs/architecture.md, "Reading a live
 * cluster").
 *
 * <p>The public surface is {@link io.kubereach.fabric8.Fabric8Snapshots} and {@link
 * io.kubereach.fabric8.ClusterReadException}. Objects are serialised to JSON and decoded by the
 * manifest loader of {@code reachability-yaml}: one conversion path, so the same validation, the
 * same warnings and the same {@link io.kubereach.yaml.ManifestException}, located by kind,
 * namespace, name and field instead of file and line.
 */
package io.kubereach.fabric8;
