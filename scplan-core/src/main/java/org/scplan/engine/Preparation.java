package org.scplan.engine;

import java.util.ArrayList;
import java.util.List;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.validation.ScenarioValidator;
import org.scplan.valuation.Valuation;

/**
 * The common first step of every allocator: validate the scenario (every problem at once), value
 * it, check that each locked decision is a funding candidate, and flatten it.
 */
public final class Preparation {
  private Preparation() {}

  /**
   * Every problem that stops {@code scenario} from being planned, in one list: the validator's, or,
   * when it finds none, each locked decision that cannot hold. {@code validate}, the CSV import and
   * every solve use this, so that they give one verdict on one input.
   */
  public static List<Problem> problems(Scenario scenario) {
    List<Problem> problems = ScenarioValidator.problems(scenario);
    return problems.isEmpty() ? lockProblems(Valuation.of(scenario)) : problems;
  }

  /**
   * Validates, values and flattens {@code scenario}.
   *
   * @throws ScenarioValidationException listing every problem, locked decisions included
   */
  public static AllocationInstance prepare(Scenario scenario) {
    ScenarioValidator.validate(scenario);
    Valuation valuation = Valuation.of(scenario);
    List<Problem> problems = lockProblems(valuation);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException("Scenario '" + scenario.id() + "'", problems);
    }
    return new AllocationInstance(valuation);
  }

  /** A problem for each locked decision that is not a funding candidate of its option. */
  private static List<Problem> lockProblems(Valuation valuation) {
    Scenario scenario = valuation.scenario();
    List<Problem> problems = new ArrayList<>();
    for (LockedDecision lock : scenario.lockedDecisions()) {
      if (valuation
          .candidate(lock.optionId(), lock.programId(), lock.startFiscalYear())
          .isEmpty()) {
        String why =
            valuation
                .exclusion(lock.optionId())
                .map(reason -> reason.detail())
                .orElse(
                    "program '"
                        + lock.programId()
                        + "' starting FY"
                        + lock.startFiscalYear()
                        + " is not among its funding candidates (eligibility, start window, planning lead time, money available, value).");
        problems.add(
            new Problem(
                "LockedDecision for option '" + lock.optionId() + "'",
                "programId",
                "the locked decision cannot hold: " + why,
                "check the option's programs and start window, or unlock it."));
      }
    }
    return problems;
  }
}
