package org.scplan.benchmarks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.Preparation;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.CpSatSolve;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;

/**
 * The translation is faithful: on random tiny scenarios SCIP proves the optimum CP-SAT proves (or
 * agrees there is no plan), and GLOP's LP relaxation is never below it.
 */
class MipEnginesTest {

  @ParameterizedTest(name = "seeds {0}..{0}+9")
  @ValueSource(longs = {1, 11, 21})
  void scipProvesCpSatsOptimum_andTheLpBoundsIt(long firstSeed) {
    NativeLibraries.ensureLoaded();
    int plans = 0;
    for (long seed = firstSeed; seed < firstSeed + 10; seed++) {
      Scenario scenario = RandomScenarios.tiny(seed);
      AllocationInstance instance = Preparation.prepare(scenario);
      CpSatModel model = new CpSatModel(instance);
      CpSatSolve.Outcome cpSat = CpSatSolve.solve(model, 3_600, 1, 0, 0.0, 60.0, event -> {});
      MipEngines.Outcome scip = MipEngines.solve(model, "SCIP", 60, false);
      MipEngines.Outcome lp = MipEngines.solve(model, "GLOP", 60, false);
      if (cpSat.status() == PlanStatus.INFEASIBLE) {
        assertThat(scip.status()).as("seed %d", seed).isEqualTo("INFEASIBLE");
        continue;
      }
      assertThat(cpSat.status()).as("seed %d", seed).isEqualTo(PlanStatus.OPTIMAL);
      assertThat(scip.status()).as("seed %d", seed).isEqualTo("OPTIMAL");
      assertThat(scip.plan()).as("seed %d", seed).isCloseTo(cpSat.objective(), within(1e-4));
      assertThat(lp.bound()).as("seed %d", seed).isGreaterThanOrEqualTo(cpSat.objective() - 1e-6);
      plans++;
    }
    assertThat(plans).as("scenarios with a plan among ten").isPositive();
  }
}
