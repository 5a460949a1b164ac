package io.kubereach.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code kubereach} command; does nothing alone but list its subcommands. */
@Command(
    name = "kubereach",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Which workload can talk to which, on which port, and why: Kubernetes NetworkPolicy "
          + "reachability from manifests.",
      ""
    },
    subcommands = {
      ListCommand.class,
      EvalCommand.class,
      ExplainCommand.class,
      DiffCommand.class,
      VerifyCommand.class,
      BlastRadiusCommand.class,
      picocli.AutoComplete.GenerateCompletion.class
    },
    footer = {
      "",
      "Exit codes: 0 done/allowed/no change, 1 denied/changed, 2 bad input or usage,"
          + " 3 internal error, 4 answered but incomplete (eval, diff; stderr says why)."
    })
final class KubereachCommand implements Runnable {

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors (for reporting a defect).")
  boolean debug;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Standard input, for {@code -} as a path; set by {@link Main}. */
  private java.io.InputStream stdin = java.io.InputStream.nullInputStream();

  KubereachCommand withStdin(java.io.InputStream in) {
    this.stdin = in;
    return this;
  }

  java.io.InputStream stdin() {
    return stdin;
  }

  /** The top-level command above {@code spec}. */
  static KubereachCommand of(picocli.CommandLine.Model.CommandSpec spec) {
    picocli.CommandLine.Model.CommandSpec s = spec;
    while (s.parent() != null) {
      s = s.parent();
    }
    return (KubereachCommand) s.userObject();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
