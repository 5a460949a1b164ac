package io.kubereach.internal.topology;

import io.kubereach.model.Endpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads an endpoint as a user writes it: {@code ns/name[Kind]}, {@code ns/name} when exactly one
 * endpoint has that namespace and name, {@code A-B[External]}, or one IP address; anything else is
 * an error that says what to write.
 */
public final class EndpointResolver {
  private static final Comparator<WorkloadEndpoint> BY_TEXT =
      Comparator.comparing(WorkloadEndpoint::toString);

  private final Endpoints endpoints;

  /** A resolver over the endpoints of one snapshot. */
  public EndpointResolver(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /**
   * The endpoint the text names.
   *
   * @throws IllegalArgumentException if it names none, or {@code ns/name} is ambiguous
   */
  public Endpoint resolve(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    boolean bracket = t.indexOf('[') >= 0;
    if (slash > 0 && !bracket && looksLikeAddress(t.substring(0, slash))) {
      throw new IllegalArgumentException(
          "'" + t + "' is a CIDR, not an endpoint; give one address or a range A-B[External]");
    }
    if (slash < 0 && !bracket && !looksLikeAddress(t)) {
      List<String> sameName =
          endpoints.list(Granularity.WORKLOAD).stream()
              .filter(w -> w.name().equals(t))
              .map(Object::toString)
              .toList();
      throw new IllegalArgumentException(
          "'"
              + t
              + "' is not an endpoint; write ns/name[Kind], ns/name or an IP address"
              + (sameName.isEmpty() ? "" : ", e.g. one of " + sameName));
    }
    if (slash > 0 && !bracket) {
      return byName(t, t.substring(0, slash), t.substring(slash + 1));
    }
    Endpoint e = Endpoint.parse(t);
    endpoints.members(e); // unknown: the usual message
    return e;
  }

  private Endpoint byName(String text, String namespace, String name) {
    TreeSet<WorkloadEndpoint> candidates = new TreeSet<>(BY_TEXT);
    for (Granularity g : Granularity.values()) {
      for (WorkloadEndpoint w : endpoints.list(g)) {
        if (w.namespace().equals(namespace) && w.name().equals(name)) {
          candidates.add(w);
        }
      }
    }
    if (candidates.size() == 1) {
      return candidates.first();
    }
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "no endpoint named "
              + text
              + " in this snapshot; endpoints in "
              + namespace
              + ": "
              + endpoints.inNamespace(namespace));
    }
    throw new IllegalArgumentException(
        text + " is ambiguous; write one of " + candidates.stream().map(Object::toString).toList());
  }

  /** Digits and dots (IPv4) or a colon (IPv6): meant as an address, not a name. */
  private static boolean looksLikeAddress(String text) {
    return text.indexOf(':') >= 0
        || (!text.isEmpty() && text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')));
  }
}
