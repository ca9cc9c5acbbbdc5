package org.scplan.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.scplan.execution.ActivityExecution;
import org.scplan.execution.ExecutionLedger;
import org.scplan.execution.ExecutionRecord;
import org.scplan.execution.ExecutionStatus;
import org.scplan.execution.ExecutionValidator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.Copies;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.whatif.AppliedDelta;
import org.scplan.whatif.Churn;
import org.scplan.whatif.Removal;
import org.scplan.whatif.ReplanOutcome;
import org.scplan.whatif.Replanning;
import org.scplan.whatif.ScenarioChange;
import org.scplan.whatif.ScenarioDelta;

/**
 * Re-planning from execution (docs/MODEL.md §10): the plan that was executed, its execution record
 * through the FY before {@code currentFiscalYear}, and the stability penalty of {@link Replanning}.
 * The scenario is first made to agree with what happened: appropriations lose what the record
 * obligated from them; activities that obligated money are locked at their program and start with
 * no cost left in the past; delayed activities are re-timed; cancelled ones are removed, freeing
 * their remaining money; an option with lagging measures of performance has its closure scaled by
 * its {@link Assessment#effectiveness assessed effectiveness}. The result is then re-planned as
 * {@link Replanning} does, and every change is listed as an {@link Adjustment}. Immutable and
 * thread-safe.
 *
 * <p>The optimizer solves {@link Setup#scenario()} with {@link Setup#replanning()} ({@code
 * Allocator.replan}) and {@link #finish} joins the result; {@link #greedy} does both with the
 * greedy baseline.
 *
 * @param executed the plan that was executed
 * @param execution its execution record, through {@code currentFiscalYear − 1}
 * @param currentFiscalYear the FY of re-planning: the first FY the record does not cover
 * @param stabilityPenaltyPoints weighted risk points charged per planned option moved or dropped, ≥
 *     0, as in {@link Replanning}
 */
