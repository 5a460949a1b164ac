package io.kubereach.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command writes its answer: stdout, or the file of {@code -f/--file}. */
final class OutputOptions {

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Write the answer to FILE instead of stdout.")
  Path file;

  /** Runs {@code body} with the writer of the answer, closing a file but never stdout. */
  void write(PrintWriter stdout, WriterBody body) {
    if (file == null) {
      body.write(stdout);
      stdout.flush();
      return;
    }
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
      PrintWriter out = new PrintWriter(new java.io.BufferedWriter(w, 1 << 16));
      body.write(out);
      out.flush();
      if (out.checkError()) {
        throw new UncheckedIOException(new IOException("cannot write " + file));
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UncheckedIOException(
          "cannot write " + file + ": its directory does not exist; create it first", e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UncheckedIOException("cannot write " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e, e);
    }
  }

  /** Produces an answer into a writer. */
  @FunctionalInterface
  interface WriterBody {
    void write(PrintWriter out);
  }
}
