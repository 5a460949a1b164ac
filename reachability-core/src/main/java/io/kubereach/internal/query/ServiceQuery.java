package io.kubereach.internal.query;

import io.kubereach.ReachabilityIndex;
import io.kubereach.ServiceVerdict;
import io.kubereach.internal.semantics.NamedPorts;
import io.kubereach.internal.semantics.PortMatch.NamedRef;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.PortRef;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Resolves "source to Service S on port P" into checks of the Service's backends on their target
 * ports (S14 in docs/semantics.md): the pods its selector picks in its namespace, each on the
 * target port number, or on its container port of that name and the Service port's protocol (S10).
 */
final class ServiceQuery {
  private ServiceQuery() {}

  static ServiceVerdict check(
      ReachabilityIndex index,
      PodTable table,
      Endpoint source,
      String namespace,
      String name,
      Port servicePort) {
    Service service = service(table, namespace, name);
    ServicePort port = port(service, servicePort);
    List<ServiceVerdict.Backend> backends = new ArrayList<>();
    for (AnalysisPod pod : table.inNamespace(namespace)) {
      if (service.selects(pod.labels())) {
        backends.add(backend(index, source, port, pod));
      }
    }
    backends.sort(Comparator.comparing(b -> b.endpoint().toString()));
    return new ServiceVerdict(source, service, port, backends);
  }

  private static ServiceVerdict.Backend backend(
      ReachabilityIndex index, Endpoint source, ServicePort port, AnalysisPod pod) {
    String via = "service port " + port.protocol() + " " + port.port() + " targets ";
    if (port.targetPort() instanceof PortRef.Number n) {
      Port target = new Port(port.protocol(), n.number());
      return new ServiceVerdict.Backend(
          pod.podEndpoint(),
          Optional.of(index.check(source, pod.podEndpoint(), target)),
          via + target);
    }
    String portName = ((PortRef.Name) port.targetPort()).name();
    List<Port> resolved = NamedPorts.resolve(NamedRef.of(portName, port.protocol()), pod.ports());
    if (!resolved.isEmpty()) {
      Port target = resolved.get(0);
      return new ServiceVerdict.Backend(
          pod.podEndpoint(),
          Optional.of(index.check(source, pod.podEndpoint(), target)),
          via + portName + ", " + target + " on this backend");
    }
    return new ServiceVerdict.Backend(
        pod.podEndpoint(),
        Optional.empty(),
        via
            + portName
            + ", which this backend does not define for "
            + port.protocol()
            + " (its ports: "
            + pod.ports()
            + "); the Service sends it nothing on this port (S14)");
  }

  private static Service service(PodTable table, String namespace, String name) {
    List<String> inNamespace = new ArrayList<>();
    for (Service s : table.snapshot().services()) {
      if (s.namespace().equals(namespace)) {
        if (s.name().equals(name)) {
          return s;
        }
        inNamespace.add(s.name());
      }
    }
    inNamespace.sort(Comparator.naturalOrder());
    throw new IllegalArgumentException(
        "service "
            + namespace
            + "/"
            + name
            + " is not in this snapshot; services in "
            + namespace
            + ": "
            + inNamespace);
  }

  private static ServicePort port(Service service, Port port) {
    for (ServicePort p : service.ports()) {
      if (p.protocol() == port.protocol() && p.port() == port.number()) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "service "
            + service
            + " does not expose "
            + port
            + "; its ports (port->targetPort): "
            + service.ports());
  }
}
