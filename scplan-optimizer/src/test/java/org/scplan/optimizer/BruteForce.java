package org.scplan.optimizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.SolverStatistics;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.valuation.Candidate;
import org.scplan.valuation.Valuation;

/**
 * Exhaustive allocation for tiny scenarios, written independently of the CP-SAT model: every
 * assignment of each option to "unfunded" or one of its candidates is assembled into a plan, the
 * independent {@link PlanChecker} decides whether it keeps every rule, and the best exact net
 * objective wins. Only exclusion groups are pruned early, which cannot lose a feasible plan.
 */
final class BruteForce {
  /**
   * Best exact net objective (points) and how many assignments were checked; objective null if none
   * is feasible.
   */
  record Result(Double bestObjective, Plan bestPlan, long assignmentsChecked) {}

  private final Scenario scenario;
  private final Valuation valuation;
  private final List<SolutionOption> options;
  private final List<List<Candidate>> candidates = new ArrayList<>();
  private final FundingDecision[] current;
  private final Map<String, Integer> groupUse = new HashMap<>();
  private Double best;
  private Plan bestPlan;
  private long checked;

  private BruteForce(Scenario scenario) {
    this.scenario = scenario;
    this.valuation = Valuation.of(scenario);
    this.options = scenario.options();
    for (SolutionOption option : options) {
      candidates.add(valuation.candidates(option.id()));
    }
    this.current = new FundingDecision[options.size()];
  }

  static Result solve(Scenario scenario) {
    BruteForce search = new BruteForce(scenario);
    search.visit(0);
    return new Result(search.best, search.bestPlan, search.checked);
  }

  private void visit(int index) {
    if (index == options.size()) {
      evaluate();
      return;
    }
    current[index] = null;
    visit(index + 1);
    String group = options.get(index).exclusionGroup();
    if (group != null && groupUse.getOrDefault(group, 0) > 0) {
      return;
    }
    for (Candidate candidate : candidates.get(index)) {
      current[index] =
          new FundingDecision(
              candidate.optionId(), candidate.programId(), candidate.startFiscalYear());
      if (group != null) {
        groupUse.merge(group, 1, Integer::sum);
      }
      visit(index + 1);
      if (group != null) {
        groupUse.merge(group, -1, Integer::sum);
      }
    }
    current[index] = null;
  }

  private void evaluate() {
    checked++;
    List<FundingDecision> decisions = new ArrayList<>();
    for (FundingDecision decision : current) {
      if (decision != null) {
        decisions.add(decision);
      }
    }
    Plan plan =
        PlanAssembler.assemble(
            valuation,
            decisions,
            PlanStatus.FEASIBLE,
            new SolverStatistics("brute-force", null, null, null, 0, null, 1, 0, 0, 0, null, ""),
            "");
    if (!PlanChecker.check(scenario, plan).isEmpty()) {
      return;
    }
    double objective =
        plan.riskReduced()
            - scenario.policy().lapsePenaltyPointsPerMillion()
                * plan.totals().totalLapsed()
                / 1_000_000.0;
    if (best == null || objective > best) {
      best = objective;
      bestPlan = plan;
    }
  }
}
