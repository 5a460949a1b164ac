package io.kubereach.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the shared test oracle ({@code ../shared/oracle} beside the checkout).
 *
 * <p>Surefire passes the folder, resolved from the build root, as the system property {@code
 * kubereach.oracle.dir} (docs/architecture.md, "Testing"): tests run from module folders, so a bare
 * relative path would point at the wrong place. When the folder is missing, tests are skipped with
 * a message, except under {@code CI=true}, where a missing oracle is a failure.
 */
public final class Oracle {
  /** The system property naming the oracle folder. */
  public static final String PROPERTY = "kubereach.oracle.dir";

  private Oracle() {}

  /** The oracle root folder; skips (or fails under CI) when it is absent. */
  public static Path root() {
    String configured = System.getProperty(PROPERTY);
    Path dir = configured == null ? null : Path.of(configured).toAbsolutePath().normalize();
    if (dir == null || !Files.isDirectory(dir)) {
      String why =
          "oracle folder not found: "
              + (dir == null ? "system property " + PROPERTY + " is not set" : dir)
              + "; it is expected at ../shared/oracle beside the checkout";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + " (CI=true: a missing oracle is a failure, not a skip)");
      }
      assumeTrue(false, why);
    }
    return dir;
  }

  /**
   * A standard schema of {@code ../shared/schemas}, found beside the oracle; skips (or fails under
   * CI) when it is absent.
   */
  public static Path schema(String name) {
    Path file = root().resolveSibling("schemas").resolve(name);
    if (!Files.isRegularFile(file)) {
      String why = "schema " + file + " not found; it is expected in ../shared/schemas";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + " (CI=true: a missing schema is a failure, not a skip)");
      }
      assumeTrue(false, why);
    }
    return file;
  }

  /** One collection folder, e.g. {@code k8s-e2e}. */
  public static Path collection(String name) {
    Path dir = root().resolve(name);
    if (!Files.isDirectory(dir)) {
      fail("oracle collection " + name + " is missing under " + root());
    }
    return dir;
  }

  /** The case folders of a collection, sorted by name. */
  public static List<Path> cases(String collection) {
    try (Stream<Path> children = Files.list(collection(collection))) {
      return children.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
