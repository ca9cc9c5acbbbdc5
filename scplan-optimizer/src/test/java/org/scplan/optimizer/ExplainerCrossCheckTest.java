package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.explain.Counterfactual;
import org.scplan.explain.MarginalValue;
import org.scplan.explain.PlanExplanation;
import org.scplan.optimizer.explain.Explainer;
import org.scplan.optimizer.explain.ExplainerConfig;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;
import org.scplan.valuation.Candidate;
import org.scplan.valuation.Valuation;

/**
 * Marginal values and counterfactuals against exhaustive enumeration on tiny scenarios, where the
 * optimizer is exact: the marginal value of each program-FY equals the difference of the two
 * exhaustive optima (with and without the step), and each counterfactual's loss equals the base
 * optimum minus the best exhaustive plan that funds the option (found by locking each of its
 * candidates in turn).
 */
class ExplainerCrossCheckTest {
  /** Values are rounded to 1e-5 points per option in the model; two solves, 8 options each. */
  private static final double TOLERANCE = 4e-4;

  private static final long STEP = 1_000_000L;

  private static final Explainer EXPLAINER =
      Explainer.create(
          ExplainerConfig.builder()
              .stepDollars(STEP)
              .counterfactuals(8)
              .deterministicTimeLimit(20.0)
              .allocator(
                  AllocatorConfig.builder()
                      .workers(1)
                      .timeLimit(Duration.ofSeconds(120))
                      .deterministicTimeLimit(20.0)
                      .build())
              .build());

  @Test
  void explain_tinyScenarios_marginalValuesAndCounterfactualsMatchExhaustiveEnumeration() {
    int pairs = 0;
    int counterfactuals = 0;
    int withGain = 0;
    for (long seed = 1;
        seed <= 100 && (pairs < 30 || counterfactuals < 20 || withGain < 10);
        seed++) {
      Scenario scenario = RandomScenarios.tiny(seed);
      BruteForce.Result base = BruteForce.solve(scenario);
      if (base.bestObjective() == null) {
        continue;
      }
      Plan plan =
          Allocator.create(EXPLAINER.config().allocator()).allocate(scenario).withoutTimings();
      assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
      PlanExplanation explanation = EXPLAINER.explain(scenario, plan);
      for (MarginalValue value : explanation.marginalValues()) {
        BruteForce.Result raised =
            BruteForce.solve(raise(scenario, value.programId(), value.fiscalYear(), STEP));
        assertThat(value.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(value.objectiveGain())
            .as("seed %d, %s FY%d", seed, value.programId(), value.fiscalYear())
            .isCloseTo(
                raised.bestObjective() - base.bestObjective(),
                org.assertj.core.data.Offset.offset(TOLERANCE));
        pairs++;
        withGain += value.riskReducedGain() > 1e-6 ? 1 : 0;
      }
      for (Counterfactual counterfactual : explanation.counterfactuals()) {
        Double forced = null;
        for (Candidate candidate : Valuation.of(scenario).candidates(counterfactual.optionId())) {
          Scenario locked =
              scenario.toBuilder()
                  .lockedDecision(
                      new LockedDecision(
                          candidate.optionId(),
                          candidate.programId(),
                          candidate.startFiscalYear(),
                          "counterfactual"))
                  .build();
          Double best = BruteForce.solve(locked).bestObjective();
          if (best != null && (forced == null || best > forced)) {
            forced = best;
          }
        }
        if (forced == null) {
          assertThat(counterfactual.status()).isEqualTo(PlanStatus.INFEASIBLE);
        } else {
          assertThat(counterfactual.objectiveLoss())
              .as("seed %d, forcing %s", seed, counterfactual.optionId())
              .isCloseTo(
                  Math.max(0, base.bestObjective() - forced),
                  org.assertj.core.data.Offset.offset(TOLERANCE));
        }
        counterfactuals++;
      }
    }
    assertThat(pairs).isGreaterThanOrEqualTo(20);
    assertThat(counterfactuals).isGreaterThanOrEqualTo(20);
    System.out.printf(
        "Explainer cross-check: %d program-FY marginal values (%d with a gain) and %d counterfactuals equal exhaustive enumeration%n",
        pairs, withGain, counterfactuals);
  }

  /** Independent of the explainer's own: the first appropriation of that FY raised by dollars. */
  private static Scenario raise(Scenario scenario, String programId, int year, long dollars) {
    List<Program> programs = new ArrayList<>();
    for (Program p : scenario.programs()) {
      if (!p.id().equals(programId)) {
        programs.add(p);
        continue;
      }
      List<Appropriation> lines = new ArrayList<>(p.appropriations());
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).fiscalYear() == year) {
          Appropriation line = lines.get(i);
          lines.set(i, new Appropriation(year, line.amount() + dollars, line.yearsAvailable()));
          break;
        }
      }
      programs.add(p.toBuilder().appropriations(lines).build());
    }
    return scenario.toBuilder().programs(programs).build();
  }
}
