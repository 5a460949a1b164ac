package io.kubereach.internal.query;

import io.kubereach.Connection;
import io.kubereach.model.ExternalEndpoint;
import io.kubereach.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order of a listing (docs/cli.md: by source text, then destination text, as byte strings)
 * without comparing texts per line: endpoints (already sorted) and external ranges are merged once
 * into ranks, and lines are sorted by rank with a bucket per source.
 */
final class ListingOrder {
  private final int[] ofEndpoint;
  private final Map<String, Integer> ofRange = new HashMap<>();
  private final int count;
  private final List<Connection> connections = new ArrayList<>();
  private int[] sources = new int[64];
  private int[] destinations = new int[64];

  /**
   * @param endpoints the listing's endpoints, sorted by text
   * @param ranges the listing's external ranges by text
   */
  ListingOrder(List<WorkloadEndpoint> endpoints, TreeMap<String, ExternalEndpoint> ranges) {
    ofEndpoint = new int[endpoints.size()];
    Iterator<String> texts = ranges.keySet().iterator();
    String next = texts.hasNext() ? texts.next() : null;
    int rank = 0;
    for (int j = 0; j < endpoints.size(); j++) {
      String text = endpoints.get(j).toString();
      while (next != null && next.compareTo(text) < 0) {
        ofRange.put(next, rank++);
        next = texts.hasNext() ? texts.next() : null;
      }
      ofEndpoint[j] = rank++;
    }
    while (next != null) {
      ofRange.put(next, rank++);
      next = texts.hasNext() ? texts.next() : null;
    }
    count = rank;
  }

  /** The rank of the {@code j}-th endpoint. */
  int endpoint(int j) {
    return ofEndpoint[j];
  }

  /** The rank of an external range of the listing. */
  int range(ExternalEndpoint range) {
    return ofRange.get(range.toString());
  }

  /** Adds a line with the ranks of its ends. */
  void add(Connection c, int source, int destination) {
    int n = connections.size();
    if (n == sources.length) {
      sources = Arrays.copyOf(sources, 2 * n);
      destinations = Arrays.copyOf(destinations, 2 * n);
    }
    sources[n] = source;
    destinations[n] = destination;
    connections.add(c);
  }

  /** The lines added so far, by source rank (bucketed), then destination rank. */
  List<Connection> sorted() {
    int n = connections.size();
    int[] start = new int[count + 1];
    for (int i = 0; i < n; i++) {
      start[sources[i] + 1]++;
    }
    for (int r = 0; r < count; r++) {
      start[r + 1] += start[r];
    }
    int[] fill = Arrays.copyOf(start, count);
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[fill[sources[i]]++] = ((long) destinations[i] << 32) | i;
    }
    Connection[] out = new Connection[n];
    for (int r = 0; r < count; r++) {
      Arrays.sort(packed, start[r], start[r + 1]);
      for (int k = start[r]; k < start[r + 1]; k++) {
        out[k] = connections.get((int) packed[k]);
      }
    }
    return List.of(out);
  }
}
