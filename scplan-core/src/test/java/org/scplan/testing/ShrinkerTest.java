package org.scplan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.validation.ScenarioValidator;

class ShrinkerTest {
  /** A planted bug: the "property" fails whenever some option has a prerequisite. */
  private static final Predicate<Scenario> FAILS_ON_PREREQUISITES =
      s -> s.options().stream().anyMatch(o -> !o.prerequisites().isEmpty());

  @Test
  void shrink_propertyFailingOnPrerequisites_leavesOnlyTheOptionAndItsPrerequisite() {
    long seed =
        firstSeed(
            s ->
                FAILS_ON_PREREQUISITES.test(s)
                    && s.options().size() >= 5
                    && !s.balanceRules().isEmpty()
                    && s.programs().size() >= 2);
    Scenario failing = RandomScenarios.tiny(seed);

    Scenario shrunk = Shrinker.shrink(failing, FAILS_ON_PREREQUISITES);

    assertThat(ScenarioValidator.problems(shrunk)).isEmpty();
    assertThat(FAILS_ON_PREREQUISITES.test(shrunk)).isTrue();
    assertThat(shrunk.options()).hasSize(2);
    SolutionOption dependent =
        shrunk.options().stream()
            .filter(o -> !o.prerequisites().isEmpty())
            .findFirst()
            .orElseThrow();
    assertThat(dependent.prerequisites()).hasSize(1);
    assertThat(shrunk.options())
        .extracting(SolutionOption::id)
        .containsExactlyInAnyOrder(dependent.id(), dependent.prerequisites().get(0).optionId());
    assertThat(shrunk.options()).allMatch(o -> o.exclusionGroup() == null);
    assertThat(shrunk.balanceRules()).isEmpty();
    assertThat(shrunk.lockedDecisions()).isEmpty();
    assertThat(shrunk.gaps())
        .extracting(CapabilityGap::id)
        .containsExactlyInAnyOrderElementsOf(
            shrunk.options().stream().map(SolutionOption::gapId).distinct().toList());
    assertThat(shrunk.partners())
        .hasSize((int) shrunk.gaps().stream().map(CapabilityGap::partnerId).distinct().count());
    assertThat(shrunk.programs()).hasSizeLessThan(failing.programs().size());
    assertThat(shrunk.horizon().length()).isLessThanOrEqualTo(failing.horizon().length());
  }

  @Test
  void shrink_propertyFailingOnFourOrMoreOptions_keepsExactlyFour() {
    Predicate<Scenario> failsOnFour = s -> s.options().size() >= 4;
    long seed = firstSeed(s -> s.options().size() >= 7);

    Scenario shrunk = Shrinker.shrink(RandomScenarios.tiny(seed), failsOnFour);

    assertThat(shrunk.options()).hasSize(4);
    assertThat(shrunk.options()).allMatch(o -> o.prerequisites().isEmpty());
    assertThat(shrunk.lockedDecisions()).isEmpty();
  }

  @Test
  void shrink_propertyThatThrows_countsTheExceptionAsFailure() {
    Predicate<Scenario> throwsOnGaps =
        s -> {
          if (s.gaps().size() > 1) {
            throw new IllegalStateException("planted");
          }
          return false;
        };
    long seed = firstSeed(s -> s.gaps().size() >= 3);

    Scenario shrunk = Shrinker.shrink(RandomScenarios.tiny(seed), throwsOnGaps);

    assertThat(shrunk.gaps()).hasSize(2);
  }

  @Test
  void report_namesPropertySeedAndGivesReadableJson() {
    Scenario scenario = RandomScenarios.tiny(4);

    String report = Shrinker.report("SOME_PROPERTY", 4, scenario);

    assertThat(report).startsWith("SOME_PROPERTY fails for seed 4; shrunk to ");
    String json = report.substring(report.indexOf('\n') + 1);
    assertThat(ScenarioJson.read(json, "report.json")).isEqualTo(scenario);
  }

  private static long firstSeed(Predicate<Scenario> wanted) {
    return LongStream.rangeClosed(1, 10_000)
        .filter(seed -> wanted.test(RandomScenarios.tiny(seed)))
        .findFirst()
        .orElseThrow();
  }
}
