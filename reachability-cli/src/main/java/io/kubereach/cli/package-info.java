/**
 * The {@code kubereach} command line: {@code list}, {@code eval}, {@code explain} and {@code diff}
 * over manifest files and folders, with one class per subcommand and one per output format.
 *
 * <p>Exit codes (docs/cli.md): 0 done / allowed / no change; 1 denied / connections changed; 2 bad
 * input or usage; 3 internal error. Diagnostics and warnings go to stderr, never into stdout.
 */
package io.kubereach.cli;
