package org.scplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.json.PlanJson;
import org.scplan.plan.Plan;

/** {@code whatif}, {@code diff}, {@code curve} and re-planning with {@code solve --previous}. */
class WhatIfCommandsTest {
  private static final String[] FAST = {
    "--workers",
    "1",
    "--seed",
    "1",
    "--deterministic-limit",
    "0.2",
    "--time-limit",
    "60s",
    "--quiet"
  };

  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String[] first, String... rest) {
    String[] args = new String[first.length + rest.length];
    System.arraycopy(first, 0, args, 0, first.length);
    System.arraycopy(rest, 0, args, first.length, rest.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ScplanCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path delta(String changes) throws Exception {
    Path file = directory.resolve("delta.json");
    Files.writeString(
        file,
        "{\"formatVersion\": 1, \"id\": \"cut-333\", \"description\": \"20 % cut to 333\","
            + " \"changes\": ["
            + changes
            + "]}");
    return file;
  }

  @Test
  void whatif_deltaWithUnknownIds_exitsOneListingEachLocatedProblem() throws Exception {
    Path delta =
        delta(
            "{\"type\": \"scaleAppropriation\", \"programId\": \"prog-33\", \"factor\": 0.8},"
                + " {\"type\": \"removePartner\", \"partnerId\": \"p-nowhere\"}");

    Run run = run(new String[] {"whatif", "-", delta.toString()}, FAST);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            delta + " $.changes[0] (scaleAppropriation), programId: unknown program 'prog-33'")
        .contains(delta + " $.changes[1] (removePartner), partnerId: unknown partner 'p-nowhere'");
  }

  @Test
  void whatif_twentyPercentCut_printsTheDiff_reproducibly_andDiffOfTheFilesAgrees()
      throws Exception {
    Path delta =
        delta("{\"type\": \"scaleAppropriation\", \"programId\": \"prog-333\", \"factor\": 0.8}");
    Path base = directory.resolve("base.json");
    Path changed = directory.resolve("changed.json");

    Run first =
        run(
            new String[] {"whatif", "-", delta.toString(), "--no-timings"},
            concat(FAST, "--out", changed.toString(), "--base-out", base.toString()));
    String changedBytes = Files.readString(changed);
    Run second =
        run(
            new String[] {"whatif", "-", delta.toString(), "--no-timings"},
            concat(FAST, "--out", changed.toString()));

    assertThat(first.exitCode()).isZero();
    assertThat(second.out())
        .isEqualTo(first.out().replace("Base plan written to " + base + "\n", ""));
    assertThat(Files.readString(changed)).isEqualTo(changedBytes);
    Plan before = PlanJson.read(base);
    Plan after = PlanJson.read(changed);
    assertThat(first.out())
        .contains("Plan diff")
        .contains("Risk reduced by combatant command")
        .contains(
            String.format(
                java.util.Locale.ROOT, "(%+,.2f)", after.riskReduced() - before.riskReduced()))
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "(%+,d)",
                after.totals().totalObligated() - before.totals().totalObligated()));

    Run diff = run(new String[] {"diff", base.toString(), changed.toString(), "--theater"});
    assertThat(diff.exitCode()).isZero();
    // The first line says which plan is which, in each command's own terms; the rest agrees.
    assertThat(first.out())
        .startsWith(
            "Plan diff: base plan (scenario notional-theater) -> plan changed by "
                + delta.getFileName()
                + " (scenario notional-theater)\n");
    assertThat(diff.out())
        .startsWith(
            "Plan diff: "
                + base
                + " (scenario notional-theater) -> "
                + changed
                + " (scenario notional-theater)\n");
    String diffBody = diff.out().substring(diff.out().indexOf('\n') + 1);
    String whatIfBody = first.out().substring(first.out().indexOf('\n') + 1);
    assertThat(diffBody).isEqualTo(whatIfBody.substring(0, diffBody.length()));
  }

  @Test
  void whatif_jsonOut_writesTheComparisonItPrints_withTheLimitUsed() throws Exception {
    Path delta =
        delta("{\"type\": \"scaleAppropriation\", \"programId\": \"prog-333\", \"factor\": 0.8}");
    Path comparison = directory.resolve("comparison.json");

    Run run =
        run(
            new String[] {"whatif", "-", delta.toString()},
            concat(FAST, "--json-out", comparison.toString()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(comparison.toFile());
    JsonNode difference = json.get("difference");
    assertThat(run.out())
        .contains(
            String.format(
                Locale.ROOT,
                "Net objective       %,.2f -> %,.2f points (%+,.2f)",
                difference.get("base").asDouble(),
                difference.get("changed").asDouble(),
                difference.get("change").asDouble()))
        .contains(": " + difference.get("words").asText() + "\n")
        .contains(
            "Moved or re-programmed options drawing on no changed appropriation: "
                + json.get("movesOffChangedMoney").asInt())
        .contains(json.get("solves").asInt() + " solves from shared plans")
        .contains("deterministic limit 0.2 units per solve")
        .contains("Comparison written to " + comparison);
    assertThat(difference.get("verdict").asText())
        .isIn("DECREASE", "INCREASE", "NO_CHANGE", "WITHIN_UNCERTAINTY");
    assertThat(json.get("solver").get("deterministicTimeLimit").asDouble()).isEqualTo(0.2);
    assertThat(json.get("solver").get("seed").asLong()).isEqualTo(1);
    assertThat(json.get("movedOrReprogrammed").asInt())
        .isGreaterThanOrEqualTo(json.get("movesOffChangedMoney").asInt());
  }

  @Test
  void curve_jsonOut_givesEveryPointItsGapAndFlag() throws Exception {
    Path file = directory.resolve("curve.json");

    Run run =
        run(
            new String[] {"curve", "--from", "0.9", "--to", "1.0", "--step", "0.1"},
            concat(FAST, "--out", file.toString()));

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode points = new ObjectMapper().readTree(file.toFile()).get("points");
    assertThat(points).hasSize(2);
    for (JsonNode point : points) {
      assertThat(point.has("multiplier")).isTrue();
      assertThat(point.get("objective").isNumber()).isTrue();
      assertThat(point.get("bestBound").isNumber()).isTrue();
      assertThat(point.get("relativeGap").isNumber()).isTrue();
      assertThat(point.get("gapExceedsStep").isBoolean()).isTrue();
    }
    assertThat(run.out()).contains("Solved with a deterministic limit 0.2 units per solve");
  }

  @Test
  void curve_oneMultiplier_printsTheTable_andWritesCsv() throws Exception {
    Path csv = directory.resolve("curve.csv");

    Run run =
        run(new String[] {"curve", "--from", "1.0", "--to", "1.0", "--out", csv.toString()}, FAST);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("multiplier").contains("risk reduced").contains("1.00");
    assertThat(Files.readAllLines(csv))
        .hasSize(2)
        .first()
        .isEqualTo(
            "multiplier,appropriated,riskReduced,riskReducedShare,obligated,lapsed,fundedOptions,status,relativeGap,objective,bestBound,gapExceedsStep");
  }

  @Test
  void curve_badRange_isAUsageError() {
    Run run = run(new String[] {"curve", "--from", "1.5", "--to", "0.5"});

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("from 1.5, to 0.5");
  }

  @Test
  void solve_previousPlan_replansAndReportsChurn() throws Exception {
    Path previous = directory.resolve("previous.json");
    assertThat(run(new String[] {"solve", "--out", previous.toString()}, FAST).exitCode()).isZero();

    Run run =
        run(
            new String[] {
              "solve",
              "--previous",
              previous.toString(),
              "--current-fy",
              "2029",
              "--stability-penalty",
              "2"
            },
            FAST);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Re-planning in FY2029 (stability penalty 2.00 points per changed option)")
        .contains("obligated (locked)");
  }

  @Test
  void solve_previousWithoutCurrentYear_isAUsageError() {
    Run run = run(new String[] {"solve", "--previous", "plan.json"});

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--previous and --current-fy go together");
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = new String[first.length + rest.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }
}
