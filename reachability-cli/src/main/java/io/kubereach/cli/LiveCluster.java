package io.kubereach.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubereach.fabric8.Fabric8Snapshots;
import io.kubereach.yaml.LoadResult;
import io.kubereach.yaml.ManifestReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the live cluster a kubeconfig context points at, with kubectl's meaning of {@code
 * --kubeconfig} (else {@code $KUBECONFIG}, else {@code ~/.kube/config}, else the pod's service
 * account), {@code --context} and {@code -n}.
 */
final class LiveCluster {
  private LiveCluster() {}

  static LoadResult read(
      ManifestReader reader, Path kubeconfig, String context, List<String> namespaces) {
    Config config = config(kubeconfig, context);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      return Fabric8Snapshots.fromCluster(reader, client, namespaces);
    }
  }

  private static Config config(Path kubeconfig, String context) {
    if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
      throw new IllegalArgumentException("no such kubeconfig file: " + kubeconfig);
    }
    if (kubeconfig == null && !anyConfiguration()) {
      throw new IllegalArgumentException(
          "no kubeconfig to read the cluster with: give --kubeconfig FILE, set KUBECONFIG, or"
              + " create ~/.kube/config (kubectl config view shows what kubectl uses)");
    }
    Config config;
    try {
      config =
          kubeconfig != null
              ? Config.fromKubeconfig(context, kubeconfig.toFile())
              : Config.autoConfigure(context);
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot use the kubeconfig"
              + (kubeconfig != null ? " " + kubeconfig : "")
              + (context != null ? " with context " + context : "")
              + ": "
              + e.getMessage(),
          e);
    }
    if (context != null && !context.equals(currentContext(config))) {
      throw new IllegalArgumentException(
          "no context '"
              + context
              + "' in the kubeconfig"
              + (kubeconfig != null ? " " + kubeconfig : "")
              + "; contexts: "
              + config.getContexts().stream().map(c -> c.getName()).sorted().toList());
    }
    // fabric8 retries ten times with a growing pause: a terminal user would wait half a minute to
    // learn that the cluster is down. Two quick retries ride out a blip.
    config.setRequestRetryBackoffLimit(2);
    config.setRequestRetryBackoffInterval(200);
    return config;
  }

  /** Whether fabric8 would find a configuration: $KUBECONFIG, ~/.kube/config, or a pod's token. */
  private static boolean anyConfiguration() {
    String env = System.getenv("KUBECONFIG");
    return (env != null && !env.isBlank())
        || Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"))
        || Files.isRegularFile(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
  }

  private static String currentContext(Config config) {
    return config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
  }
}
