package io.kubereach.internal.engine;

/** Bit operations on {@code long[]} words: the engine's only bitset representation. */
final class Bits {
  private Bits() {}

  static long[] words(int bits) {
    return new long[(bits + 63) >>> 6];
  }

  static void set(long[] words, int bit) {
    words[bit >>> 6] |= 1L << bit;
  }

  static void clear(long[] words, int bit) {
    words[bit >>> 6] &= ~(1L << bit);
  }

  static boolean get(long[] words, int bit) {
    return (words[bit >>> 6] & (1L << bit)) != 0;
  }

  /** Words with bits {@code 0..bits-1} set. */
  static long[] ones(int bits) {
    long[] w = words(bits);
    for (int i = 0; i < bits >>> 6; i++) {
      w[i] = -1L;
    }
    if ((bits & 63) != 0) {
      w[bits >>> 6] = (1L << bits) - 1;
    }
    return w;
  }

  /** {@code target |= source}, in place. */
  static void orInto(long[] target, long[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] |= source[i];
    }
  }

  /** {@code a & b} as a new array. */
  static long[] and(long[] a, long[] b) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] & b[i];
    }
    return out;
  }

  /** Whether {@code a} and {@code b} share a set bit. */
  static boolean intersects(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & b[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  static boolean isEmpty(long[] words) {
    for (long w : words) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }

  /** Calls {@code action} with every set bit, ascending. */
  static void forEach(long[] words, java.util.function.IntConsumer action) {
    for (int w = 0; w < words.length; w++) {
      long bits = words[w];
      while (bits != 0) {
        action.accept((w << 6) + Long.numberOfTrailingZeros(bits));
        bits &= bits - 1;
      }
    }
  }

  /** Clears the bits at {@code bits} and above in the last word, in place. */
  static void maskTail(long[] words, int bits) {
    if ((bits & 63) != 0 && words.length > 0) {
      words[words.length - 1] &= (1L << bits) - 1;
    }
  }

  /** The number of set bits. */
  static int count(long[] words) {
    int n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }
}
