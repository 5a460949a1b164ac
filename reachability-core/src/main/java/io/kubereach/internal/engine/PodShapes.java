package io.kubereach.internal.engine;

import io.kubereach.internal.semantics.IpMemberships;
import io.kubereach.internal.semantics.PeerSet.PodAddresses;
import io.kubereach.internal.topology.AnalysisPod;
import io.kubereach.internal.topology.PodTable;
import io.kubereach.model.ContainerPort;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods that look alike to every policy of every what-if on the same pods and address sets: the same
 * label profile, container ports and address-set memberships by both rules (S12, T8) — the replicas
 * of one owner, usually. The pod classes (step 5) are unions of shapes, so they are found over the
 * shapes, and a what-if that keeps the pods and address sets takes the shapes over instead of
 * visiting every pod again. Shapes are numbered in the order of their first pod, and each part of a
 * shape is numbered too (equal parts, equal numbers), so that comparing shapes compares ints.
 * Immutable.
 */
final class PodShapes {
  /** What two pods of one shape share. */
  private record Shape(int profile, List<ContainerPort> ports, BitSet anyIp, BitSet firstFamily) {}

  /** A shape with its parts numbered, and its first pod. */
  private record Numbered(int profile, int ports, int anyIp, int firstFamily, int firstPod) {}

  private final IpMemberships ips;
  private final int[] shapeOfPod;
  private final List<Numbered> shapes = new ArrayList<>();
  private final Ids<List<ContainerPort>> portLists = new Ids<>();
  private final Ids<BitSet> memberships = new Ids<>();

  PodShapes(PodTable table, ProfileSelections selections, IpMemberships ips) {
    this.ips = ips;
    this.shapeOfPod = new int[table.size()];
    Map<Shape, Integer> ids = new HashMap<>();
    Shape last = null;
    int lastId = -1;
    for (AnalysisPod pod : table.pods()) {
      Shape shape =
          new Shape(
              selections.profileOf(pod.index()),
              pod.ports(),
              ips.of(pod.index(), PodAddresses.ANY_KNOWN_IP),
              ips.of(pod.index(), PodAddresses.FIRST_FAMILY));
      if (!shape.equals(last)) {
        // The replicas of an owner come one after another: they are not hashed.
        Integer id = ids.get(shape);
        if (id == null) {
          id = shapes.size();
          ids.put(shape, id);
          shapes.add(
              new Numbered(
                  shape.profile(),
                  portLists.id(shape.ports()),
                  memberships.id(shape.anyIp()),
                  memberships.id(shape.firstFamily()),
                  pod.index()));
        }
        last = shape;
        lastId = id;
      }
      shapeOfPod[pod.index()] = lastId;
    }
  }

  /** Numbers distinct values in the order they are first seen. */
  private static final class Ids<T> {
    private final Map<T, Integer> ids = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    int id(T value) {
      Integer id = ids.get(value);
      if (id == null) {
        id = values.size();
        ids.put(value, id);
        values.add(value);
      }
      return id;
    }
  }

  /** Whether these shapes hold for the pods of a what-if that has these address memberships. */
  boolean sameMemberships(IpMemberships other) {
    return ips == other;
  }

  /** The number of shapes. */
  int count() {
    return shapes.size();
  }

  /** The shape of an analysis pod. */
  int of(int pod) {
    return shapeOfPod[pod];
  }

  /** The first pod of a shape, which stands for it. */
  int firstPod(int shape) {
    return shapes.get(shape).firstPod();
  }

  /** The label profile of a shape's pods. */
  int profile(int shape) {
    return shapes.get(shape).profile();
  }

  /** The number of distinct container-port lists. */
  int portListCount() {
    return portLists.values.size();
  }

  /** The container-port list of a shape's pods, as its number. */
  int portList(int shape) {
    return shapes.get(shape).ports();
  }

  /** A container-port list by its number. */
  List<ContainerPort> ports(int portList) {
    return portLists.values.get(portList);
  }

  /** The address sets holding a shape's pods by a rule, as the number of that membership. */
  int membership(int shape, PodAddresses rule) {
    Numbered s = shapes.get(shape);
    return rule == PodAddresses.ANY_KNOWN_IP ? s.anyIp() : s.firstFamily();
  }
}
