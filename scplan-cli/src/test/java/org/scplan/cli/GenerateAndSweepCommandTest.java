package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Scenario;
import org.scplan.validation.ScenarioValidator;

/** {@code scplan generate} and {@code scplan sweep} as a researcher uses them. */
class GenerateAndSweepCommandTest {
  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ScplanCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void generate_partners_writesTheSameValidScenarioForTheSameSeed() throws Exception {
    Path first = directory.resolve("a.json");
    Path second = directory.resolve("b.json");

    Run run =
        run(
            "generate",
            "--partners",
            "4",
            "--seed",
            "3",
            "--tightness",
            "0.5",
            "--out",
            first.toString());
    run(
        "generate",
        "--partners",
        "4",
        "--seed",
        "3",
        "--tightness",
        "0.5",
        "--out",
        second.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Wrote " + first).contains("4 partners");
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    Scenario scenario = ScenarioJson.read(first);
    assertThat(ScenarioValidator.problems(scenario)).isEmpty();
  }

  @Test
  void generate_needsExactlyOneOfPresetAndPartners() {
    Path out = directory.resolve("x.json");
    assertThat(run("generate", "--out", out.toString()).exitCode()).isEqualTo(2);
    assertThat(
            run("generate", "--preset", "theater", "--partners", "3", "--out", out.toString())
                .exitCode())
        .isEqualTo(2);
    Run unknown = run("generate", "--preset", "planet", "--out", out.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("planet");
    assertThat(out).doesNotExist();
  }

  @Test
  void sweep_writesRunsOptionsAndSummaryWithProgress() throws Exception {
    Path scenario = directory.resolve("s.json");
    run("generate", "--partners", "2", "--seed", "5", "--out", scenario.toString());
    Path results = directory.resolve("sweep");

    Run run =
        run(
            "sweep",
            scenario.toString(),
            "--runs",
            "3",
            "--threads",
            "2",
            "--seed",
            "7",
            "--deterministic-limit",
            "0.2",
            "--noise-runs",
            "2",
            "--out",
            results.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("3 runs in")
        .contains("runs/s")
        .contains("Risk reduced: mean")
        .contains("Noise floor (2 solves of the base from its plan, solver seeds 7-8)")
        .contains("Base plan, every run's start: ");
    assertThat(run.err()).contains("3/3 runs");
    assertThat(Files.readAllLines(results.resolve("runs.csv"))).hasSize(4);
    assertThat(results.resolve("options.csv")).exists();
    JsonNode summary = new ObjectMapper().readTree(results.resolve("summary.json").toFile());
    JsonNode noise = summary.get("noiseFloor");
    assertThat(noise.get("count").asInt()).isEqualTo(2);
    assertThat(noise.get("start").asText()).isEqualTo("BASE_PLAN");
    assertThat(run.out())
        .contains(
            String.format(
                Locale.ROOT, "%d of 2 ended on the base plan", noise.get("runsOnBasePlan").asInt()))
        .contains(
            String.format(
                Locale.ROOT,
                "every run's start: %.2f points",
                summary.get("basePlan").get("riskReduced").asDouble()));
    assertThat(run.out())
        .contains(
            String.format(
                Locale.ROOT,
                "mean %.2f, sd %.2f points",
                noise.get("mean").asDouble(),
                noise.get("standardDeviation").asDouble()))
        .contains("Solved with a deterministic limit 0.2 units per solve")
        .contains("1 worker, seed 7");
    assertThat(summary.get("riskReduced").get("count").asInt()).isEqualTo(3);
    assertThat(noise.get("coefficientOfVariation").asDouble()).isBetween(0.0, 1.0);
    JsonNode metadata = summary.get("metadata");
    assertThat(metadata.get("deterministicTimeLimit").asDouble()).isEqualTo(0.2);
    assertThat(metadata.get("solverSeed").asLong()).isEqualTo(7);
    assertThat(metadata.get("workersPerRun").asInt()).isEqualTo(1);
    assertThat(summary.get("seed").asLong()).isEqualTo(7);
  }

  @Test
  void sweep_withAnUncertaintyFile_drawsOnlyItsInputs_andRecordsItInTheSummary() throws Exception {
    Path scenario = directory.resolve("s.json");
    run("generate", "--partners", "2", "--seed", "5", "--out", scenario.toString());
    Path uncertainty = directory.resolve("u.json");
    Files.writeString(
        uncertainty,
        """
        {"formatVersion": 1,
         "costOverrun": {"distribution": "off"},
         "riskScore": {"distribution": "off"},
         "propensity": {"distribution": "off"},
         "appropriationCut": {"distribution": "off"}}
        """);
    Path results = directory.resolve("sweep");

    Run run =
        run(
            "sweep",
            scenario.toString(),
            "--runs",
            "3",
            "--threads",
            "1",
            "--deterministic-limit",
            "0.2",
            "--uncertainty",
            uncertainty.toString(),
            "--quiet",
            "--out",
            results.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    // Nothing uncertain: every run solves the base scenario, with the same seed, to the same value.
    assertThat(Files.readString(results.resolve("summary.json")))
        .contains("\"uncertainty\"", "\"off\"", "\"orToolsVersion\"", "\"deterministicTimeLimit\"");
    List<String> rows = Files.readAllLines(results.resolve("runs.csv"));
    assertThat(rows).hasSize(4);
    assertThat(rows.subList(1, 4).stream().map(row -> row.split(",")[2]).distinct()).hasSize(1);
  }

  @Test
  void sweep_withABadUncertaintyFile_reportsEveryProblemLocated_andWritesNothing()
      throws Exception {
    Path uncertainty = directory.resolve("u.json");
    Files.writeString(
        uncertainty,
        """
        {"formatVersion": 1,
         "costOverrun": {"distribution": "logNormal", "median": 0, "logSd": 0.1},
         "riskScore": {"distribution": "off"},
         "propensity": {"distribution": "normal", "mean": 0, "sd": 0.05}}
        """);
    Path results = directory.resolve("sweep");

    Run run =
        run("sweep", "--runs", "2", "--uncertainty", uncertainty.toString(), "--out", "" + results);

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .contains("u.json $.costOverrun (logNormal)", "median", "appropriationCut");
    assertThat(results).doesNotExist();
  }
}
