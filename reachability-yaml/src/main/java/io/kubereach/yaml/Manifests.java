package io.kubereach.yaml;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.ClusterSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Kubernetes manifests into a {@link io.kubereach.model.ClusterSnapshot}, and writes one
 * back.
 *
 * <p>Reads YAML and JSON, multi-document streams (empty documents are skipped), {@code kind: List}
 * and typed lists ({@code PodList}, {@code NetworkPolicyList}, ...) whose items may omit kind and
 * apiVersion. Analysed kinds: Namespace, Node, Pod, Deployment, ReplicaSet, ReplicationController,
 * StatefulSet, DaemonSet, Job, CronJob, Service, NetworkPolicy, and of {@code
 * policy.networking.k8s.io} ClusterNetworkPolicy (v1alpha2), AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy (v1alpha1). The policies of other projects (Cilium, Calico, Antrea,
 * Istio, MultiNetworkPolicy, ...) are not analysed: they are skipped with a warning and make the
 * snapshot incomplete ({@link io.kubereach.model.ClusterSnapshot#limitations()}). Any other kind
 * (ConfigMap, Ingress, ...) is skipped with a warning. Objects without {@code metadata.namespace}
 * belong to {@code default}. A namespace referenced but never declared exists with only its name
 * label (S8).
 *
 * <p>Errors are collected across all sources and thrown once as a {@link ManifestException};
 * nothing else escapes, and no partial snapshot is returned. Rejected with a located error, besides
 * everything the Kubernetes API would reject (bad CIDR, port out of range, endPort below port,
 * unknown operator or protocol, a peer with nothing or with an ipBlock and a selector, wrong value
 * types, duplicate objects): YAML aliases and anchors (Jackson would read {@code *a} as the text
 * "a"), duplicate keys, documents that are not mappings, invalid UTF-8, and input over the {@link
 * Limits}. A quoted port number ({@code port: "80"}) is an error too: Kubernetes reads it as a port
 * name and rejects it.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * LoadResult loaded = Manifests.load(Path.of("examples/shop"));
 * loaded.warnings().forEach(System.err::println);
 * ClusterSnapshot cluster = loaded.cluster();
 * }</pre>
 */
public final class Manifests {
  private static final ManifestReader DEFAULT = new ManifestReader(Limits.defaults(), false);

  private Manifests() {}

  /**
   * Reads files and folders, in the order given. A folder is read recursively, in sorted order of
   * relative paths, taking only {@code .yaml}, {@code .yml} and {@code .json} files and skipping
   * hidden ones; a file named directly is read whatever its extension. Files ending in {@code
   * .json} are parsed as JSON, all others as YAML.
   *
   * @param paths files or folders
   * @return the snapshot and the warnings
   * @throws ManifestException carrying every error of every source (also a missing path)
   * @throws NullPointerException if {@code paths} or an element is null
   */
  public static LoadResult load(Path... paths) {
    return DEFAULT.load(paths);
  }

  /**
   * Reads files and folders; the same as {@link #load(Path...)}.
   *
   * @param paths files or folders
   * @return the snapshot and the warnings
   * @throws ManifestException carrying every error of every source
   * @throws NullPointerException if {@code paths} or an element is null
   */
  public static LoadResult load(List<Path> paths) {
    return DEFAULT.load(paths);
  }

  /**
   * Reads one UTF-8 stream to its end, without closing it. It is parsed as JSON when {@code
   * sourceName} ends in {@code .json}, otherwise as YAML (which also reads most JSON).
   *
   * <pre>{@code
   * try (InputStream in = System.in) {
   *   LoadResult loaded = Manifests.read("<stdin>", in);
   * }
   * }</pre>
   *
   * @param sourceName the name that diagnostics print, e.g. a file name or {@code <stdin>}
   * @param in the stream
   * @return the snapshot and the warnings
   * @throws ManifestException carrying every error, also a failure to read the stream
   * @throws NullPointerException if an argument is null
   */
  public static LoadResult read(String sourceName, InputStream in) {
    return DEFAULT.read(sourceName, in);
  }

  /**
   * Reads manifests held in a string; JSON when {@code sourceName} ends in {@code .json}.
   *
   * <pre>{@code
   * LoadResult loaded = Manifests.parse("inline.yaml", """
   *     apiVersion: v1
   *     kind: Pod
   *     metadata: {name: web, namespace: shop, labels: {app: web}}
   *     """);
   * }</pre>
   *
   * @param sourceName the name that diagnostics print
   * @param text the manifests
   * @return the snapshot and the warnings
   * @throws ManifestException carrying every error
   * @throws NullPointerException if an argument is null
   */
  public static LoadResult parse(String sourceName, String text) {
    return DEFAULT.parse(sourceName, text);
  }

  /**
   * Writes a snapshot as Kubernetes manifests, one multi-document YAML stream that this loader
   * reads back into an equal snapshot: Namespaces, Pods (owner references, IPs), workloads,
   * Services and NetworkPolicies, in snapshot order. Useful to save a what-if, or to hand a
   * generated cluster to other tools. Does not close {@code out}.
   *
   * <pre>{@code
   * try (OutputStream out = Files.newOutputStream(Path.of("what-if.yaml"))) {
   *   Manifests.write(cluster.withoutPolicy("shop", "deny-all"), out);
   * }
   * }</pre>
   *
   * @param cluster the snapshot
   * @param out where the YAML goes, as UTF-8
   * @throws java.io.UncheckedIOException if writing fails
   * @throws NullPointerException if an argument is null
   */
  public static void write(ClusterSnapshot cluster, OutputStream out) {
    ManifestWriter.write(requireNonNull(cluster, "cluster"), requireNonNull(out, "out"));
  }

  /**
   * Writes a snapshot as one JSON {@code List} document, the shape of a {@code kubectl get -A -o
   * json} dump, which this loader reads back into an equal snapshot (from a source whose name ends
   * in {@code .json}). Does not close {@code out}.
   *
   * @param cluster the snapshot
   * @param out where the JSON goes, as UTF-8
   * @throws java.io.UncheckedIOException if writing fails
   * @throws NullPointerException if an argument is null
   */
  public static void writeJson(ClusterSnapshot cluster, OutputStream out) {
    ManifestWriter.writeJsonList(requireNonNull(cluster, "cluster"), requireNonNull(out, "out"));
  }

  /**
   * The manifests of {@link #write} as a string.
   *
   * @param cluster the snapshot
   * @return the YAML stream
   * @throws NullPointerException if the cluster is null
   */
  public static String toYaml(ClusterSnapshot cluster) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(cluster, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * A reader that applies other limits, for inputs beyond the defaults.
   *
   * @param limits the limits
   * @return a reader with the same methods as this class
   * @throws NullPointerException if {@code limits} is null
   */
  public static ManifestReader withLimits(Limits limits) {
    return new ManifestReader(limits, false);
  }

  /**
   * A reader with the default limits that reads leniently (see {@link ManifestReader#lenient()}).
   *
   * @return a lenient reader
   */
  public static ManifestReader lenient() {
    return DEFAULT.lenient();
  }
}
