package io.kubereach.model;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.Optional;

/**
 * A contiguous range of addresses outside the cluster, printed {@code first-last[External]} (also
 * for one address). IPv6 addresses use RFC 5952 form (S12).
 *
 * @param first the first address, canonical
 * @param last the last address, canonical, same family, not below {@code first}
 */
public record ExternalEndpoint(String first, String last) implements Endpoint {

  /** Validates and normalises. */
  public ExternalEndpoint {
    first = IpAddresses.canonicalAddress(first, "range start");
    last = IpAddresses.canonicalAddress(last, "range end");
    if (range(first, last).isEmpty()) {
      throw new IllegalArgumentException(
          "range " + first + "-" + last + " mixes IPv4 and IPv6, or its end is below its start");
    }
  }

  /** Whether {@code address} lies in this range. */
  public boolean contains(String address) {
    IPAddress a = IpAddresses.address(address, "address");
    return range(first, last).map(r -> r.contains(a)).orElse(false);
  }

  /** Whether this is an IPv6 range. */
  public boolean isIpv6() {
    return first.contains(":");
  }

  private static Optional<IPAddressSeqRange> range(String first, String last) {
    IPAddress a = IpAddresses.address(first, "range start");
    IPAddress b = IpAddresses.address(last, "range end");
    if (a.isIPv4() != b.isIPv4() || a.compareTo(b) > 0) {
      return Optional.empty();
    }
    return Optional.of(a.spanWithRange(b));
  }

  @Override
  public String toString() {
    return first + "-" + last + "[External]";
  }
}
