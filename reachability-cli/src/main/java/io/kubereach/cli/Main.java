package io.kubereach.cli;

import io.kubereach.yaml.ManifestException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;

/** Entry point of {@code kubereach.jar}. */
public final class Main {

  /** Exit code: done, allowed, or no change. */
  static final int OK = 0;

  /** Exit code: denied ({@code eval}) or connections changed ({@code diff}). */
  static final int NEGATIVE = 1;

  /** Exit code: bad input or usage. */
  static final int BAD_INPUT = 2;

  /** Exit code: a defect of the tool, never mistaken for "denied". */
  static final int INTERNAL_ERROR = 3;

  /**
   * Exit code of every answering command: answered, but the answer is incomplete (a policy kind not
   * analysed, a lenient load, an order-dependent verdict); stderr says why.
   */
  static final int INCOMPLETE = 4;

  private Main() {}

  /**
   * The exit code of an answer drawn from the whole index: {@code code}, or {@link #INCOMPLETE}
   * when the index has limitations, so a script never reads an incomplete answer as a full one.
   */
  static int answered(io.kubereach.ReachabilityIndex index, int code) {
    return index.limitations().isEmpty() ? code : INCOMPLETE;
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments, e.g. {@code list examples/shop -o json}
   */
  public static void main(String[] args) {
    System.exit(
        run(
            args,
            System.in,
            new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Runs the command line with no standard input; for tests. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, java.io.InputStream.nullInputStream(), out, err);
  }

  /**
   * Runs the command line with the given streams and returns the exit code. A crash of the JVM's
   * own (out of memory, stack overflow) is an internal error too, exit 3, never a verdict.
   */
  static int run(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
    int code;
    try {
      code = commandLine(in, out, err).execute(args);
    } catch (Error e) {
      code = crashed(e, err);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The one-line report of a JVM error: what happened and what to try. */
  static int crashed(Error e, PrintWriter err) {
    if (e instanceof OutOfMemoryError) {
      err.println(
          "internal error: out of memory; give the JVM more heap, e.g. java -Xmx8g -jar"
              + " kubereach.jar ...");
    } else if (e instanceof StackOverflowError) {
      err.println("internal error: stack overflow; please report it with the input that caused it");
    } else {
      err.println("internal error: " + e);
    }
    return INTERNAL_ERROR;
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(java.io.InputStream.nullInputStream(), out, err);
  }

  static CommandLine commandLine(java.io.InputStream in, PrintWriter out, PrintWriter err) {
    KubereachCommand top = new KubereachCommand().withStdin(in);
    CommandLine cli = new CommandLine(top);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(usageError());
    cli.setExecutionExceptionHandler(executionError(top));
    cli.setExitCodeExceptionMapper(e -> INTERNAL_ERROR);
    return cli;
  }

  private static IParameterExceptionHandler usageError() {
    return (e, args) -> {
      CommandLine cmd = e.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println("error: " + e.getMessage());
      err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
      return BAD_INPUT;
    };
  }

  private static IExecutionExceptionHandler executionError(KubereachCommand top) {
    return (e, cmd, parseResult) -> {
      PrintWriter err = cmd.getErr();
      if (e instanceof ManifestException m) {
        m.diagnostics().forEach(d -> err.println("error: " + d));
        debugTrace(top, e, err);
        return BAD_INPUT;
      }
      if (e instanceof IllegalArgumentException
          || e instanceof java.io.UncheckedIOException
          || e instanceof io.kubereach.fabric8.ClusterReadException) {
        err.println("error: " + e.getMessage());
        debugTrace(top, e, err);
        return BAD_INPUT;
      }
      err.println("internal error: " + e);
      err.println(top.debug ? "" : "(rerun with --debug for the stack trace)");
      debugTrace(top, e, err);
      return INTERNAL_ERROR;
    };
  }

  private static void debugTrace(KubereachCommand top, Exception e, PrintWriter err) {
    if (top.debug) {
      e.printStackTrace(err);
    }
  }
}
