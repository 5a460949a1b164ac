package io.kubereach.internal.net;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import io.kubereach.model.ExternalEndpoint;
import java.math.BigInteger;

/**
 * Address arithmetic for S7 and S12 (docs/semantics.md): addresses and blocks as numbers, per
 * family. The model keeps addresses as canonical text; the engine and the explanations compute with
 * these values.
 */
public final class IpSpace {
  private static final BigInteger V4_LAST = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
  private static final BigInteger V6_LAST = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private IpSpace() {}

  /**
   * One address.
   *
   * @param v6 whether it is an IPv6 address
   * @param value the address as an unsigned number
   */
  public record Address(boolean v6, BigInteger value) implements Comparable<Address> {
    @Override
    public int compareTo(Address o) {
      return v6 != o.v6 ? Boolean.compare(v6, o.v6) : value.compareTo(o.value);
    }

    @Override
    public String toString() {
      return text(v6, value);
    }
  }

  /**
   * An inclusive range of addresses of one family.
   *
   * @param v6 whether it is an IPv6 range
   * @param first its first address
   * @param last its last address, not below {@code first}
   */
  public record Block(boolean v6, BigInteger first, BigInteger last) {
    /** Whether {@code a} lies in this block. */
    public boolean contains(Address a) {
      return a.v6() == v6 && first.compareTo(a.value()) <= 0 && a.value().compareTo(last) <= 0;
    }

    /** Whether this block and {@code b} share an address. */
    public boolean overlaps(Block b) {
      return b.v6 == v6 && first.compareTo(b.last) <= 0 && b.first.compareTo(last) <= 0;
    }

    /** Whether this block is the whole address space of its family. */
    public boolean isWholeFamily() {
      return first.signum() == 0 && last.equals(lastOf(v6));
    }

    /** The first address. */
    public Address firstAddress() {
      return new Address(v6, first);
    }

    /** The last address. */
    public Address lastAddress() {
      return new Address(v6, last);
    }

    /** This block as an external endpoint ({@code first-last[External]}). */
    public ExternalEndpoint endpoint() {
      return new ExternalEndpoint(text(v6, first), text(v6, last));
    }
  }

  /** The highest address of a family. */
  public static BigInteger lastOf(boolean v6) {
    return v6 ? V6_LAST : V4_LAST;
  }

  /** The whole address space of a family. */
  public static Block family(boolean v6) {
    return new Block(v6, BigInteger.ZERO, lastOf(v6));
  }

  /**
   * A canonical address (as the model keeps them) as a number. Parsed by the same library as the
   * model (ExternalEndpoint, Pod, IpBlockPeer), so both agree on the family: an IPv4-mapped IPv6
   * address such as {@code ::ffff:10.1.1.1} stays IPv6 and no IPv4 block holds it (S12).
   *
   * @throws IllegalArgumentException if the text is not one address
   */
  public static Address address(String text) {
    long v4 = canonicalIpv4(text);
    if (v4 >= 0) {
      return new Address(false, BigInteger.valueOf(v4)); // the usual pod IP, without the library
    }
    IPAddress a = new IPAddressString(text).getAddress();
    if (a == null || a.isPrefixed() || a.isMultiple() || !(a.isIPv4() || a.isIPv6())) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
    return new Address(a.isIPv6(), a.getValue());
  }

  /**
   * The value of four decimal octets of 0..255 without leading zeros (the form the model keeps an
   * IPv4 address in), or -1 for any other text. (The model checks the same form when it reads an
   * address; it does not reach into this package.)
   */
  static long canonicalIpv4(String text) {
    long value = 0;
    int octets = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      int octet = 0;
      while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        octet = octet * 10 + (text.charAt(i++) - '0');
      }
      int digits = i - start;
      if (digits == 0 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return -1;
      }
      value = value << 8 | octet;
      octets++;
      if (i == n) {
        break;
      }
      if (text.charAt(i) != '.' || octets == 4 || ++i == n) {
        return -1;
      }
    }
    return octets == 4 ? value : -1;
  }

  /**
   * A normalised CIDR (as the model keeps them) as a block.
   *
   * @throws IllegalArgumentException if the text is not a CIDR
   */
  public static Block prefixBlock(String cidr) {
    IPAddress a = new IPAddressString(cidr).getAddress();
    if (a == null) {
      throw new IllegalArgumentException("'" + cidr + "' is not a CIDR");
    }
    IPAddress block = a.toPrefixBlock();
    return new Block(block.isIPv6(), block.getValue(), block.getUpperValue());
  }

  /** The range of an external endpoint. */
  public static Block range(ExternalEndpoint e) {
    Address first = address(e.first());
    Address last = address(e.last());
    return new Block(first.v6(), first.value(), last.value());
  }

  /** An address in canonical text (RFC 5952 for IPv6, S12). */
  public static String text(boolean v6, BigInteger value) {
    return v6
        ? new IPv6Address(value).toCanonicalString()
        : new IPv4Address(value.intValue()).toCanonicalString();
  }
}
