package org.scplan.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;

/**
 * The best-known file must keep the best plan per scenario across runs, never let a worse run or a
 * plan of another scenario (same preset and seed, changed generator) stand as the reference, and
 * reject a malformed file with every bad cell located.
 */
class BestKnownPlansTest {
  private static QualityHarness.Result result(
      String preset, long seed, double objective, String digest) {
    return new QualityHarness.Result(
        preset,
        seed,
        10.0,
        2,
        1_913,
        0.1,
        0.2,
        0.3,
        "FEASIBLE",
        objective + 0.1,
        objective,
        3_586.94,
        0.06,
        3.0,
        Double.NaN,
        3_132.98,
        10.02,
        17_113,
        4_581,
        900.0,
        digest);
  }

  @Test
  void update_keepsTheBetterPlanPerScenario_andWritesItBack(@TempDir Path dir) {
    Path file = dir.resolve("best.csv");
    BestKnownPlans first =
        BestKnownPlans.read(file)
            .updatedWith(
                List.of(
                    result("theater", 1, 3_346.79, "aaaa"),
                    result("theater", 1, 3_437.39, "aaaa"),
                    result("theater", 10, 2_900.00, "cccc"),
                    result("theater", 2, 3_177.21, "bbbb")),
                r -> "run " + r.config());
    first.write(file);

    BestKnownPlans reread = BestKnownPlans.read(file);
    assertThat(reread.best("theater", 1, "aaaa"))
        .hasValueSatisfying(e -> assertThat(e.objective()).isCloseTo(3_437.39, within(1e-4)));
    assertThat(reread.entries())
        .extracting(BestKnownPlans.Entry::seed)
        .as("seeds in numeric order")
        .containsExactly(1L, 2L, 10L);

    BestKnownPlans second =
        reread.updatedWith(List.of(result("theater", 1, 3_400.00, "aaaa")), r -> "later run");
    assertThat(second.best("theater", 1, "aaaa").orElseThrow().objective())
        .as("a worse run does not replace the best plan")
        .isCloseTo(3_437.39, within(1e-4));
    assertThat(second.best("theater", 1, "aaaa").orElseThrow().source()).isEqualTo("run 10s/2w");
  }

  @Test
  void entryOfAnotherScenario_isNotUsed_andIsReplacedByTheNextRun() {
    BestKnownPlans stale =
        BestKnownPlans.empty()
            .updatedWith(List.of(result("global", 3, 18_000.0, "old")), r -> "old generator");

    assertThat(stale.best("global", 3, "new")).isEmpty();
    BestKnownPlans updated =
        stale.updatedWith(List.of(result("global", 3, 15_000.0, "new")), r -> "new generator");
    assertThat(updated.best("global", 3, "new").orElseThrow().objective()).isEqualTo(15_000.0);
    assertThat(updated.best("global", 3, "old")).isEmpty();
  }

  @Test
  void runWithoutAPlan_addsNothing() {
    BestKnownPlans updated =
        BestKnownPlans.empty()
            .updatedWith(List.of(result("theater", 4, Double.NaN, "dddd")), r -> "none");

    assertThat(updated.entries()).isEmpty();
  }

  @Test
  void shortfall_isTheFractionOfTheBestPlanMissing() {
    assertThat(BestKnownPlans.shortfall(3_346.79, 3_437.39)).isCloseTo(0.026357, within(1e-6));
    assertThat(BestKnownPlans.shortfall(3_437.39, 3_437.39)).isZero();
    assertThat(BestKnownPlans.shortfall(1.0, Double.NaN)).isNaN();
  }

  @Test
  void malformedFile_listsEveryBadCellWithRowAndColumn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("best.csv");
    Files.writeString(
        file,
        String.join(",", BestKnownPlans.HEADER)
            + "\n"
            + "theater,one,aaaa,3437.39,run\n"
            + "theater,2,bbbb,lots,run\n"
            + "theater,3,cccc\n"
            + "theater,4,dddd,3000,run\n"
            + "theater,4,eeee,3100,run\n");

    assertThatThrownBy(() -> BestKnownPlans.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + " row 2 column 2 (seed): 'one' is not a whole number")
        .hasMessageContaining(
            file + " row 3 column 4 (objective): 'lots' is not a finite number of points")
        .hasMessageContaining(file + " row 4: 3 cells, expected 5")
        .hasMessageContaining(file + " row 6: a second row for preset theater seed 4");
  }

  @Test
  void wrongHeader_isNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("best.csv");
    Files.writeString(file, "preset,seed,objective\ntheater,1,3437.39\n");

    assertThatThrownBy(() -> BestKnownPlans.read(file))
        .hasMessageContaining(file + " row 1: the header must be")
        .hasMessageContaining("is preset,seed,objective");
  }

  @Test
  void digest_tellsGeneratedScenariosApart() {
    String seedOne = QualityHarness.digest(ScenarioGenerator.generate(config(1)));

    assertThat(seedOne).hasSize(16).matches("[0-9a-f]+");
    assertThat(QualityHarness.digest(ScenarioGenerator.generate(config(1)))).isEqualTo(seedOne);
    assertThat(QualityHarness.digest(ScenarioGenerator.generate(config(2)))).isNotEqualTo(seedOne);
  }

  @Test
  void embeddedPreset_isTheNotionalTheaterWhateverTheSeed() {
    String theater = QualityHarness.digest(NotionalTheater.scenario());

    assertThat(QualityHarness.digest(QualityHarness.scenario(QualityHarness.EMBEDDED, 1)))
        .isEqualTo(theater);
    assertThat(QualityHarness.digest(QualityHarness.scenario(QualityHarness.EMBEDDED, 5)))
        .isEqualTo(theater);
    assertThat(QualityHarness.scenario("theater", 1).partners()).hasSizeGreaterThan(40);
  }

  @Test
  void unknownPreset_isRejectedBeforeAnyCaseRuns(@TempDir Path dir) {
    Path results = dir.resolve("results.csv");
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    java.io.PrintStream before = System.err;
    int exit;
    try {
      System.setErr(new java.io.PrintStream(errors, true, java.nio.charset.StandardCharsets.UTF_8));
      exit =
          new picocli.CommandLine(new QualityHarness())
              .execute("--preset", "embedded,theatre", "--out", results.toString());
    } finally {
      System.setErr(before);
    }

    assertThat(exit).isEqualTo(2);
    assertThat(errors.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("--preset: unknown preset 'theatre': use theater, global, xl or embedded");
    assertThat(results).doesNotExist();
  }

  private static GeneratorConfig config(long seed) {
    return GeneratorConfig.ofPartners(4, seed);
  }
}
