package io.kubereach.cli;

import io.kubereach.model.Protocol;
import picocli.CommandLine.Option;

/** The source and destination of {@code eval} and {@code explain}. */
final class PairOptions {

  @Option(
      names = {"-s", "--source"},
      required = true,
      paramLabel = "SRC",
      description = "Source: ns/name[Kind], ns/name when unambiguous, or an IP address.")
  String source;

  @Option(
      names = {"-d", "--destination"},
      required = true,
      paramLabel = "DST",
      description = "Destination: ns/name[Kind], ns/name when unambiguous, or an IP address.")
  String destination;

  @Option(
      names = "--protocol",
      defaultValue = "TCP",
      paramLabel = "PROTO",
      converter = ProtocolConverter.class,
      description = "Protocol of the port: tcp, udp or sctp (default: tcp).")
  Protocol protocol;

  /** Reads tcp/udp/sctp in any case. */
  static final class ProtocolConverter implements picocli.CommandLine.ITypeConverter<Protocol> {
    @Override
    public Protocol convert(String value) {
      return Protocol.parse(value);
    }
  }
}
