package io.kubereach.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A release a build can depend on: every published module has its jar, sources jar and javadoc jar,
 * the BOM lists every published module, and the licence is at the root. This module is the last of
 * the reactor, so under {@code mvn verify} the others are packaged when it runs; under {@code mvn
 * test} there is nothing to look at, and the test says so.
 */
class ReleaseArtifactsTest {

  private static final Path ROOT = Path.of(System.getProperty("kubereach.root", "..")).normalize();

  /**
   * The modules a build can depend on: every module of the parent but the BOM itself and the
   * benchmarks, which are not published. Read from the parent, so a new module is checked too.
   */
  private static final List<String> PUBLISHED = published();

  private static List<String> published() {
    try {
      Matcher m =
          Pattern.compile("<module>([^<]+)</module>")
              .matcher(Files.readString(ROOT.resolve("pom.xml")));
      List<String> out = new java.util.ArrayList<>();
      while (m.find()) {
        if (!m.group(1).equals("reachability-bom") && !m.group(1).equals("benchmarks")) {
          out.add(m.group(1));
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theNewModulesArePublishedToo() {
    assertThat(PUBLISHED)
        .contains(
            "reachability-core",
            "reachability-yaml",
            "reachability-fabric8",
            "reachability-json",
            "reachability-cli",
            "reachability-assertj");
  }

  private static String version() throws IOException {
    Matcher m =
        Pattern.compile("<artifactId>kubereach-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(m.find()).as("the parent's version").isTrue();
    return m.group(1);
  }

  @Test
  void everyPublishedModuleHasItsJarSourcesAndJavadoc() throws IOException {
    String version = version();
    Path coreJar = ROOT.resolve("reachability-core/target/reachability-core-" + version + ".jar");
    assumeTrue(Files.exists(coreJar), "the modules are not packaged (mvn test, not mvn verify)");
    for (String module : PUBLISHED) {
      Path target = ROOT.resolve(module).resolve("target");
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        assertThat(target.resolve(module + "-" + version + suffix)).as(module + suffix).exists();
      }
    }
  }

  @Test
  void theBomListsEveryPublishedModuleAndThePomsSayWhatTheyAre() throws IOException {
    String bom = Files.readString(ROOT.resolve("reachability-bom/pom.xml"));
    for (String module : PUBLISHED) {
      assertThat(bom).contains("<artifactId>" + module + "</artifactId>");
    }
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    assertThat(parent)
        .contains("<licenses>", "Apache-2.0", "<developers>", "the kubereach authors", "<scm>")
        .contains("<module>reachability-bom</module>");
    for (String module : PUBLISHED) {
      assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml")))
          .as(module)
          .contains("<description>");
    }
    assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License");
  }
}
