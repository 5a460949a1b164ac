package io.kubereach.model;

import static java.util.Objects.requireNonNull;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ipBlock} peer: the addresses of {@code cidr} minus every {@code except} (S7). Every
 * CIDR is normalised to its prefix block, so {@code 10.244.1.11/4} is stored as {@code 0.0.0.0/4};
 * IPv6 is printed in RFC 5952 form.
 *
 * <pre>{@code IpBlockPeer.of("10.0.0.0/8", "10.1.0.0/16")}</pre>
 *
 * @param cidr the block, normalised
 * @param except the excluded blocks, each a strict subset of {@code cidr} of the same family
 */
public record IpBlockPeer(String cidr, List<String> except) implements Peer {

  /** Validates and normalises with the Kubernetes API's rules. */
  public IpBlockPeer {
    IPAddress block = IpAddresses.prefixBlock(cidr, "ipBlock.cidr");
    List<String> normalised = new ArrayList<>();
    for (String e : requireNonNull(except, "except")) {
      IPAddress ex = IpAddresses.prefixBlock(e, "ipBlock.except");
      if (ex.isIPv4() != block.isIPv4()
          || !block.contains(ex)
          || ex.getNetworkPrefixLength() <= block.getNetworkPrefixLength()) {
        throw new IllegalArgumentException(
            "ipBlock.except '" + e + "' must be a strict subset of cidr '" + cidr + "'");
      }
      normalised.add(ex.toCanonicalString());
    }
    cidr = block.toCanonicalString();
    except = List.copyOf(normalised);
  }

  /** A block with optional exceptions. */
  public static IpBlockPeer of(String cidr, String... except) {
    return new IpBlockPeer(cidr, List.of(except));
  }

  /** Whether this is an IPv6 block. */
  public boolean isIpv6() {
    return cidr.contains(":");
  }

  @Override
  public String toString() {
    return "ipBlock " + cidr + (except.isEmpty() ? "" : " except " + String.join(",", except));
  }
}
