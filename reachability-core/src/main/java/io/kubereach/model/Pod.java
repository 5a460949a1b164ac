package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod: its labels, named container ports, owning controller and known IP addresses.
 *
 * <pre>{@code
 * Pod db = new Pod("shop", "db-0", Map.of("app", "db"), List.of(ContainerPort.tcp("pg", 5432)),
 *     Optional.empty(), List.of("10.244.1.7"), false);
 * }</pre>
 *
 * @param namespace the namespace name
 * @param name the pod name
 * @param labels the pod's labels
 * @param ports its container ports, which named ports resolve against (S10)
 * @param owner the controller it was stamped from (S15), if any
 * @param ips its addresses from {@code status.podIP}/{@code podIPs}, canonical; empty if unknown
 * @param hostNetwork whether it shares its node's network (S13)
 */
public record Pod(
    String namespace,
    String name,
    Map<String, String> labels,
    List<ContainerPort> ports,
    Optional<Owner> owner,
    List<String> ips,
    boolean hostNetwork) {

  /** Validates, copies and normalises the addresses. */
  public Pod {
    Labels.requireName(namespace, "pod namespace");
    Labels.requireName(name, "pod name");
    labels = Labels.copyOf(labels, "pod labels");
    ports = List.copyOf(requireNonNull(ports, "ports"));
    requireNonNull(owner, "owner");
    ips = canonical(requireNonNull(ips, "ips"));
  }

  /** The addresses canonical and each once, in order; a loop, as this runs for every pod. */
  private static List<String> canonical(List<String> ips) {
    String[] out = new String[ips.size()];
    int n = 0;
    for (String ip : ips) {
      String canonical = IpAddresses.canonicalAddress(ip, "pod IP");
      boolean seen = false;
      for (int i = 0; i < n && !seen; i++) {
        seen = out[i].equals(canonical);
      }
      if (!seen) {
        out[n++] = canonical;
      }
    }
    return List.of(Arrays.copyOf(out, n));
  }

  /** A standalone pod with labels only: no ports, owner or IP. */
  public static Pod of(String namespace, String name, Map<String, String> labels) {
    return new Pod(namespace, name, labels, List.of(), Optional.empty(), List.of(), false);
  }

  /** This pod with other labels. */
  public Pod withLabels(Map<String, String> newLabels) {
    return new Pod(namespace, name, newLabels, ports, owner, ips, hostNetwork);
  }

  /** This pod with other addresses. */
  public Pod withIps(List<String> newIps) {
    return new Pod(namespace, name, labels, ports, owner, newIps, hostNetwork);
  }

  /** This pod with other container ports. */
  public Pod withPorts(List<ContainerPort> newPorts) {
    return new Pod(namespace, name, labels, newPorts, owner, ips, hostNetwork);
  }

  /** This pod owned by {@code newOwner} (S15). */
  public Pod withOwner(Owner newOwner) {
    return new Pod(namespace, name, labels, ports, Optional.of(newOwner), ips, hostNetwork);
  }

  /** This pod with {@code hostNetwork} set as given (S13). */
  public Pod withHostNetwork(boolean newHostNetwork) {
    return new Pod(namespace, name, labels, ports, owner, ips, newHostNetwork);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
