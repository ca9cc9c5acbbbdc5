package org.scplan.plan;

import java.util.List;
import java.util.Optional;
import org.scplan.support.Copies;

/**
 * An allocation of program money to solution options over the horizon, with everything needed to
 * justify it: every option of the scenario appears once, funded or unfunded with a reason.
 *
 * @param scenarioId the scenario planned
 * @param status what is known about the plan's quality
 * @param totalWeightAtStake sum of all gaps' weights, in weighted risk points
 * @param riskReduced points the plan retires (sum of gap values); the headline figure
 * @param fundedOptions funded options, sorted by option id
 * @param unfundedOptions unfunded options with reasons, sorted by option id
 * @param gaps outcome per gap, sorted by gap id
 * @param appropriations use of every appropriation, sorted by program id then FY
 * @param totals totals by partner, SCO, program and FY
 * @param solver how the plan was found
 */
public record Plan(
    String scenarioId,
    PlanStatus status,
    double totalWeightAtStake,
    double riskReduced,
    List<FundedOption> fundedOptions,
    List<UnfundedOption> unfundedOptions,
    List<GapOutcome> gaps,
    List<AppropriationUse> appropriations,
    PlanTotals totals,
    SolverStatistics solver) {

  /** Version of the JSON format written and read by this release. */
  public static final int FORMAT_VERSION = 1;

  public Plan {
    Copies.required(scenarioId, "Plan", "scenarioId");
    Copies.required(status, "Plan", "status");
    Copies.required(totals, "Plan", "totals");
    Copies.required(solver, "Plan", "solver");
    fundedOptions = Copies.list(fundedOptions);
    unfundedOptions = Copies.list(unfundedOptions);
    gaps = Copies.list(gaps);
    appropriations = Copies.list(appropriations);
  }

  /** Share of the weighted risk at stake that the plan retires, 0–1. */
  public double riskReducedShare() {
    return totalWeightAtStake <= 0 ? 0.0 : riskReduced / totalWeightAtStake;
  }

  /** The funded option with this id, if funded. */
  public Optional<FundedOption> funded(String optionId) {
    return fundedOptions.stream().filter(f -> f.optionId().equals(optionId)).findFirst();
  }

  /** The unfunded entry of this option, if unfunded. */
  public Optional<UnfundedOption> unfunded(String optionId) {
    return unfundedOptions.stream().filter(u -> u.optionId().equals(optionId)).findFirst();
  }

  /** A copy with the solver's wall times zeroed: equal for identical deterministic runs. */
  public Plan withoutTimings() {
    return withStatistics(solver.withoutTimings());
  }

  /** The same plan with other solver statistics. */
  public Plan withStatistics(SolverStatistics statistics) {
    return new Plan(
        scenarioId,
        status,
        totalWeightAtStake,
        riskReduced,
        fundedOptions,
        unfundedOptions,
        gaps,
        appropriations,
        totals,
        statistics);
  }
}
