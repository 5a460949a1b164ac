package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Service: a stable name for the pods its selector picks. Policies never see the Service port,
 * only the pods' target port (S14).
 *
 * @param namespace the namespace name
 * @param name the Service name
 * @param selector the pod labels it selects; empty when the Service has no selector
 * @param ports its ports
 * @param type its type ({@code ClusterIP}, {@code NodePort}, {@code LoadBalancer}, ...)
 * @param sourceRanges its {@code loadBalancerSourceRanges}, normalised CIDRs
 */
public record Service(
    String namespace,
    String name,
    Optional<Map<String, String>> selector,
    List<ServicePort> ports,
    String type,
    List<String> sourceRanges) {

  /** Validates and copies. */
  public Service {
    Labels.requireName(namespace, "service namespace");
    Labels.requireName(name, "service name");
    selector = requireNonNull(selector, "selector").map(s -> Labels.copyOf(s, "service selector"));
    ports = List.copyOf(requireNonNull(ports, "ports"));
    Labels.requireName(type, "service type");
    sourceRanges =
        requireNonNull(sourceRanges, "sourceRanges").stream()
            .map(r -> IpAddresses.prefixBlock(r, "loadBalancerSourceRanges").toCanonicalString())
            .toList();
  }

  /** Whether the selector matches pods with these labels (the namespace is the caller's check). */
  public boolean selects(Map<String, String> podLabels) {
    return selector.map(s -> LabelSelector.matchLabels(s).matches(podLabels)).orElse(false);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
