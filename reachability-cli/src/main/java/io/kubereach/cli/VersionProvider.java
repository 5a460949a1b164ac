package io.kubereach.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so it never drifts from the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"kubereach " + (version == null ? "(development build)" : version)};
  }
}
