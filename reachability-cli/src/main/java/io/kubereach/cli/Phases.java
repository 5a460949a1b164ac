package io.kubereach.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * What a run is doing, on stderr: with {@code -v}, each phase with its counts and time; on a
 * terminal, a one-line indicator of the phase under way, cleared when it ends. stdout stays clean.
 */
final class Phases {
  private final PrintWriter err;
  private final boolean verbose;
  private final boolean terminal;
  private String phase;
  private long started;

  Phases(PrintWriter err, boolean verbose, boolean terminal) {
    this.err = err;
    this.verbose = verbose;
    this.terminal = terminal;
  }

  void start(String name) {
    phase = name;
    started = System.nanoTime();
    if (terminal) {
      err.print("\rkubereach: " + name + "…");
      err.flush();
    }
  }

  void done(String counts) {
    long ms = (System.nanoTime() - started) / 1_000_000;
    if (terminal) {
      err.print("\r\u001b[2K");
      err.flush();
    }
    if (verbose) {
      err.println(String.format(Locale.ROOT, "phase %s: %s in %,d ms", phase, counts, ms));
    }
  }
}
