package io.kubereach.internal.net;

import static java.util.Objects.requireNonNull;

import io.kubereach.internal.net.IpSpace.Address;
import io.kubereach.internal.net.IpSpace.Block;
import io.kubereach.model.IpBlockPeer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of addresses as a policy writes it: a CIDR minus its {@code except} blocks (S7, S12 in
 * docs/semantics.md). The one implementation of "is this address in the block", used by the
 * engine's atoms, the pod address memberships and the explanations.
 *
 * <p>A value (equal blocks and exceptions, equal matchers) whose hash is computed once: matchers
 * are hash keys of every build and what-if, and a block hashes big integers.
 */
public final class IpMatcher {
  private final Block cidr;
  private final List<Block> except;
  private final int hash;

  /**
   * @param cidr the block
   * @param except the blocks taken out of it, each inside it
   */
  public IpMatcher(Block cidr, List<Block> except) {
    this.cidr = requireNonNull(cidr, "cidr");
    this.except = List.copyOf(except);
    this.hash = 31 * cidr.hashCode() + this.except.hashCode();
  }

  /** The block. */
  public Block cidr() {
    return cidr;
  }

  /** The blocks taken out of it. */
  public List<Block> except() {
    return except;
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof IpMatcher m
            && hash == m.hash
            && cidr.equals(m.cidr)
            && except.equals(m.except);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "IpMatcher[cidr=" + cidr + ", except=" + except + "]";
  }

  /** An ipBlock peer (S7: {@code except} applies only inside its own peer). */
  public static IpMatcher of(IpBlockPeer peer) {
    return new IpMatcher(
        IpSpace.prefixBlock(peer.cidr()),
        peer.except().stream().map(IpSpace::prefixBlock).toList());
  }

  /** A plain normalised CIDR without exceptions. */
  public static IpMatcher of(String cidr) {
    return new IpMatcher(IpSpace.prefixBlock(cidr), List.of());
  }

  /** Whether {@code a} lies in the CIDR and in none of the exceptions. */
  public boolean contains(Address a) {
    if (!cidr.contains(a)) {
      return false;
    }
    for (Block e : except) {
      if (e.contains(a)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this is the whole address space of one family ({@code 0.0.0.0/0} or {@code ::/0}). */
  public boolean isWholeFamily() {
    return except.isEmpty() && cidr.isWholeFamily();
  }

  /**
   * Where membership can change: the first address of the CIDR and of each exception, and the
   * address after each of their ends, within the family.
   */
  public List<Address> boundaries() {
    List<Address> out = new ArrayList<>();
    List<Block> blocks = new ArrayList<>(except.size() + 1);
    blocks.add(cidr);
    blocks.addAll(except);
    for (Block b : blocks) {
      out.add(b.firstAddress());
      if (b.last().compareTo(IpSpace.lastOf(b.v6())) < 0) {
        out.add(new Address(b.v6(), b.last().add(BigInteger.ONE)));
      }
    }
    return out;
  }
}
