package org.scplan.greedy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.plan.Plan;

/**
 * Runs the example in {@link GreedyAllocator}'s class javadoc as written there (JDK 17's javadoc
 * has no snippet tag, so the example is a {@code <pre>} block that this test keeps honest).
 */
class GreedyAllocatorExampleTest {
  private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));

  @Test
  void classJavadocExample_runs() {
    // --- the javadoc example, verbatim ---
    Plan baseline = GreedyAllocator.allocate(NotionalTheater.scenario());
    System.out.printf("greedy retires %.1f points%n", baseline.riskReduced());
    // --- end of the example ---

    assertThat(baseline.riskReduced()).isPositive();
  }

  @Test
  void classJavadocExample_isTheCodeThisTestRuns() throws IOException {
    String source =
        Files.readString(BASEDIR.resolve("src/main/java/org/scplan/greedy/GreedyAllocator.java"));
    Matcher m =
        Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\* }</pre>", Pattern.DOTALL).matcher(source);
    assertThat(m.find()).as("a <pre>{@code ...}</pre> example in GreedyAllocator").isTrue();
    String example = m.group(1).replaceAll("(?m)^\\s*\\* ?", "");
    String test =
        Files.readString(
            BASEDIR.resolve("src/test/java/org/scplan/greedy/GreedyAllocatorExampleTest.java"));

    assertThat(test.replaceAll("\\s+", "")).contains(example.replaceAll("\\s+", ""));
  }
}
