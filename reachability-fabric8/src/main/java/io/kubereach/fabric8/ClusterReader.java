package io.kubereach.fabric8;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the objects kubereach reads from one cluster, as JSON texts for the manifest decoder.
 * Read-only: {@code get} on the chosen namespaces and {@code list} on the kinds of {@link
 * ClusterKind}; a refused or failed request is a {@link ClusterReadException}, never a silently
 * smaller cluster.
 */
final class ClusterReader {
  /** Objects per page: a large cluster is read in pages, as kubectl does. */
  private static final long PAGE = 500;

  private final KubernetesClient client;
  private final KubernetesSerialization json;
  private final String server;

  ClusterReader(KubernetesClient client) {
    this.client = client;
    this.json = client.getKubernetesSerialization();
    this.server = String.valueOf(client.getMasterUrl());
  }

  /** {@code cluster https://10.0.0.1:6443/}: the source diagnostics name. */
  String source() {
    return "cluster " + server;
  }

  /**
   * Every object of the analysed kinds, in {@code namespaces} or, when it is empty, everywhere.
   * Cluster-scoped kinds (admin-tier policies, nodes) are always read whole: they apply to every
   * namespace.
   */
  List<String> read(Set<String> namespaces) {
    List<String> out = new ArrayList<>();
    boolean adminTier = false;
    for (ClusterKind kind : ClusterKind.values()) {
      List<GenericKubernetesResource> objects;
      if (kind == ClusterKind.NODE && !adminTier) {
        continue;
      } else if (kind == ClusterKind.NAMESPACE && !namespaces.isEmpty()) {
        objects = namespaces.stream().map(this::namespace).toList();
      } else if (kind.namespaced && !namespaces.isEmpty()) {
        objects = new ArrayList<>();
        for (String namespace : namespaces) {
          objects.addAll(list(kind, namespace));
        }
      } else {
        objects = list(kind, null);
      }
      for (GenericKubernetesResource object : objects) {
        if ((kind == ClusterKind.POD && terminated(object))
            || (kind == ClusterKind.JOB && finished(object))) {
          continue;
        }
        // List items carry no kind; the decoder needs it.
        object.setApiVersion(kind.apiVersion());
        object.setKind(kind.kind);
        out.add(json.asJson(object));
        adminTier |= kind.isAdminTier();
      }
    }
    return out;
  }

