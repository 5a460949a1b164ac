package io.kubereach.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.IncompatibleAddressException;

/** Parses and normalises addresses and CIDRs with the ipaddress library (S7, S12). */
final class IpAddresses {
  /** Plain dotted or colon notation only: no wildcards, ranges, masks or inet_aton forms. */
  private static final IPAddressStringParameters STRICT =
      new IPAddressStringParameters.Builder()
          .allowEmpty(false)
          .allowAll(false)
          .allowSingleSegment(false)
          .allowMask(false)
          .allowPrefixOnly(false)
          .allowWildcardedSeparator(false)
          .setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE)
          .allow_inet_aton(false)
          .toParams();

  private IpAddresses() {}

  /** A single address in canonical form (RFC 5952 for IPv6). */
  static String canonicalAddress(String text, String what) {
    IPAddress a = parse(text, what);
    if (a.isPrefixed() || !a.isSingleNetwork() || a.getCount().intValue() != 1) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not a single IP address; write it without a prefix");
    }
    return a.toCanonicalString();
  }

  /** A single address as the library's value. */
  static IPAddress address(String text, String what) {
    return parse(canonicalAddress(text, what), what);
  }

  /** A CIDR normalised to its prefix block: {@code 10.244.1.11/4} becomes {@code 0.0.0.0/4}. */
  static IPAddress prefixBlock(String text, String what) {
    if (text == null || !text.contains("/")) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not a CIDR; write an address with a prefix, e.g. 10.0.0.0/8");
    }
    IPAddress a = parse(text, what);
    if (!a.isPrefixed()) {
      throw new IllegalArgumentException(what + " '" + text + "' is not a CIDR");
    }
    return a.toPrefixBlock();
  }

  private static IPAddress parse(String text, String what) {
    if (text == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    try {
      IPAddressString s = new IPAddressString(text.trim(), STRICT);
      s.validate();
      IPAddress a = s.toAddress();
      if (a == null || !(a.isIPv4() || a.isIPv6())) {
        throw new IllegalArgumentException(what + " '" + text + "' is not an IPv4 or IPv6 address");
      }
      return a;
    } catch (AddressStringException | IncompatibleAddressException e) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not a valid IP address or CIDR: " + e.getMessage(), e);
    }
  }
}
