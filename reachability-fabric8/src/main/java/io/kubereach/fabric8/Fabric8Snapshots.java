package io.kubereach.fabric8;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubereach.model.Limitation;
import io.kubereach.yaml.LoadResult;
import io.kubereach.yaml.ManifestException;
import io.kubereach.yaml.ManifestReader;
import io.kubereach.yaml.Manifests;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a snapshot from fabric8 model objects or from a live cluster.
 *
 * <p>Objects go through the manifest decoder ({@link ManifestReader#readObjects}): what a file
 * would be refused for, an object is refused for, and the {@link ManifestException} names the
 * object and field ({@code objects Pod shop/web spec.containers[0].ports[0]: ...}). Owner chains
 * join a Deployment, its ReplicaSets and its pods into one endpoint, and real pods stand for their
 * workload (docs/semantics.md, S15), so a live cluster gives the endpoints its manifests would.
 *
 * <pre>{@code
 * try (KubernetesClient client = new KubernetesClientBuilder().build()) {
 *   LoadResult loaded = Fabric8Snapshots.fromCluster(client);
 *   ReachabilityIndex index = Reachability.index(loaded.cluster());
 * }
 * LoadResult mine = Fabric8Snapshots.fromObjects(List.of(namespace, deployment, policy));
 * }</pre>
 *
 * <p>Stateless and thread-safe; the client is only read from, never closed.
 */
public final class Fabric8Snapshots {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  /** The loader with its default limits, strict. */
  private static final ManifestReader DEFAULTS =
      Manifests.withLimits(io.kubereach.yaml.Limits.defaults());

  private Fabric8Snapshots() {}

  /**
   * Reads model objects ({@code Pod}, {@code Deployment}, ..., {@code NetworkPolicy}, and the
   * admin-tier kinds as {@code GenericKubernetesResource}) with the default limits.
   *
   * @throws ManifestException carrying every invalid object and field at once
   * @throws NullPointerException if {@code objects} or an element is null
   */
  public static LoadResult fromObjects(Collection<? extends KubernetesResource> objects) {
    return fromObjects(DEFAULTS, objects);
  }

  /**
   * Like {@link #fromObjects(Collection)}, read by {@code reader} (its limits, or leniently).
   *
   * @throws ManifestException carrying every invalid object and field at once
   */
  public static LoadResult fromObjects(
      ManifestReader reader, Collection<? extends KubernetesResource> objects) {
    requireNonNull(reader, "reader");
    List<String> texts =
        objects.stream().map(o -> JSON.asJson(requireNonNull(o, "object"))).toList();
    return reader.readObjects("objects", texts);
  }

  /**
   * Reads every namespace of the cluster {@code client} talks to.
   *
   * @throws ClusterReadException if the cluster cannot be reached or refuses a read
   * @throws ManifestException if the cluster holds an object kubereach cannot read
   */
  public static LoadResult fromCluster(KubernetesClient client) {
    return fromCluster(client, Set.of());
  }

  /**
   * Reads the given namespaces (all of them when empty), with the cluster-scoped kinds that apply
   * to them: Namespaces' labels, admin-tier policies and, when one exists, nodes.
   *
   * @throws ClusterReadException if the cluster cannot be reached or refuses a read
   * @throws ManifestException if the cluster holds an object kubereach cannot read
   */
  public static LoadResult fromCluster(KubernetesClient client, Collection<String> namespaces) {
    return fromCluster(DEFAULTS, client, namespaces);
  }

  /**
   * Like {@link #fromCluster(KubernetesClient, Collection)}, read by {@code reader}.
   *
   * @throws ClusterReadException if the cluster cannot be reached or refuses a read
   * @throws ManifestException if the cluster holds an object kubereach cannot read
   */
  public static LoadResult fromCluster(
      ManifestReader reader, KubernetesClient client, Collection<String> namespaces) {
    requireNonNull(reader, "reader");
    ClusterReader cluster = new ClusterReader(requireNonNull(client, "client"));
    TreeSet<String> chosen = new TreeSet<>(namespaces);
    LoadResult loaded = reader.readObjects(cluster.source(), cluster.read(chosen));
    if (chosen.isEmpty()) {
      return loaded;
    }
    // Pods of the other namespaces are not read: their addresses would look external.
    return new LoadResult(
        loaded
            .cluster()
            .withLimitation(
                new Limitation(
                    Limitation.Kind.PART_OF_CLUSTER,
                    "read only namespaces "
                        + String.join(", ", chosen)
                        + " of "
                        + cluster.source()
                        + ": pods elsewhere are not in the answers, and their addresses count as"
                        + " external")),
        loaded.warnings(),
        loaded.notes(),
        loaded.origins());
  }
}
