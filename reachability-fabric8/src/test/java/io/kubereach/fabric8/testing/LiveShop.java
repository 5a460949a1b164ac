package io.kubereach.fabric8.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Seeds a (mock) API server the way a real cluster holds a folder of manifests once applied: every
 * object of the folder, plus what the controllers make of them — a ReplicaSet per Deployment, pods
 * with owner references and IPs per ReplicaSet, StatefulSet and DaemonSet, and for a CronJob one
 * finished Job whose pod has completed.
 */
public final class LiveShop {
  private int nextIp = 10;

  private LiveShop() {}

  /** The bundled example, from a module folder or the build root. */
  public static Path shop() {
    Path fromModule = Path.of("..", "examples", "shop");
    return Files.isDirectory(fromModule) ? fromModule : Path.of("examples", "shop");
  }

  /** Applies every manifest of {@code folder}, then the controllers' objects. */
  public static void seed(KubernetesClient client, Path folder) {
    new LiveShop().apply(client, objects(client, folder));
  }

  /** The objects of a folder's manifests, as fabric8 reads them. */
  public static List<HasMetadata> objects(KubernetesClient client, Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".yaml"))
          .sorted()
          .flatMap(p -> load(client, p).stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<HasMetadata> load(KubernetesClient client, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return client.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void apply(KubernetesClient client, List<HasMetadata> objects) {
    for (HasMetadata object : objects) {
      HasMetadata created = client.resource(object).create();
      if (created instanceof Deployment d) {
        ReplicaSet rs = replicaSet(d);
        ReplicaSet made = client.resource(rs).create();
        pods(client, made, made.getSpec().getTemplate(), replicas(d.getSpec().getReplicas()));
      } else if (created instanceof StatefulSet s) {
        pods(client, s, s.getSpec().getTemplate(), replicas(s.getSpec().getReplicas()));
      } else if (created instanceof DaemonSet ds) {
        pods(client, ds, ds.getSpec().getTemplate(), 1);
      } else if (created instanceof CronJob cj) {
        Job job = client.resource(job(cj)).create();
        Pod done = pod(job, job.getSpec().getTemplate(), job.getMetadata().getName() + "-x7k2p");
        done.getStatus().setPhase("Succeeded");
        done.getStatus().setPodIP(null);
        client.resource(done).create();
      }
    }
  }

  private static int replicas(Integer replicas) {
    return replicas == null ? 1 : replicas;
  }

  private static ReplicaSet replicaSet(Deployment d) {
    String hash = hash(d.getMetadata().getName());
    PodTemplateSpec template = d.getSpec().getTemplate();
    Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
    labels.put("pod-template-hash", hash);
    return new ReplicaSetBuilder()
        .withMetadata(owned(d, d.getMetadata().getName() + "-" + hash, labels))
        .withNewSpec()
        .withReplicas(d.getSpec().getReplicas())
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withSpec(template.getSpec())
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Job job(CronJob cj) {
    String name = cj.getMetadata().getName() + "-29410560";
    var template = cj.getSpec().getJobTemplate();
    Map<String, String> labels = new HashMap<>(labels(template.getSpec().getTemplate()));
    labels.put("batch.kubernetes.io/job-name", name);
    return new JobBuilder()
        .withMetadata(owned(cj, name, labels))
        .withNewSpec()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withSpec(template.getSpec().getTemplate().getSpec())
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withSucceeded(1)
        .addNewCondition()
        .withType("Complete")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  private void pods(KubernetesClient client, HasMetadata owner, PodTemplateSpec template, int n) {
    for (int i = 0; i < n; i++) {
      String suffix =
          owner instanceof StatefulSet
              ? String.valueOf(i)
              : hash(owner.getMetadata().getName() + i);
      client.resource(pod(owner, template, owner.getMetadata().getName() + "-" + suffix)).create();
    }
  }

  private Pod pod(HasMetadata owner, PodTemplateSpec template, String name) {
    Map<String, String> labels = new HashMap<>(labels(template));
    if (owner instanceof StatefulSet) {
      labels.put("statefulset.kubernetes.io/pod-name", name);
    }
    int ip = nextIp++;
    return new PodBuilder()
        .withMetadata(owned(owner, name, labels))
        .withSpec(template.getSpec())
        .withNewStatus()
        .withPhase("Running")
        .withPodIP("10.244." + (ip / 250) + "." + (ip % 250 + 2))
        .endStatus()
        .build();
  }

  private static Map<String, String> labels(PodTemplateSpec template) {
    ObjectMeta meta = template.getMetadata();
    return meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
  }

  private static ObjectMeta owned(HasMetadata owner, String name, Map<String, String> labels) {
    OwnerReference ref =
        new OwnerReferenceBuilder()
            .withApiVersion(owner.getApiVersion())
            .withKind(owner.getKind())
            .withName(owner.getMetadata().getName())
            .withUid(uid(owner))
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build();
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(labels)
        .withOwnerReferences(ref)
        .build();
  }

  private static String uid(HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    return uid != null ? uid : "uid-" + hash(owner.getKind() + owner.getMetadata().getName());
  }

  /** A stable, kubernetes-looking suffix. */
  private static String hash(String of) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    int h = of.hashCode() & 0x7fffffff;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      out.append(alphabet.charAt(h % alphabet.length()));
      h /= alphabet.length();
    }
    return out.toString();
  }
}
