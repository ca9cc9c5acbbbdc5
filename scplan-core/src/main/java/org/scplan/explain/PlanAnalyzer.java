package org.scplan.explain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.scplan.plan.FundedOption;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.PlanViolation;
import org.scplan.plan.SolverStatistics;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.Messages;
import org.scplan.validation.ScenarioValidator;
import org.scplan.valuation.Valuation;

/**
 * Scores and checks a plan that may have been edited by hand (Timefold's {@code analyze}): every
 * violated rule, and the plan's risk reduced and money use recomputed from its funding decisions.
 * Stateless and thread-safe; needs no solver.
 *
 * <pre>{@code
 * PlanAnalysis analysis = PlanAnalyzer.analyze(scenario, PlanJson.read(Path.of("edited.json")));
 * analysis.violations().forEach(System.out::println);
 * System.out.println(analysis.words());
 * }</pre>
 */
public final class PlanAnalyzer {
  private PlanAnalyzer() {}

  /**
   * Checks {@code plan} against {@code scenario} and scores its funding decisions. Decisions that
   * name an unknown option or program, or repeat an option, are reported as violations and left out
   * of the score.
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario itself is invalid
   */
  public static PlanAnalysis analyze(Scenario scenario, Plan plan) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(plan, "plan");
    ScenarioValidator.validate(scenario);
    List<PlanViolation> violations = PlanChecker.check(scenario, plan);
    Set<String> optionIds = new HashSet<>();
    scenario.options().stream().map(SolutionOption::id).forEach(optionIds::add);
    Set<String> programIds = new HashSet<>();
    scenario.programs().stream().map(Program::id).forEach(programIds::add);
    Set<String> seen = new HashSet<>();
    List<FundingDecision> decisions = new ArrayList<>();
    for (FundedOption funded : plan.fundedOptions()) {
      if (funded.optionId() != null
          && optionIds.contains(funded.optionId())
          && funded.programId() != null
          && programIds.contains(funded.programId())
          && seen.add(funded.optionId())) {
        decisions.add(
            new FundingDecision(funded.optionId(), funded.programId(), funded.startFiscalYear()));
      }
    }
    Plan scored =
        PlanAssembler.assemble(
            Valuation.of(scenario),
            decisions,
            PlanStatus.FEASIBLE,
            SolverStatistics.builder("analyze").build(),
            "");
    double net =
        scored.riskReduced()
            - scenario.policy().lapsePenaltyPointsPerMillion()
                * scored.totals().totalLapsed()
                / 1_000_000.0;
    String words =
        String.format(
                Locale.ROOT,
                "%d funded options retire %.3f of %.3f points (%.1f%%), obligating $%,d with $%,d lapsing; net objective %.3f points. ",
                decisions.size(),
                scored.riskReduced(),
                scored.totalWeightAtStake(),
                100 * scored.riskReducedShare(),
                scored.totals().totalObligated(),
                scored.totals().totalLapsed(),
                net)
            + verdict(violations);
    return new PlanAnalysis(
        scenario.id(),
        violations,
        decisions.size(),
        scored.riskReduced(),
        scored.totalWeightAtStake(),
        net,
        scored.totals().totalObligated(),
        scored.totals().totalLapsed(),
        scored.totals().obligationsByProgramAndFiscalYear(),
        words);
  }

  /**
   * Which violations are rule breaks by the funding decisions and which are stored figures (totals,
   * profiles, outcomes) left stale by a hand edit: the first need a decision changed, the second
   * only recomputing.
   */
  static String verdict(List<PlanViolation> violations) {
    if (violations.isEmpty()) {
      return "The plan keeps every rule.";
    }
    long stale = violations.stream().filter(PlanViolation::storedFigure).count();
    long breaks = violations.size() - stale;
    List<String> parts = new ArrayList<>();
    if (breaks > 0) {
      parts.add(
          Messages.count(breaks, "rule break")
              + " by the funding decisions (change a decision to fix "
              + (breaks == 1 ? "it" : "them")
              + ")");
    }
    if (stale > 0) {
      parts.add(
          Messages.count(stale, "stale stored figure")
              + " (totals, profiles or outcomes that disagree with the decisions: recompute "
              + (stale == 1 ? "it" : "them")
              + "; the figures above are recomputed)");
    }
    return "The plan has "
        + Messages.count(violations.size(), "violation")
        + ": "
        + String.join(" and ", parts)
        + ".";
  }
}
