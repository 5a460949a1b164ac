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
    if (isCanonicalIpv4(text)) {
      return text; // the usual pod IP: what the library would return, without parsing it
    }
    IPAddress a = parse(text, what);
    if (a.isPrefixed() || !a.isSingleNetwork() || a.getCount().intValue() != 1) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not a single IP address; write it without a prefix");
    }
    return a.toCanonicalString();
  }

  /**
   * Whether {@code text} is four decimal octets of 0..255 without leading zeros, the form the
   * library writes an IPv4 address in.
   */
  static boolean isCanonicalIpv4(String text) {
    if (text == null) {
      return false;
    }
    int octets = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      int value = 0;
      while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        value = value * 10 + (text.charAt(i++) - '0');
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return false;
      }
      octets++;
      if (i == n) {
        break;
      }
      if (text.charAt(i) != '.' || octets == 4) {
        return false;
      }
      i++;
      if (i == n) {
        return false; // a trailing dot
      }
    }
    return octets == 4;
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
          what + " '" + text + "' is not a valid IP address or CIDR: " + reason(text.trim()), e);
    }
  }

  /** Why the text is not an address, in our words (the parser's own are its internals). */
  private static String reason(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    boolean v6 = address.contains(":");
    if (slash >= 0) {
      String prefix = text.substring(slash + 1);
      int bits = v6 ? 128 : 32;
      if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
        return "the prefix length must be a number from 0 to "
            + bits
            + " for "
            + (v6 ? "IPv6" : "IPv4");
      }
    }
    if (!v6) {
      String[] parts = address.split("\\.", -1);
      if (parts.length != 4) {
        return "an IPv4 address has four numbers separated by dots, e.g. 10.0.0.1";
      }
      for (String part : parts) {
        if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
          return "each of the four numbers must be 0 to 255 ('" + part + "' is not)";
        }
      }
    }
    return v6
        ? "expected an IPv6 address such as fd00::1, or a CIDR such as fd00::/8"
        : "expected an address such as 10.0.0.1, or a CIDR such as 10.0.0.0/8";
  }
}
