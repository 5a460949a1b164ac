package io.kubereach.yaml;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads a large source on a thread of its own while the caller decodes what is read: parsing and
 * building the trees is about half of loading a dump, decoding them the other half, and each item
 * is complete before the next begins (docs/architecture.md, "Reading manifests"). The caller gets
 * the documents and items on its own thread, in the order they are read, and then the error that
 * stopped the read, exactly as a read on one thread hands them over; the decoder and the collector
 * stay single-threaded. At most {@link #AHEAD} items wait, so a dump is never all in memory.
 */
final class ReadAhead {
  /**
   * How many documents and items are handed over at once: one at a time, the two threads spent a
   * good part of the time waking each other.
   */
  private static final int BATCH = 64;

  /** How many batches the reader may be ahead of the caller. */
  private static final int AHEAD = 64;

  /** An item of a top-level {@code items} list, as {@link TreeReader.Items} receives it. */
  private record Item(int index, Node node) {}

  /** The end of the read: its error, or the error the reader thread died of. */
  private record End(Optional<Invalid> error, Error died) {}

  /** Unwinds the reader when the caller has stopped taking (its decoding failed). */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
  private volatile boolean stopped;

  /** The reader's batch being filled. */
  private Object[] batch = new Object[BATCH];

  private int batched;

  private ReadAhead() {}

  /**
   * Runs {@code reading} on a new thread and hands what it reads to {@code documents} and {@code
   * items} on this one.
   *
   * @return the error that stopped the read, or the one that decoding threw; empty when all was
   *     read
   */
  static Optional<Invalid> read(
      String source,
      ManifestReader.Reading reading,
      Consumer<Node> documents,
      TreeReader.Items items) {
    ReadAhead ahead = new ReadAhead();
    Thread reader = new Thread(() -> ahead.produce(reading), "kubereach read-ahead " + source);
    reader.setDaemon(true);
    reader.start();
    try {
      return ahead.consume(documents, items);
    } finally {
      ahead.stopped = true;
      ahead.queue.clear(); // a reader waiting for room wakes up, and sees it is stopped
      joinUninterruptibly(reader);
    }
  }

  /** The reader thread: everything read, then the end. */
  private void produce(ManifestReader.Reading reading) {
    End end;
    try {
      end = new End(reading.read(this::add, (index, node) -> add(new Item(index, node))), null);
    } catch (Error e) {
      end = new End(Optional.empty(), e);
    }
    try {
      if (batched > 0) {
        put(java.util.Arrays.copyOf(batch, batched));
      }
      put(end);
    } catch (Stopped e) {
      // the caller has gone
    }
  }

  private void add(Object next) {
    batch[batched++] = next;
    if (batched == BATCH) {
      put(batch);
      batch = new Object[BATCH];
      batched = 0;
    }
  }

  /** The caller's thread: each document and item to its receiver, until the end. */
  private Optional<Invalid> consume(Consumer<Node> documents, TreeReader.Items items) {
    while (true) {
      Object next = take();
      if (next instanceof End end) {
        if (end.died() != null) {
          throw end.died();
        }
        return end.error();
      }
      try {
        for (Object read : (Object[]) next) {
          if (read instanceof Item item) {
            items.item(item.index(), item.node());
          } else {
            documents.accept((Node) read);
          }
        }
      } catch (RuntimeException e) {
        // What a read on one thread makes of what its receivers throw (TreeReader.read).
        return Optional.of(e instanceof Invalid invalid ? invalid : TreeReader.unexpected(e));
      }
    }
  }

  private void put(Object next) {
    boolean interrupted = false;
    try {
      while (!stopped) {
        try {
          queue.put(next);
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      throw new Stopped();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next document, item or end; an interrupt is kept for the caller, and the load goes on. */
  private Object take() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
