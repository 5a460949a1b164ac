package io.kubereach.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code -o svg}: the DOT text rendered by Graphviz's {@code dot}, which must be on the PATH. */
final class Graphviz {
  private Graphviz() {}

  static void svg(Consumer<PrintWriter> dot, PrintWriter out) {
    StringWriter text = new StringWriter();
    PrintWriter w = new PrintWriter(text);
    dot.accept(w);
    w.flush();
    Process p;
    try {
      p = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "-o svg needs Graphviz: 'dot' is not on the PATH (apt-get install graphviz, brew install"
              + " graphviz); -o dot writes the graph for rendering elsewhere",
          e);
    }
    try (OutputStream in = p.getOutputStream()) {
      in.write(text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand the graph to dot: " + e.getMessage(), e);
    }
    try (InputStream svg = p.getInputStream();
        InputStream err = p.getErrorStream()) {
      String rendered = new String(svg.readAllBytes(), StandardCharsets.UTF_8);
      String problems = new String(err.readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("dot failed: " + problems.strip());
      }
      out.print(rendered);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dot's output: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while dot was rendering", e);
    }
  }
}
