package org.scplan.optimizer.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.MoneyChange;
import org.scplan.whatif.PlanDiff;
import org.scplan.whatif.RiskChange;
import org.scplan.whatif.ScenarioChange;
import org.scplan.whatif.ScenarioDelta;

/** What-if on the embedded theater: a 20 % cut to Section 333, solved with CP-SAT. */
class WhatIfTest {
  private static final Scenario THEATER = NotionalTheater.scenario();
  private static final ScenarioDelta CUT =
      new ScenarioDelta(
          "cut-333",
          "20 % cut to Section 333",
          List.of(new ScenarioChange.ScaleAppropriation("prog-333", null, 0.8)));

  private static Allocator allocator;
  private static WhatIf.Result result;

  @BeforeAll
  static void runOnce() {
    allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofSeconds(120))
                .deterministicTimeLimit(0.5)
                .workers(1)
                .seed(3)
                .build());
    result = WhatIf.run(allocator, THEATER, CUT);
  }

  @Test
  void twentyPercentCut_diffReconcilesExactlyWithTheTwoPlans() {
    PlanDiff diff = result.diff();
    var before = result.basePlan();
    var after = result.changedPlan();
    assertThat(PlanChecker.check(THEATER, before)).isEmpty();
    assertThat(PlanChecker.check(result.applied().scenario(), after)).isEmpty();

    // Money: to the dollar, in total and per program and FY.
    assertThat(diff.obligatedChange())
        .isEqualTo(after.totals().totalObligated() - before.totals().totalObligated());
    assertThat(diff.obligatedChangeByProgramSum()).isEqualTo(diff.obligatedChange());
    assertThat(diff.lapsedChange())
        .isEqualTo(after.totals().totalLapsed() - before.totals().totalLapsed());
    for (MoneyChange money : diff.moneyByProgramAndFiscalYear()) {
      assertThat(money.after() - money.before())
          .isEqualTo(
              obligations(after, money.programId(), money.fiscalYear())
                  - obligations(before, money.programId(), money.fiscalYear()));
    }
    // Risk: the total change is B − A exactly; the breakdowns by partner and by combatant command
    // sum to it up to the doubles' own rounding, and agree to the point (and to the hundredth).
    assertThat(diff.riskReducedChange()).isEqualTo(after.riskReduced() - before.riskReduced());
    double expected = after.riskReduced() - before.riskReduced();
    assertThat(diff.riskReducedChangeByPartnerSum()).isCloseTo(expected, within(1e-9));
    assertThat(diff.riskByCombatantCommand().stream().mapToDouble(RiskChange::change).sum())
        .isCloseTo(expected, within(1e-9));
    assertThat(Math.round(diff.riskReducedChangeByPartnerSum() * 100))
        .isEqualTo(Math.round(expected * 100));
    // The cut is real: less 333 money, and the plan changes.
    assertThat(obligationsOf(after, "prog-333"))
        .isLessThanOrEqualTo(appropriated(result.applied().scenario(), "prog-333"));
    assertThat(appropriated(result.applied().scenario(), "prog-333"))
        .isLessThanOrEqualTo(Math.round(appropriated(THEATER, "prog-333") * 0.8));
    assertThat(diff.changes()).isNotEmpty();
  }

  @Test
  void twentyPercentCut_differenceCarriesItsIntervalAndCountsMovesOffTheCutMoney() {
    var difference = result.difference();
    double base = result.basePlan().solver().objective();
    double changed = result.changedPlan().solver().objective();
    assertThat(difference.change()).isEqualTo(changed - base);
    assertThat(difference.lower()).isLessThanOrEqualTo(difference.change());
    assertThat(difference.upper()).isGreaterThanOrEqualTo(difference.change());
    // Less money cannot retire more risk once the plans are shared; the cut money that no longer
    // lapses is all the net objective could gain.
    long cut =
        appropriated(THEATER, "prog-333") - appropriated(result.applied().scenario(), "prog-333");
    assertThat(difference.change())
        .isLessThanOrEqualTo(THEATER.policy().lapsePenaltyPointsPerMillion() * cut / 1e6 + 1e-6);
    assertThat(difference.verdict()).isNotEqualTo(org.scplan.whatif.Difference.Verdict.INCREASE);
    assertThat(result.solves()).isBetween(2, WhatIf.MAXIMUM_SOLVES);
    // Only Section 333 changed: a move counts when neither side of it draws on 333 money.
    long offCut =
        result.diff().changes().stream()
            .filter(
                c ->
                    c.kind() != org.scplan.whatif.FundingChange.Kind.ADDED
                        && c.kind() != org.scplan.whatif.FundingChange.Kind.CUT)
            .filter(
                c ->
                    !result
                            .basePlan()
                            .funded(c.optionId())
                            .orElseThrow()
                            .programId()
                            .equals("prog-333")
                        && !result
                            .changedPlan()
                            .funded(c.optionId())
                            .orElseThrow()
                            .programId()
                            .equals("prog-333"))
            .count();
    assertThat(result.movesOffChangedMoney()).isEqualTo(offCut);
  }

  @Test
  void json_readBack_givesTheJavaResultsFieldsAndTheSettingsUsed() throws Exception {
    JsonNode json = new ObjectMapper().readTree(WhatIfJson.write(result));

    var difference = result.difference();
    JsonNode change = json.get("difference");
    assertThat(json.get("formatVersion").asInt()).isEqualTo(WhatIfJson.FORMAT_VERSION);
    assertThat(change.get("base").asDouble()).isEqualTo(difference.base());
    assertThat(change.get("changed").asDouble()).isEqualTo(difference.changed());
    assertThat(change.get("lower").asDouble()).isEqualTo(difference.lower());
    assertThat(change.get("upper").asDouble()).isEqualTo(difference.upper());
    assertThat(change.get("change").asDouble()).isEqualTo(difference.change());
    assertThat(change.get("verdict").asText()).isEqualTo(difference.verdict().name());
    assertThat(change.get("words").asText()).isEqualTo(difference.words());
    assertThat(json.get("baseBound").asDouble()).isEqualTo(result.basePlan().solver().bestBound());
    assertThat(json.get("changedBound").asDouble())
        .isEqualTo(result.changedPlan().solver().bestBound());
    assertThat(json.get("movedOrReprogrammed").asInt()).isEqualTo(result.movedOrReprogrammed());
    assertThat(json.get("movesOffChangedMoney").asInt()).isEqualTo(result.movesOffChangedMoney());
    assertThat(json.get("solves").asInt()).isEqualTo(result.solves());
    JsonNode solver = json.get("solver");
    assertThat(solver.get("deterministicTimeLimit").asDouble()).isEqualTo(0.5);
    assertThat(solver.get("workers").asInt()).isEqualTo(1);
    assertThat(solver.get("seed").asLong()).isEqualTo(3);
    assertThat(solver.get("timeLimitSeconds").asDouble()).isEqualTo(120.0);
    assertThat(result.solver()).isEqualTo(allocator.config().solver());
    // Every move or re-programming is one of the diff's changes, and those off the cut money are
    // among them.
    assertThat(result.movedOrReprogrammed())
        .isGreaterThanOrEqualTo(result.movesOffChangedMoney())
        .isLessThanOrEqualTo(result.diff().changes().size());
  }

  @Test
  void sameSeedOneWorkerDeterministicLimit_givesIdenticalOutput() {
    WhatIf.Result again = WhatIf.run(allocator, THEATER, CUT);

    assertThat(PlanJson.write(again.basePlan().withoutTimings()))
        .isEqualTo(PlanJson.write(result.basePlan().withoutTimings()));
    assertThat(PlanJson.write(again.changedPlan().withoutTimings()))
        .isEqualTo(PlanJson.write(result.changedPlan().withoutTimings()));
    assertThat(again.diff()).isEqualTo(result.diff());
    assertThat(again.difference()).isEqualTo(result.difference());
  }

  private static long obligations(org.scplan.plan.Plan plan, String programId, int fiscalYear) {
    return plan.totals()
        .obligationsByProgramAndFiscalYear()
        .getOrDefault(programId, Map.of())
        .getOrDefault(fiscalYear, 0L);
  }

  private static long obligationsOf(org.scplan.plan.Plan plan, String programId) {
    return plan.totals().obligationsByProgram().getOrDefault(programId, 0L);
  }

  private static long appropriated(Scenario scenario, String programId) {
    long total = 0;
    for (Program program : scenario.programs()) {
      if (program.id().equals(programId)) {
        for (Appropriation appropriation : program.appropriations()) {
          total += appropriation.amount();
        }
      }
    }
    return total;
  }
}
