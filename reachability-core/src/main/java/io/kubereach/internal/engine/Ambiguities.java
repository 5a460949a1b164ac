package io.kubereach.internal.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells whose verdict depends on the order of policies of one tier and priority (T9 in
 * docs/semantics.md), per port class: pod class to pod class, pod class to IP class, IP class to
 * pod class. Empty in almost every cluster. Immutable once built.
 */
final class Ambiguities {
  private final List<Map<Integer, BitSet>> pods;
  private final List<Map<Integer, BitSet>> toIp;
  private final List<Map<Integer, BitSet>> fromIp;
  private final boolean empty;

  private Ambiguities(
      List<Map<Integer, BitSet>> pods,
      List<Map<Integer, BitSet>> toIp,
      List<Map<Integer, BitSet>> fromIp) {
    this.pods = pods;
    this.toIp = toIp;
    this.fromIp = fromIp;
    boolean none = true;
    for (int g = 0; g < pods.size(); g++) {
      none &= pods.get(g).isEmpty() && toIp.get(g).isEmpty() && fromIp.get(g).isEmpty();
    }
    this.empty = none;
  }

  /** Whether no verdict depends on an order. */
  boolean isEmpty() {
    return empty;
  }

  boolean pods(int g, int source, int destination) {
    BitSet row = pods.get(g).get(source);
    return row != null && row.get(destination);
  }

  boolean toIp(int g, int source, int ipClass) {
    BitSet row = toIp.get(g).get(source);
    return row != null && row.get(ipClass);
  }

  boolean fromIp(int g, int destination, int ipClass) {
    BitSet row = fromIp.get(g).get(destination);
    return row != null && row.get(ipClass);
  }

  /** Collects the cells port class by port class. */
  static final class Builder {
    private final List<Map<Integer, BitSet>> pods = new ArrayList<>();
    private final List<Map<Integer, BitSet>> toIp = new ArrayList<>();
    private final List<Map<Integer, BitSet>> fromIp = new ArrayList<>();

    Builder(int portClasses) {
      for (int g = 0; g < portClasses; g++) {
        pods.add(new HashMap<>());
        toIp.add(new HashMap<>());
        fromIp.add(new HashMap<>());
      }
    }

    void pods(int g, int source, int destination) {
      pods.get(g).computeIfAbsent(source, s -> new BitSet()).set(destination);
    }

    void toIp(int g, int source, long[] ipClasses) {
      toIp.get(g).computeIfAbsent(source, s -> new BitSet()).or(BitSet.valueOf(ipClasses));
    }

    void fromIp(int g, int destination, long[] ipClasses) {
      fromIp.get(g).computeIfAbsent(destination, s -> new BitSet()).or(BitSet.valueOf(ipClasses));
    }

    Ambiguities build() {
      return new Ambiguities(pods, toIp, fromIp);
    }
  }
}
