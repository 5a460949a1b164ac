package io.kubereach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of docs/semantics.md prints what the page says: each {@code yaml} block followed by
 * a block of {@code list} lines is run through {@code kubereach list}. Where the page shows only
 * some lines, they must be printed: all lines between pods where no external line is shown (the
 * admin-tier examples), or the lines the text after the block says it shows; elsewhere the output
 * must be exactly the block.
 */
class SemanticsDocTest {

  /** A yaml block, then (after blank lines) a plain block. */
  private static final Pattern EXAMPLE =
      Pattern.compile("```yaml\\n(.*?)\\n```\\s*\\n```\\n(.*?)\\n```", Pattern.DOTALL);

  @TempDir static Path dir;

  /**
   * @param shortened the text after the output says it shows only some lines
   */
  private record Example(String heading, String yaml, List<String> lines, boolean shortened) {}

  private static Path page() {
    Path fromModule = Path.of("..", "docs", "semantics.md");
    return Files.exists(fromModule) ? fromModule : Path.of("docs", "semantics.md");
  }

  @TestFactory
  Stream<DynamicTest> everyExamplePrintsWhatThePageSays() throws IOException {
    String text = Files.readString(page());
    List<Example> examples = new ArrayList<>();
    Matcher m = EXAMPLE.matcher(text);
    while (m.find()) {
      List<String> lines = m.group(2).lines().toList();
      if (lines.stream().allMatch(l -> l.contains(" => ") && l.contains(" : "))) {
        String before = text.substring(0, m.start());
        String heading =
            before.substring(before.lastIndexOf("\n## ") + 4).lines().findFirst().get();
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 200));
        boolean shortened = after.contains("shown") || after.contains("Only the lines");
        examples.add(new Example(heading, m.group(1), lines, shortened));
      }
    }
    assertThat(examples).as("examples found on the page").hasSizeGreaterThan(20);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      int n = i;
      tests.add(
          DynamicTest.dynamicTest(
              n + " " + e.heading(),
              () -> {
                Path file = Files.writeString(dir.resolve("example-" + n + ".yaml"), e.yaml());
                CliRun run = CliRun.of("list", file.toString());
                // Exit 4 exactly when stderr says why the answer is incomplete (docs/cli.md).
                assertThat(run.exitCode())
                    .as(run.toString())
                    .isEqualTo(run.err().contains("incomplete: ") ? Main.INCOMPLETE : Main.OK);
                List<String> actual = run.lines();
                boolean podsOnly = e.lines().stream().noneMatch(l -> l.contains("[External]"));
                if (podsOnly && actual.stream().anyMatch(l -> l.contains("[External]"))) {
                  actual = actual.stream().filter(l -> !l.contains("[External]")).toList();
                }
                if (e.shortened()) {
                  // "Only the lines into x/api are shown": every shown line is printed.
                  assertThat(actual).as(e.heading()).containsAll(e.lines());
                } else {
                  assertThat(actual).as(e.heading()).containsExactlyElementsOf(e.lines());
                }
              }));
    }
    return tests.stream();
  }
}
