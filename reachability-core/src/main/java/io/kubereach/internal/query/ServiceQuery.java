package io.kubereach;

import io.kubereach.model.ContainerPort;
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
 * ports (S14): the pods its selector picks in its namespace, each on the target port number, or on
 * the container port of that name and the Service port's protocol.
 */
final class ServiceQuery {
  private ServiceQuery() {}

  static ServiceVerdict check(
      BaseIndex index, Endpoint source, String namespace, String name, Port servicePort) {
    Topology topology = index.topology;
    topology.members(source); // unknown source: the usual message, even with no backend
    Service service = service(topology, namespace, name);
    ServicePort port = port(service, servicePort);
    List<ServiceVerdict.Backend> backends = new ArrayList<>();
    for (AnalysisPod pod : topology.pods) {
      if (pod.namespace().equals(namespace) && service.selects(pod.labels())) {
        backends.add(backend(index, source, port, pod));
      }
    }
    backends.sort(Comparator.comparing(b -> b.endpoint().toString()));
    return new ServiceVerdict(source, service, port, backends);
  }

  private static ServiceVerdict.Backend backend(
      BaseIndex index, Endpoint source, ServicePort port, AnalysisPod pod) {
    String via = "service port " + port.protocol() + " " + port.port() + " targets ";
    if (port.targetPort() instanceof PortRef.Number n) {
      Port target = new Port(port.protocol(), n.number());
      return new ServiceVerdict.Backend(
          pod.podEndpoint(),
          Optional.of(index.check(source, pod.podEndpoint(), target)),
          via + target);
    }
    String portName = ((PortRef.Name) port.targetPort()).name();
    // S14 with S10: a named target port resolves on this backend by name and protocol.
    for (ContainerPort cp : pod.ports()) {
      if (cp.name().equals(Optional.of(portName)) && cp.protocol() == port.protocol()) {
        Port target = new Port(port.protocol(), cp.number());
        return new ServiceVerdict.Backend(
            pod.podEndpoint(),
            Optional.of(index.check(source, pod.podEndpoint(), target)),
            via + portName + ", " + target + " on this backend");
      }
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

  private static Service service(Topology topology, String namespace, String name) {
    List<String> inNamespace = new ArrayList<>();
    for (Service s : topology.snapshot.services()) {
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
