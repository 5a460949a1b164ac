package io.kubereach;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.IpBlockPeer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Address arithmetic for S7 and S12: addresses and blocks as numbers, per family. */
final class IpSpace {
  static final BigInteger V4_LAST = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
  static final BigInteger V6_LAST = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private IpSpace() {}

  /** One address; {@code v6} tells the family. */
  record Address(boolean v6, BigInteger value) implements Comparable<Address> {
    @Override
    public int compareTo(Address o) {
      return v6 != o.v6 ? Boolean.compare(v6, o.v6) : value.compareTo(o.value);
    }

    @Override
    public String toString() {
      return text(v6, value);
    }
  }

  /** An inclusive range of addresses of one family. */
  record Block(boolean v6, BigInteger first, BigInteger last) {
    boolean contains(Address a) {
      return a.v6() == v6 && first.compareTo(a.value()) <= 0 && a.value().compareTo(last) <= 0;
    }

    boolean overlaps(Block b) {
      return b.v6 == v6 && first.compareTo(b.last) <= 0 && b.first.compareTo(last) <= 0;
    }

    ExternalEndpoint endpoint() {
      return new ExternalEndpoint(text(v6, first), text(v6, last));
    }
  }

  /** An ipBlock peer as numbers: the cidr minus every except (S7). */
  record Matcher(IpBlockPeer peer, Block cidr, List<Block> except) {
    static Matcher of(IpBlockPeer peer) {
      return new Matcher(
          peer,
          prefixBlock(peer.cidr()),
          peer.except().stream().map(IpSpace::prefixBlock).toList());
    }

    boolean contains(Address a) {
      return cidr.contains(a) && except.stream().noneMatch(e -> e.contains(a));
    }

    /** The first address of each block and the address after each block's end, in range. */
    List<Address> boundaries() {
      List<Address> out = new ArrayList<>();
      for (Block b : concat(cidr, except)) {
        out.add(new Address(b.v6(), b.first()));
        if (b.last().compareTo(lastOf(b.v6())) < 0) {
          out.add(new Address(b.v6(), b.last().add(BigInteger.ONE)));
        }
      }
      return out;
    }

    private static List<Block> concat(Block first, List<Block> rest) {
      List<Block> all = new ArrayList<>(rest.size() + 1);
      all.add(first);
      all.addAll(rest);
      return all;
    }
  }

  static BigInteger lastOf(boolean v6) {
    return v6 ? V6_LAST : V4_LAST;
  }

  /** The whole address space of a family. */
  static Block family(boolean v6) {
    return new Block(v6, BigInteger.ZERO, lastOf(v6));
  }

  /**
   * A canonical address (as the model keeps them) as a number. Parsed by the same library as the
   * model (ExternalEndpoint, Pod, IpBlockPeer), so both agree on the family: an IPv4-mapped IPv6
   * address such as {@code ::ffff:10.1.1.1} stays IPv6 and no IPv4 block holds it (S12).
   */
  static Address address(String text) {
    IPAddress a = new IPAddressString(text).getAddress();
    if (a == null || a.isPrefixed() || a.isMultiple() || !(a.isIPv4() || a.isIPv6())) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }
    return new Address(a.isIPv6(), a.getValue());
  }

  /** A normalised CIDR (as the model keeps them) as a block. */
  static Block prefixBlock(String cidr) {
    IPAddress a = new IPAddressString(cidr).getAddress();
    if (a == null) {
      throw new IllegalArgumentException("'" + cidr + "' is not a CIDR");
    }
    IPAddress block = a.toPrefixBlock();
    return new Block(block.isIPv6(), block.getValue(), block.getUpperValue());
  }

  /** The range of an external endpoint. */
  static Block range(ExternalEndpoint e) {
    Address first = address(e.first());
    Address last = address(e.last());
    return new Block(first.v6(), first.value(), last.value());
  }

  /** An address in canonical text (RFC 5952 for IPv6, S12). */
  static String text(boolean v6, BigInteger value) {
    return v6
        ? new IPv6Address(value).toCanonicalString()
        : new IPv4Address(value.intValue()).toCanonicalString();
  }
}
