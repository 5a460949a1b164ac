package io.kubereach;

import static java.util.Objects.requireNonNull;

import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import io.kubereach.model.WorkloadEndpoint;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer to "can {@code source} reach Service S on port P?" (S14): policies never see the
 * Service port, only each backend's target port, so the answer is one {@link Verdict} per backend
 * pod, on the port the Service sends to that pod. A Service sends each connection to one backend,
 * so the answer may differ per backend: {@link #allowedToAll()} and {@link #allowedToAny()} say
 * which. Immutable and thread-safe.
 *
 * <pre>{@code
 * ServiceVerdict v = index.checkService(web, "shop", "db", Port.tcp(5432));
 * v.allowedToAll();
 * v.backends().forEach(b -> System.out.println(b));  // shop/db[StatefulSet] ... allowed
 * }</pre>
 *
 * @param source the client end as queried
 * @param service the Service
 * @param servicePort the Service port the query named
 * @param backends one per pod (or workload template) the Service's selector picks in its namespace,
 *     sorted by endpoint text; empty when the Service has no selector or picks nothing
 */
public record ServiceVerdict(
    Endpoint source, Service service, ServicePort servicePort, List<Backend> backends) {

  /** Validates and copies. */
  public ServiceVerdict {
    requireNonNull(source, "source");
    requireNonNull(service, "service");
    requireNonNull(servicePort, "servicePort");
    backends = List.copyOf(backends);
  }

  /** Whether every backend admits the connection; false when there is no backend. */
  public boolean allowedToAll() {
    return !backends.isEmpty() && backends.stream().allMatch(Backend::allowed);
  }

  /** Whether at least one backend admits the connection. */
  public boolean allowedToAny() {
    return backends.stream().anyMatch(Backend::allowed);
  }

  /** The per-backend verdicts of the backends whose target port resolved. */
  public List<Verdict> verdicts() {
    return backends.stream().flatMap(b -> b.verdict().stream()).toList();
  }

  /** A one-line summary, e.g. {@code shop/web[Pod] => service shop/db TCP 5432->pg: 1 of 2 ...}. */
  @Override
  public String toString() {
    long allowed = backends.stream().filter(Backend::allowed).count();
    return String.format(
        Locale.ROOT,
        "%s => service %s %s: %d of %d backends allowed",
        source,
        service,
        servicePort,
        allowed,
        backends.size());
  }

  /**
   * One pod behind the Service and what the query means for it.
   *
   * @param endpoint the pod at pod granularity ({@code ns/name[Pod]}), or a workload whose template
   *     the selector picks
   * @param verdict the verdict on the resolved target port; empty when the target port is a name
   *     this backend does not define for the Service port's protocol (S10, S14)
   * @param resolution how the Service port mapped to this backend's port, or why it did not
   */
  public record Backend(WorkloadEndpoint endpoint, Optional<Verdict> verdict, String resolution) {

    /** Validates. */
    public Backend {
      requireNonNull(endpoint, "endpoint");
      requireNonNull(verdict, "verdict");
      requireNonNull(resolution, "resolution");
    }

    /** Whether the connection through the Service to this backend is allowed. */
    public boolean allowed() {
      return verdict.map(Verdict::allowed).orElse(false);
    }

    /** The port policies see on this backend (S14), if the target port resolved. */
    public Optional<Port> targetPort() {
      return verdict.map(Verdict::port);
    }

    @Override
    public String toString() {
      return endpoint
          + ": "
          + verdict.map(v -> v.allowed() ? "allowed" : "denied").orElse("unreachable")
          + " ("
          + resolution
          + ")";
    }
  }
}
