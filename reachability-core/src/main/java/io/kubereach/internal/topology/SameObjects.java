package io.kubereach.internal.topology;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the objects of a changed list stood in the list it was made from, by identity: what a
 * what-if (docs/architecture.md, "The pipeline") may take over from the index it came from. A
 * what-if changes a few objects and keeps the others in their order, so the common head and tail of
 * the two lists are matched by position and only the middle by identity.
 */
public final class SameObjects {
  private SameObjects() {}

  /**
   * For each object of {@code now}, the index of the very same object in {@code before}, or -1. An
   * object that occurs twice in {@code before} is matched to one of its places.
   */
  public static int[] positions(List<?> now, List<?> before) {
    int[] out = new int[now.size()];
    int most = Math.min(now.size(), before.size());
    int head = 0;
    while (head < most && now.get(head) == before.get(head)) {
      out[head] = head;
      head++;
    }
    int tail = 0;
    while (tail < most - head
        && now.get(now.size() - 1 - tail) == before.get(before.size() - 1 - tail)) {
      out[now.size() - 1 - tail] = before.size() - 1 - tail;
      tail++;
    }
    Map<Object, Integer> middle = new IdentityHashMap<>();
    for (int i = head; i < before.size() - tail; i++) {
      middle.put(before.get(i), i);
    }
    for (int i = head; i < now.size() - tail; i++) {
      out[i] = middle.getOrDefault(now.get(i), -1);
    }
    return out;
  }
}
