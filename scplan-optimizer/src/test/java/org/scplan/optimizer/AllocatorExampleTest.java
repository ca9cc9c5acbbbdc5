package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanStatus;

/**
 * Runs the example in {@link Allocator}'s class javadoc as written there (JDK 17's javadoc has no
 * snippet tag, so the example is a {@code <pre>} block that this test keeps honest).
 */
class AllocatorExampleTest {

  @Test
  void classJavadocExample_runs() {
    // --- the javadoc example, verbatim ---
    Allocator allocator =
        Allocator.create(
            AllocatorConfig.builder().timeLimit(Duration.ofSeconds(10)).workers(2).build());
    Plan plan = allocator.allocate(NotionalTheater.scenario());
    System.out.printf(
        "%s: %.1f of %.1f points retired (%.0f%%)%n",
        plan.status(),
        plan.riskReduced(),
        plan.totalWeightAtStake(),
        100 * plan.riskReducedShare());
    plan.unfundedOptions()
        .forEach(u -> System.out.println(u.optionId() + ": " + u.reason().detail()));
    // --- end of the example ---

    assertThat(plan.status()).isIn(PlanStatus.OPTIMAL, PlanStatus.FEASIBLE);
    assertThat(plan.riskReduced()).isPositive();
  }

  @Test
  void classJavadocExample_isTheCodeThisTestRuns() throws IOException {
    String example = javadocExample(Path.of("src/main/java/org/scplan/optimizer/Allocator.java"));
    String test =
        Files.readString(
            Path.of(
                System.getProperty("basedir", "."),
                "src/test/java/org/scplan/optimizer/AllocatorExampleTest.java"));

    assertThat(example).isNotEmpty();
    assertThat(withoutWhitespace(test)).contains(withoutWhitespace(example));
  }

  /** The first {@code <pre>{@code ...}</pre>} block of the file's javadoc, without its stars. */
  static String javadocExample(Path source) throws IOException {
    Path file = Path.of(System.getProperty("basedir", ".")).resolve(source);
    Matcher m =
        Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\* }</pre>", Pattern.DOTALL)
            .matcher(Files.readString(file));
    return m.find() ? m.group(1).replaceAll("(?m)^\\s*\\* ?", "") : "";
  }

  static String withoutWhitespace(String s) {
    return s.replaceAll("\\s+", "");
  }
}