  /** A pod that has finished (a completed Job's) runs nothing and holds no address. */
  private static boolean terminated(GenericKubernetesResource pod) {
    Object status = pod.getAdditionalProperties().get("status");
    Object phase = status instanceof Map<?, ?> m ? m.get("phase") : null;
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  /**
   * A Job that has completed or failed runs no pod again; its template must not stand for a running
   * one. (A CronJob's template does: it will run again.)
   */
  private static boolean finished(GenericKubernetesResource job) {
    Object status = job.getAdditionalProperties().get("status");
    Object conditions = status instanceof Map<?, ?> m ? m.get("conditions") : null;
    if (!(conditions instanceof List<?> list)) {
      return false;
    }
    for (Object c : list) {
      if (c instanceof Map<?, ?> condition
          && ("Complete".equals(condition.get("type")) || "Failed".equals(condition.get("type")))
          && "True".equals(condition.get("status"))) {
        return true;
      }
    }
    return false;
  }

  private GenericKubernetesResource namespace(String name) {
    GenericKubernetesResource namespace;
    try {
      namespace =
          client.genericKubernetesResources(ClusterKind.NAMESPACE.context()).withName(name).get();
    } catch (KubernetesClientException e) {
      throw failure("get namespace " + name, "get", ClusterKind.NAMESPACE, e);
    }
    if (namespace == null) {
      throw new ClusterReadException(
          "namespace " + name + " not found in the cluster at " + server, 404, null);
    }
    return namespace;
  }

  private List<GenericKubernetesResource> list(ClusterKind kind, String namespace) {
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        resources = client.genericKubernetesResources(kind.context());
    List<GenericKubernetesResource> out = new ArrayList<>();
    String next = null;
    try {
      do {
        ListOptions page = new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build();
        GenericKubernetesResourceList list =
            namespace != null
                ? resources.inNamespace(namespace).list(page)
                : kind.namespaced ? resources.inAnyNamespace().list(page) : resources.list(page);
        out.addAll(list.getItems());
        next = list.getMetadata() == null ? null : list.getMetadata().getContinue();
      } while (next != null && !next.isEmpty());
    } catch (KubernetesClientException e) {
      if (kind.optional && e.getCode() == 404) {
        servedElsewhere(kind);
        return List.of(); // the CRD is not installed: the cluster has no such policy
      }
      throw failure(
          "list "
              + kind.plural
              + (namespace != null
                  ? " in namespace " + namespace
                  : kind.namespaced ? " in all namespaces" : ""),
          "list",
          kind,
          e);
    }
    return out;
  }

  /**
   * A 404 for an admin-tier kind means "no such policy" only if no other version of its group
   * serves it: policies of a version kubereach does not read would otherwise vanish unseen.
   *
   * @throws ClusterReadException if another version serves the kind
   */
  private void servedElsewhere(ClusterKind kind) {
    io.fabric8.kubernetes.api.model.APIGroup group;
    try {
      group = client.getApiGroup(kind.group);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return;
      }
      throw failure("discover the API group " + kind.group, "get", kind, e);
    }
    if (group == null || group.getVersions() == null) {
      return;
    }
    for (var version : group.getVersions()) {
      if (version.getVersion().equals(kind.version)) {
        continue;
      }
      io.fabric8.kubernetes.api.model.APIResourceList resources;
      try {
        resources = client.getApiResources(version.getGroupVersion());
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          continue;
        }
        throw failure("discover " + version.getGroupVersion(), "get", kind, e);
      }
      if (resources != null
          && resources.getResources() != null
          && resources.getResources().stream().anyMatch(r -> kind.plural.equals(r.getName()))) {
        throw new ClusterReadException(
            "the cluster at "
                + server
                + " serves "
                + kind.kind
                + " as "
                + version.getGroupVersion()
                + ", a version kubereach does not read (it reads "
                + kind.apiVersion()
                + "); its policies would be left out of every answer, so nothing is answered",
            404,
            null);
      }
    }
  }

  /** The failure in our words: what was asked, what came back, what to do. */
  private ClusterReadException failure(
      String request, String verb, ClusterKind kind, KubernetesClientException e) {
    // fabric8 reports "no answer" (refused, unknown host, timeout) as a code of 0 or below.
    int code = Math.max(0, e.getCode());
    String message =
        switch (code) {
          case 401 ->
              "the API server at "
                  + server
                  + " refused the credentials (HTTP 401) to "
                  + request
                  + "; check the kubeconfig user, or log in again";
          case 403 ->
              "not allowed to "
                  + request
                  + " (HTTP 403 from "
                  + server
                  + "); kubereach needs '"
                  + verb
                  + "' on "
                  + kind.resource()
                  + (kind.namespaced ? "" : " (cluster-scoped)")
                  + ", see docs/user-guide.md for the whole read-only role";
          case 0 ->
              "cannot reach the API server at "
                  + server
                  + " to "
                  + request
                  + ": "
                  + reason(e)
                  + "; check the kubeconfig context and that the cluster is up";
          default ->
              "the API server at "
                  + server
                  + " answered HTTP "
                  + code
                  + " to "
                  + request
                  + ": "
                  + reason(e);
        };
    return new ClusterReadException(message, code, e);
  }

  /** The innermost message: "Connection refused", not fabric8's wrapping of it. */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.nio.channels.UnresolvedAddressException
        || root instanceof java.net.UnknownHostException) {
      return "its host name does not resolve";
    }
    if (root instanceof java.security.cert.CertPathValidatorException
        || root.getClass().getName().endsWith("SunCertPathBuilderException")) {
      return "its TLS certificate is not trusted (the kubeconfig's cluster needs its"
          + " certificate-authority or certificate-authority-data)";
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
