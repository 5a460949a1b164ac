package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every output format on the bundled example, against reviewed golden files.
 *
 * <p>The one accepted case of an expectation produced by the code under test (docs/architecture.md,
 * "Testing"): the files change only when the build runs with {@code -Dkubereach.updateGolden=true},
 * and the resulting diff is read before it is committed.
 */
class GoldenFilesTest {

  private static final Path ROOT = Path.of(System.getProperty("kubereach.root", "..")).normalize();
  private static final Path EXAMPLE = ROOT.resolve("examples/shop");
  private static final Path GOLDEN = ROOT.resolve("reachability-cli/src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("kubereach.updateGolden");

  @TestFactory
  Stream<DynamicTest> listInEveryFormat() {
    // svg is Graphviz's rendering, which varies by its version: PicturesTest checks it instead.
    return Stream.of(Format.values())
        .filter(f -> f != Format.svg)
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "list -o " + f,
                    () -> matches("list." + f, "list", EXAMPLE.toString(), "-o", f.name())));
  }

  @TestFactory
  Stream<DynamicTest> evalAndExplain() {
    return Stream.of(
        DynamicTest.dynamicTest(
            "explain storefront to checkout",
            () ->
                matches(
                    "explain-storefront-checkout.txt",
                    "explain",
                    EXAMPLE.toString(),
                    "-s",
                    "shop-frontend/storefront",
                    "-d",
                    "shop-backend/checkout")),
        DynamicTest.dynamicTest(
            "eval json",
            () ->
                matches(
                    "eval-storefront-checkout.json",
                    "eval",
                    EXAMPLE.toString(),
                    "-s",
                    "shop-frontend/storefront",
                    "-d",
                    "shop-backend/checkout",
                    "-p",
                    "50051",
                    "-o",
                    "json")));
  }

  private static void matches(String golden, String... args) throws IOException {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.toString()).isBetween(0, 1);
    // Where the checkout lives is not part of the output's contract (the HTML title names the
    // input as given): the golden files hold the path relative to the repository.
    String out = run.out().replace(EXAMPLE.toString(), "examples/shop");
    Path file = GOLDEN.resolve(golden);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, out);
    }
    assertThat(file).as("golden file; regenerate with -Dkubereach.updateGolden=true").exists();
    assertThat(out).isEqualTo(Files.readString(file));
  }
}
