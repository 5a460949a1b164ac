package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures (docs/cli.md, "Pictures"): the DOT renders with Graphviz, and the HTML report
 * renders in a real headless browser, with its matrix and a filtered table. Graphviz and Chromium
 * are Debian packages that {@code .ci/run} installs; without them the test is skipped, except under
 * {@code CI=true}, where it fails.
 */
class PicturesTest {

  @TempDir Path dir;

  private static Path shop() {
    Path fromModule = Path.of("..", "examples", "shop");
    return Files.isDirectory(fromModule) ? fromModule : Path.of("examples", "shop");
  }

  private static void require(String tool) {
    boolean present = Files.isExecutable(Path.of("/usr/bin", tool));
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(tool + " is not installed; .ci/run installs it (CI=true)");
    }
    assumeTrue(present, tool + " is not installed (.ci/run installs it)");
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    assertThat(p.exitValue()).as("%s exit code", command).isZero();
    return out;
  }

  @Test
  void dotAndSvgRenderWithGraphviz() throws Exception {
    require("dot");
    CliRun dot = CliRun.of("list", shop().toString(), "-q", "-o", "dot");
    assertThat(dot.out()).contains("newrank=true").contains("cluster_legend").contains("dir=both");
    Path file = Files.writeString(dir.resolve("shop.dot"), dot.out());
    assertThat(run(List.of("dot", "-Tsvg", file.toString()))).contains("<svg");
    CliRun svg = CliRun.of("list", shop().toString(), "-q", "-o", "svg");
    assertThat(svg.exitCode()).as(svg.toString()).isZero();
    assertThat(svg.out()).contains("<svg").contains("storefront");
    CliRun aggregated =
        CliRun.of("list", shop().toString(), "-q", "--aggregate", "namespace", "-o", "dot");
    assertThat(aggregated.out()).contains("label=\"shop-backend\"").doesNotContain("cluster_0");
  }

  @Test
  void theHtmlReportRendersItsMatrixAndFiltersItsTableInABrowser() throws Exception {
    require("chromium");
    Path page = dir.resolve("shop.html");
    CliRun html = CliRun.of("list", shop().toString(), "-q", "-o", "html", "-f", page.toString());
    assertThat(html.exitCode()).as(html.toString()).isZero();
    String text = Files.readString(page);
    // Self-contained: nothing is fetched (the SVG namespace URI is a name, not a request).
    assertThat(text).doesNotContainPattern("(src|href)=\"https?:").doesNotContain("<link");
    String dom =
        run(
            List.of(
                "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--dump-dom",
                page.toUri() + "#filter=shop-data"));
    Matcher shown = Pattern.compile("id=\"shown\">(\\d+) of (\\d+) rows").matcher(dom);
    assertThat(shown.find()).as("the script ran and counted rows").isTrue();
    assertThat(Integer.parseInt(shown.group(1))).isEqualTo(6);
    assertThat(Integer.parseInt(shown.group(2))).isEqualTo(26);
    // 6 namespaces and the outside: a 6 x 6 heat map.
    assertThat(dom.split("<rect class=\"cell\"", -1)).hasSize(36 + 1);
  }
}
