package io.kubereach.model;

/**
 * One end of a connection: a workload or pod ({@code ns/name[Kind]}, S15) or a range of external
 * addresses ({@code 10.0.0.0-10.255.255.255[External]}, S12).
 *
 * <pre>{@code
 * Endpoint web = Endpoint.workload(WorkloadKind.Deployment, "shop", "web");
 * Endpoint.parse("shop/web[Deployment]").equals(web); // true
 * }</pre>
 */
public sealed interface Endpoint permits WorkloadEndpoint, ExternalEndpoint {

  /** A standalone pod, {@code ns/name[Pod]}. */
  static WorkloadEndpoint pod(String namespace, String name) {
    return new WorkloadEndpoint(namespace, name, "Pod");
  }

  /** A workload, {@code ns/name[Kind]}. */
  static WorkloadEndpoint workload(WorkloadKind kind, String namespace, String name) {
    return new WorkloadEndpoint(namespace, name, kind.name());
  }

  /** One external address, as a one-address range. */
  static ExternalEndpoint ip(String address) {
    String canonical = IpAddresses.canonicalAddress(address, "address");
    return new ExternalEndpoint(canonical, canonical);
  }

  /**
   * Parses the printed form: {@code ns/name[Kind]}, {@code first-last[External]} or a single IP
   * address.
   *
   * @throws IllegalArgumentException if the text is none of these
   */
  static Endpoint parse(String text) {
    String t = text.trim();
    if (t.endsWith("[External]")) {
      String range = t.substring(0, t.length() - "[External]".length());
      int dash = range.indexOf('-');
      if (dash < 0) {
        return ip(range);
      }
      return new ExternalEndpoint(range.substring(0, dash), range.substring(dash + 1));
    }
    int open = t.indexOf('[');
    int slash = t.indexOf('/');
    if (open > 0 && t.endsWith("]") && slash > 0 && slash < open) {
      return new WorkloadEndpoint(
          t.substring(0, slash),
          t.substring(slash + 1, open),
          t.substring(open + 1, t.length() - 1));
    }
    if (slash < 0 && open < 0) {
      return ip(t);
    }
    throw new IllegalArgumentException(
        "cannot read endpoint '" + text + "'; expected ns/name[Kind], A-B[External] or an IP");
  }
}
