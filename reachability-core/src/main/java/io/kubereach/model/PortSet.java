package io.kubereach.model;

import com.google.common.collect.DiscreteDomain;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * An immutable set of (protocol, port) pairs, kept as merged ascending ranges per protocol.
 *
 * <p>{@link #toString()} prints the connection grammar of the {@code list} command: {@code All
 * Connections}, {@code No Connections}, or protocol groups in the order SCTP, TCP, UDP such as
 * {@code TCP 80,8080-8090,UDP 53}; {@link #parse(String)} reads it back.
 *
 * <pre>{@code
 * PortSet web = PortSet.of(PortRange.of(Port.tcp(80)), new PortRange(Protocol.TCP, 8080, 8090));
 * web.contains(Port.tcp(8085)); // true
 * }</pre>
 */
public final class PortSet {

  private static final Range<Integer> ALL_PORTS =
      Range.closed(Port.MIN, Port.MAX).canonical(DiscreteDomain.integers());
  private static final PortSet NONE = new PortSet(new EnumMap<>(Protocol.class));
  private static final PortSet ALL = allOf(List.of(Protocol.values()));

  private final Map<Protocol, ImmutableRangeSet<Integer>> byProtocol;

  private PortSet(EnumMap<Protocol, ImmutableRangeSet<Integer>> byProtocol) {
    byProtocol.values().removeIf(RangeSet::isEmpty);
    this.byProtocol = byProtocol;
  }

  /** The empty set: no connection. */
  public static PortSet none() {
    return NONE;
  }

  /** Every port of every protocol. */
  public static PortSet all() {
    return ALL;
  }

  /** Every port of the given protocols. */
  public static PortSet allOf(Collection<Protocol> protocols) {
    EnumMap<Protocol, ImmutableRangeSet<Integer>> map = new EnumMap<>(Protocol.class);
    for (Protocol p : protocols) {
      map.put(p, ImmutableRangeSet.of(ALL_PORTS));
    }
    return new PortSet(map);
  }

  /** The union of the given ranges. */
  public static PortSet of(PortRange... ranges) {
    return of(List.of(ranges));
  }

  /** The union of the given ranges. */
  public static PortSet of(Collection<PortRange> ranges) {
    EnumMap<Protocol, TreeRangeSet<Integer>> builder = new EnumMap<>(Protocol.class);
    for (PortRange r : ranges) {
      builder
          .computeIfAbsent(r.protocol(), p -> TreeRangeSet.create())
          .add(Range.closed(r.first(), r.last()).canonical(DiscreteDomain.integers()));
    }
    EnumMap<Protocol, ImmutableRangeSet<Integer>> map = new EnumMap<>(Protocol.class);
    builder.forEach((p, set) -> map.put(p, ImmutableRangeSet.copyOf(set)));
    return new PortSet(map);
  }

  /**
   * Parses the text printed by {@link #toString()}.
   *
   * @throws IllegalArgumentException if the text does not follow the grammar
   */
  public static PortSet parse(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("All Connections")) {
      return ALL;
    }
    if (trimmed.equals("No Connections") || trimmed.isEmpty()) {
      return NONE;
    }
    List<PortRange> ranges = new ArrayList<>();
    Protocol current = null;
    for (String token : trimmed.split(",")) {
      String t = token.trim();
      int space = t.indexOf(' ');
      if (space > 0) {
        current = Protocol.parse(t.substring(0, space));
        t = t.substring(space + 1).trim();
      } else if (current == null) {
        throw new IllegalArgumentException(
            "invalid port set '" + text + "': a group must start with SCTP, TCP or UDP");
      }
      try {
        int dash = t.indexOf('-');
        ranges.add(
            dash < 0
                ? new PortRange(current, Integer.parseInt(t), Integer.parseInt(t))
                : new PortRange(
                    current,
                    Integer.parseInt(t.substring(0, dash)),
                    Integer.parseInt(t.substring(dash + 1))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid port set '" + text + "'", e);
      }
    }
    return of(ranges);
  }

  /** Whether the set holds {@code port}. */
  public boolean contains(Port port) {
    ImmutableRangeSet<Integer> set = byProtocol.get(port.protocol());
    return set != null && set.contains(port.number());
  }

  /** Whether the set holds no port. */
  public boolean isEmpty() {
    return byProtocol.isEmpty();
  }

  /** Whether the set holds every port of every protocol. */
  public boolean isAll() {
    return equals(ALL);
  }

  /** The maximal ranges, ordered by protocol (SCTP, TCP, UDP) and then by port. */
  public List<PortRange> ranges() {
    List<PortRange> out = new ArrayList<>();
    byProtocol.forEach(
        (p, set) -> {
          for (Range<Integer> r : set.asRanges()) {
            Range<Integer> closed = r.canonical(DiscreteDomain.integers());
            out.add(new PortRange(p, closed.lowerEndpoint(), closed.upperEndpoint() - 1));
          }
        });
    return List.copyOf(out);
  }

  /**
   * The port a reader most likely means when the whole set needs one example: the lowest port, TCP
   * first, then UDP, then SCTP.
   *
   * <pre>{@code PortSet.parse("TCP 8080,UDP 53").samplePort(); // TCP 8080}</pre>
   *
   * @throws IllegalStateException if the set is empty
   */
  public Port samplePort() {
    for (Protocol protocol : List.of(Protocol.TCP, Protocol.UDP, Protocol.SCTP)) {
      ImmutableRangeSet<Integer> set = byProtocol.get(protocol);
      if (set != null) {
        return new Port(protocol, set.span().lowerEndpoint());
      }
    }
    throw new IllegalStateException("an empty port set has no sample port");
  }

  /** The set of ports in this set or in {@code other}. */
  public PortSet union(PortSet other) {
    // A listing unions the same few sets millions of times: skip Guava's range-set merge when the
    // answer is one of the two.
    if (other.byProtocol.isEmpty() || this == ALL || this.equals(other)) {
      return this;
    }
    if (byProtocol.isEmpty() || other == ALL) {
      return other;
    }
    return combine(other, ImmutableRangeSet::union);
  }

  /** The set of ports in both this set and {@code other}. */
  public PortSet intersection(PortSet other) {
    if (byProtocol.isEmpty() || other == ALL || this.equals(other)) {
      return this;
    }
    if (other.byProtocol.isEmpty() || this == ALL) {
      return other;
    }
    return combine(other, ImmutableRangeSet::intersection);
  }

  /** The set of ports in this set but not in {@code other}. */
  public PortSet difference(PortSet other) {
    return combine(other, ImmutableRangeSet::difference);
  }

  private PortSet combine(PortSet other, BinaryOperator<ImmutableRangeSet<Integer>> op) {
    EnumMap<Protocol, ImmutableRangeSet<Integer>> map = new EnumMap<>(Protocol.class);
    for (Protocol p : Protocol.values()) {
      map.put(
          p,
          op.apply(
              byProtocol.getOrDefault(p, ImmutableRangeSet.of()),
              other.byProtocol.getOrDefault(p, ImmutableRangeSet.of())));
    }
    return new PortSet(map);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof PortSet other && byProtocol.equals(other.byProtocol);
  }

  @Override
  public int hashCode() {
    return byProtocol.hashCode();
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "No Connections";
    }
    if (byProtocol.size() == Protocol.values().length
        && byProtocol.values().stream().allMatch(s -> s.encloses(ALL_PORTS))) {
      return "All Connections";
    }
    StringBuilder sb = new StringBuilder();
    Protocol last = null;
    for (PortRange r : ranges()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      if (r.protocol() != last) {
        sb.append(r.protocol()).append(' ');
        last = r.protocol();
      }
      sb.append(r.portsText());
    }
    return sb.toString();
  }
}
