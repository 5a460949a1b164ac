package io.kubereach.cli;

import io.kubereach.Connection;
import io.kubereach.model.Endpoint;
import io.kubereach.model.PortSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** One in-process run of the command line, with its exit code and both streams. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A run with {@code stdin} as standard input. */
  static CliRun withStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new java.io.ByteArrayInputStream(
                stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  List<String> lines() {
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  /** Reads {@code src => dst : conns} lines back into connections. */
  static List<Connection> parseList(List<String> lines) {
    return lines.stream().filter(l -> !l.isBlank()).map(CliRun::parseLine).toList();
  }

  static Connection parseLine(String line) {
    int arrow = line.indexOf(" => ");
    int colon = line.indexOf(" : ", arrow);
    if (arrow < 0 || colon < 0) {
      throw new IllegalArgumentException("not a list line: " + line);
    }
    return new Connection(
        Endpoint.parse(line.substring(0, arrow)),
        Endpoint.parse(line.substring(arrow + 4, colon)),
        PortSet.parse(line.substring(colon + 3)));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
