package io.kubereach.cli;

import io.kubereach.MemberPod;
import io.kubereach.ReachabilityIndex;
import io.kubereach.model.ContainerPort;
import io.kubereach.model.Endpoint;
import io.kubereach.model.Port;
import io.kubereach.model.Protocol;
import io.kubereach.model.Service;
import io.kubereach.model.ServicePort;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code -d} and {@code -p} of {@code eval} and {@code explain} name: an endpoint and a port
 * number or container port name (S10), or a Service ({@code ns/name[Service]}) and one of its ports
 * by number or name (S14). A Service is only ever written with {@code [Service]}, so it never makes
 * a bare {@code ns/name} ambiguous.
 */
final class Destination {
  private Destination() {}

  /** A Service and the Service port asked for. */
  record ServiceTarget(Service service, ServicePort port) {}

  /** The Service {@code text} names, if it is written {@code ns/name[Service]}. */
  static Optional<ServiceTarget> service(
      ReachabilityIndex index, String text, String port, Protocol protocol) {
    if (!text.endsWith("[Service]")) {
      return Optional.empty();
    }
    String ref = text.substring(0, text.length() - "[Service]".length());
    int slash = ref.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException(
          "a Service is written ns/name[Service], e.g. shop/api[Service]; got " + text);
    }
    String ns = ref.substring(0, slash);
    String name = ref.substring(slash + 1);
    Service service =
        index.snapshot().services().stream()
            .filter(s -> s.namespace().equals(ns) && s.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no Service "
                            + ref
                            + "; Services in "
                            + ns
                            + ": "
                            + index.snapshot().services().stream()
                                .filter(s -> s.namespace().equals(ns))
                                .map(Service::name)
                                .toList()));
    List<ServicePort> ports = service.ports();
    Optional<ServicePort> chosen =
        isNumber(port)
            ? ports.stream()
                .filter(p -> p.port() == Integer.parseInt(port) && p.protocol() == protocol)
                .findFirst()
            : ports.stream().filter(p -> p.name().filter(port::equals).isPresent()).findFirst();
    return Optional.of(
        new ServiceTarget(
            service,
            chosen.orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Service "
                            + ref
                            + " has no port "
                            + port
                            + (isNumber(port) ? "/" + protocol : "")
                            + "; its ports: "
                            + ports.stream().map(Destination::describe).toList()))));
  }

  /**
   * The destination port: a number, or a container port name resolved on the destination's pods
   * with {@code protocol} (S10). Pods that resolve the name differently are refused, naming them.
   */
  static Port port(ReachabilityIndex index, Endpoint destination, String port, Protocol protocol) {
    if (isNumber(port)) {
      return new Port(protocol, Integer.parseInt(port));
    }
    Set<Integer> numbers = new LinkedHashSet<>();
    Set<String> known = new LinkedHashSet<>();
    for (MemberPod pod : index.members(destination)) {
      for (ContainerPort p : pod.ports()) {
        p.name().ifPresent(n -> known.add(n + "/" + p.protocol()));
        if (p.name().filter(port::equals).isPresent() && p.protocol() == protocol) {
          numbers.add(p.number());
        }
      }
    }
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException(
          "no container port named "
              + port
              + "/"
              + protocol
              + " on "
              + destination
              + "; its named ports: "
              + known);
    }
    if (numbers.size() > 1) {
      throw new IllegalArgumentException(
          "port "
              + port
              + " is "
              + numbers
              + " on different pods of "
              + destination
              + "; give the number");
    }
    return new Port(protocol, numbers.iterator().next());
  }

  static boolean isNumber(String port) {
    return port.matches("[0-9]{1,5}");
  }

  private static String describe(ServicePort p) {
    return p.name().map(n -> n + " ").orElse("") + p.port() + "/" + p.protocol();
  }
}