public record ExecutionReplanning(
    Plan executed,
    ExecutionRecord execution,
    int currentFiscalYear,
    double stabilityPenaltyPoints) {

  public ExecutionReplanning {
    Copies.required(executed, "ExecutionReplanning", "executed");
    Copies.required(execution, "ExecutionReplanning", "execution");
    if (!Double.isFinite(stabilityPenaltyPoints) || stabilityPenaltyPoints < 0) {
      throw new IllegalArgumentException(
          "stabilityPenaltyPoints must be a finite number ≥ 0, but was " + stabilityPenaltyPoints);
    }
  }

  /**
   * What to solve.
   *
   * @param assessment the assessment of the execution
   * @param scenario the scenario made to agree with the execution
   * @param replanning the re-planning of {@code scenario}: the executed plan's decisions as
   *     re-timed by the execution, cancelled and removed options left out
   * @param adjustments every change made, in order
   * @param removals options removed (cancelled, or delayed beyond the horizon), with the reason
   */
  public record Setup(
      Assessment assessment,
      Scenario scenario,
      Replanning replanning,
      List<Adjustment> adjustments,
      List<Removal> removals) {
    public Setup {
      Copies.required(assessment, "ExecutionReplanning.Setup", "assessment");
      Copies.required(scenario, "ExecutionReplanning.Setup", "scenario");
      Copies.required(replanning, "ExecutionReplanning.Setup", "replanning");
      adjustments = Copies.list(adjustments);
      removals = Copies.list(removals);
    }
  }

  /**
   * Makes {@code scenario} agree with the execution; the input is not modified.
   *
   * @throws ScenarioValidationException listing every problem at once: of the execution record
   *     ({@link ExecutionValidator}) and a current FY other than the one after the record's last
   */
  public Setup prepare(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    List<Problem> problems =
        new ArrayList<>(ExecutionValidator.problems(scenario, executed, execution));
    for (FundedOption funded : executed.fundedOptions()) {
      if (funded.startFiscalYear() < currentFiscalYear
          && scenario.options().stream().noneMatch(o -> o.id().equals(funded.optionId()))) {
        problems.add(
            new Problem(
                "executed plan, funded option '" + funded.optionId() + "'",
                "optionId",
                "the plan started it in FY"
                    + funded.startFiscalYear()
                    + " but the scenario no longer has it",
                "put the option back in the scenario: obligated money stays obligated"));
      }
    }
    if (currentFiscalYear != execution.throughFiscalYear() + 1) {
      problems.add(
          new Problem(
              "Re-planning from execution of scenario '" + scenario.id() + "'",
              "currentFiscalYear",
              "FY"
                  + currentFiscalYear
                  + " does not follow the execution record, which ends in FY"
                  + execution.throughFiscalYear(),
              "re-plan in FY"
                  + (execution.throughFiscalYear() + 1)
                  + ", or record the FYs between"));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(
          "Re-planning from execution of scenario '" + scenario.id() + "'", problems);
    }
    return new Preparation(scenario).run(Assessment.of(scenario, executed, execution));
  }

  /**
   * Joins the re-plan of {@link Setup#scenario()} under {@link Setup#replanning()} with the
   * adjustments, the churn measured against the executed plan.
   */
  public ExecutionReplan finish(Setup setup, ReplanOutcome replanned) {
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(replanned, "replanned");
    List<Removal> removals = new ArrayList<>(setup.removals());
    removals.addAll(replanned.removals());
    return new ExecutionReplan(
        setup.assessment(),
        setup.adjustments(),
        new ReplanOutcome(
            replanned.scenario(),
            replanned.plan(),
            Churn.between(executed, replanned.plan(), currentFiscalYear),
            removals,
            stabilityPenaltyPoints));
  }

  /**
   * The greedy baseline: {@link #prepare}, {@link Replanning#greedy}, {@link #finish}.
   *
   * @throws ScenarioValidationException as {@link #prepare} does
   */
  public ExecutionReplan greedy(Scenario scenario) {
    Setup setup = prepare(scenario);
    return finish(setup, setup.replanning().greedy(setup.scenario()));
  }

  /** One preparation: working copies of the scenario's lists and what was changed. */
  private final class Preparation {
    private final Scenario scenario;
    private final Map<String, SolutionOption> options = new LinkedHashMap<>();
    private final Map<String, LockedDecision> locks = new LinkedHashMap<>();
    private final Map<String, Program> programs = new HashMap<>();
    private final Map<String, List<ActivityExecution>> reports = new HashMap<>();
    private final List<FundedOption> decisions = new ArrayList<>();
    private final List<ScenarioChange> removals = new ArrayList<>();
    private final Map<String, String> removalReasons = new LinkedHashMap<>();
    private final List<Adjustment> adjustments = new ArrayList<>();

    Preparation(Scenario scenario) {
      this.scenario = scenario;
      scenario.options().forEach(o -> options.put(o.id(), o));
      scenario.lockedDecisions().forEach(l -> locks.put(l.optionId(), l));
      scenario.programs().forEach(p -> programs.put(p.id(), p));
      for (ActivityExecution activity : execution.activities()) {
        reports.computeIfAbsent(activity.optionId(), o -> new ArrayList<>()).add(activity);
      }
      reports
          .values()
          .forEach(list -> list.sort(Comparator.comparingInt(ActivityExecution::fiscalYear)));
    }

    Setup run(Assessment assessment) {
      List<Program> drawnPrograms = drawAppropriations();
      for (FundedOption funded : executed.fundedOptions()) {
        if (funded.startFiscalYear() >= currentFiscalYear) {
          decisions.add(funded);
        } else {
          settle(funded);
        }
      }
      scaleEffectiveness(assessment);
      Scenario adjusted =
          scenario.toBuilder()
              .programs(drawnPrograms)
              .options(List.copyOf(options.values()))
              .lockedDecisions(List.copyOf(locks.values()))
              .build();
      List<Removal> removed = new ArrayList<>();
      if (!removals.isEmpty()) {
        AppliedDelta applied =
            new ScenarioDelta("execution", "options ended by execution", removals)
                .apply(adjusted, "execution record");
        adjusted = applied.scenario();
        for (Removal removal : applied.removals()) {
          String because = removalReasons.get(removal.id());
          removed.add(
              removal.kind().equals("option") && because != null
                  ? new Removal("option", removal.id(), because)
                  : removal);
        }
      }
      Plan asExecuted =
          new Plan(
              executed.scenarioId(),
              executed.status(),
              executed.totalWeightAtStake(),
              executed.riskReduced(),
              decisions,
              executed.unfundedOptions(),
              executed.gaps(),
              executed.appropriations(),
              executed.totals(),
              executed.solver());
      return new Setup(
          assessment,
          adjusted,
          new Replanning(asExecuted, currentFiscalYear, stabilityPenaltyPoints),
          adjustments,
          removed);
    }

    /** Each appropriation less what the record obligated from it. */
    private List<Program> drawAppropriations() {
      ExecutionLedger ledger =
          ExecutionLedger.of(scenario, executed, execution, i -> "activities[" + i + "]");
      List<Program> out = new ArrayList<>();
      for (Program program : scenario.programs()) {
        long[] drawn = ledger.drawnBy(program);
        List<Appropriation> appropriations = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int a = 0; a < drawn.length; a++) {
          Appropriation appropriation = program.appropriations().get(a);
          appropriations.add(
              new Appropriation(
                  appropriation.fiscalYear(),
                  appropriation.amount() - drawn[a],
                  appropriation.yearsAvailable()));
          if (drawn[a] > 0) {
            taken.add(
                "FY"
                    + appropriation.fiscalYear()
                    + " "
                    + ExecutionLedger.dollars(appropriation.amount())
                    + " → "
                    + ExecutionLedger.dollars(appropriation.amount() - drawn[a]));
          }
        }
        if (!taken.isEmpty()) {
          adjustments.add(
              new Adjustment(
                  AdjustmentKind.APPROPRIATION_DRAWN,
                  program.id(),
                  "less what the record obligated: " + String.join(", ", taken)));
        }
        out.add(program.toBuilder().appropriations(appropriations).build());
      }
      return out;
    }

    /** An activity the executed plan started before the current FY. */
    private void settle(FundedOption funded) {
      String id = funded.optionId();
      List<ActivityExecution> list = reports.getOrDefault(id, List.of());
      ActivityExecution latest = list.isEmpty() ? null : list.get(list.size() - 1);
      long obligated = list.stream().mapToLong(ActivityExecution::obligated).sum();
      if (latest != null && latest.status() == ExecutionStatus.CANCELLED) {
        String because =
            "cancelled in FY"
                + latest.fiscalYear()
                + (obligated > 0
                    ? "; the " + ExecutionLedger.dollars(obligated) + " obligated before is sunk"
                    : "")
                + "; its remaining money is freed";
        remove(id, because);
        adjustments.add(new Adjustment(AdjustmentKind.CANCELLED, id, because));
        return;
      }
      boolean started =
          obligated > 0 || latest != null && latest.status() != ExecutionStatus.DELAYED;
      if (started) {
        lockStarted(funded, latest, obligated);
      } else {
        retime(funded, latest);
      }
    }

    /**
     * Locks a started activity at its program and start. Its cost in FYs before the current one
     * becomes 0 (the record holds what was obligated); what is left follows the plan, moved by the
     * delay if the activity is delayed; nothing is left of a completed activity or of one whose
     * program obligates in full at the start.
     */
    private void lockStarted(FundedOption funded, ActivityExecution latest, long obligated) {
      SolutionOption option = options.get(funded.optionId());
      Program program = programs.get(funded.programId());
      int start = funded.startFiscalYear();
      boolean nothingLeft =
          latest != null && latest.status() == ExecutionStatus.COMPLETED
              || program.obligationRule() == ObligationRule.FULL_AT_START;
      boolean delayed = latest != null && latest.status() == ExecutionStatus.DELAYED;
      int shift =
          delayed
              ? Math.max(latest.delayedToFiscalYear(), currentFiscalYear) - latest.fiscalYear()
              : 0;
      int from = delayed ? latest.fiscalYear() : currentFiscalYear;
      List<Long> profile = new ArrayList<>();
      for (int i = 0; i < option.durationYears(); i++) {
        profile.add(0L);
      }
      for (int i = 0; i < option.durationYears(); i++) {
        int year = start + i;
        if (nothingLeft || year < from) {
          continue;
        }
        int at = i + shift;
        while (profile.size() <= at) {
          profile.add(0L);
        }
        profile.set(at, profile.get(at) + option.cost(i));
      }
      long[] costs = profile.stream().mapToLong(Long::longValue).toArray();
      options.put(option.id(), option.toBuilder().costProfile(costs).build());
      locks.put(
          option.id(),
          new LockedDecision(
              option.id(),
              funded.programId(),
              start,
              "obligated "
                  + ExecutionLedger.dollars(obligated)
                  + " through FY"
                  + execution.throughFiscalYear()
                  + " (execution record)"));
      adjustments.add(
          new Adjustment(
              AdjustmentKind.OBLIGATED_LOCKED,
              option.id(),
              ExecutionLedger.dollars(obligated)
                  + " obligated; locked to '"
                  + funded.programId()
                  + "' from FY"
                  + start
                  + "; cost by FY "
                  + option.costProfile()
                  + " → "
                  + profile
                  + (delayed
                      ? " (delayed in FY"
                          + latest.fiscalYear()
                          + " to FY"
                          + (latest.fiscalYear() + shift)
                          + ")"
                      : "")));
    }

    /** An activity that obligated nothing: its start moves to where the execution puts it. */
    private void retime(FundedOption funded, ActivityExecution latest) {
      String id = funded.optionId();
      boolean delayed = latest != null;
      int resume =
          delayed ? Math.max(latest.delayedToFiscalYear(), currentFiscalYear) : currentFiscalYear;
      String why =
          delayed
              ? "delayed in FY" + latest.fiscalYear() + " to FY" + latest.delayedToFiscalYear()
              : "not reported and nothing obligated: treated as not started";
      if (resume > scenario.horizon().lastFiscalYear()) {
        String because = why + ", beyond the horizon";
        remove(id, because);
        adjustments.add(new Adjustment(AdjustmentKind.RE_TIMED, id, because + "; removed"));
        return;
      }
      SolutionOption option = options.get(id);
      Integer latestStart = option.latestStartFiscalYear();
      options.put(
          id,
          option.toBuilder()
              .startWindow(resume, latestStart == null ? null : Math.max(latestStart, resume))
              .build());
      // A hard lock at the new start could make the re-plan infeasible (the money it was locked
      // for may have lapsed meanwhile); the re-timed start is kept as planned, at the stability
      // penalty, instead.
      boolean released = locks.remove(id) != null;
      decisions.add(
          new FundedOption(
              id,
              funded.gapId(),
              funded.partnerId(),
              funded.programId(),
              resume,
              funded.completionFiscalYear() + resume - funded.startFiscalYear(),
              Map.of(),
              Map.of(),
              funded.value(),
              List.of(),
              funded.locked()));
      adjustments.add(
          new Adjustment(
              delayed ? AdjustmentKind.RE_TIMED : AdjustmentKind.NOT_STARTED,
              id,
              why
                  + "; start FY"
                  + funded.startFiscalYear()
                  + " → FY"
                  + resume
                  + ", and it starts no earlier"
                  + (released ? "; its locked decision is released (kept as planned)" : "")));
    }

    private void scaleEffectiveness(Assessment assessment) {
      for (LaggingOption lagging : assessment.laggingOptions()) {
        SolutionOption option = options.get(lagging.optionId());
        if (option == null || removalReasons.containsKey(option.id())) {
          continue;
        }
        double closure = option.closure() * lagging.effectiveness();
        options.put(option.id(), option.toBuilder().closure(closure).build());
        adjustments.add(
            new Adjustment(
                AdjustmentKind.EFFECTIVENESS,
                option.id(),
                String.format(
                    Locale.ROOT,
                    "closure %.4f → %.4f: MOP %s at %.0f%% of its straight line to target"
                        + " (effectiveness %.2f, bounded to [%.2f, 1])",
                    option.closure(),
                    closure,
                    String.join(", ", lagging.measureIds()),
                    100 * lagging.achievement(),
                    lagging.effectiveness(),
                    Assessment.MINIMUM_EFFECTIVENESS)));
      }
    }

    private void remove(String id, String because) {
      removals.add(new ScenarioChange.RemoveOption(id));
      removalReasons.put(id, because);
    }
  }
}
