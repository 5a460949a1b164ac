package io.kubereach.internal.engine;

import io.kubereach.internal.net.IpAtoms;
import io.kubereach.internal.net.IpMatcher;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4a of the engine (docs/architecture.md): address atoms held by the same address sets behave
 * alike everywhere (S12) and share one IP class, the columns of the pod-to-address matrices.
 * Immutable.
 */
final class IpClasses {
  private final int count;
  private final int[] classOfAtom;
  private final long[][] classesOfMatcher;

  IpClasses(IpAtoms atoms, List<IpMatcher> matchers) {
    Map<BitSet, Integer> ids = new HashMap<>();
    List<BitSet> signatures = new ArrayList<>();
    classOfAtom = new int[atoms.size()];
    for (int a = 0; a < atoms.size(); a++) {
      BitSet sig = atoms.signature(a);
      Integer id = ids.get(sig);
      if (id == null) {
        id = signatures.size();
        ids.put(sig, id);
        signatures.add(sig);
      }
      classOfAtom[a] = id;
    }
    count = signatures.size();
    classesOfMatcher = new long[matchers.size()][];
    for (int m = 0; m < matchers.size(); m++) {
      classesOfMatcher[m] = Bits.words(count);
      for (int x = 0; x < count; x++) {
        if (signatures.get(x).get(m)) {
          Bits.set(classesOfMatcher[m], x);
        }
      }
    }
  }

  /** The number of IP classes. */
  int count() {
    return count;
  }

  /** The IP class of an address atom. */
  int classOf(int atom) {
    return classOfAtom[atom];
  }

  /** The IP classes inside an address set, as words: shared, never modify. */
  long[] inside(int matcher) {
    return classesOfMatcher[matcher];
  }
}
