package org.scplan.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.EditDistance;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Checks an {@link ExecutionRecord} against its scenario and plan and reports every problem at once
 * (docs/MODEL.md §10): options unknown to the scenario or not funded by the plan, years outside the
 * record, duplicate reports, statuses that contradict the obligations, obligations from an
 * appropriation that does not exist or is not available that FY, and more obligated than an
 * appropriation holds; observations of unknown measures.
 *
 * <p>Problems are located as {@code ActivityExecution at activities[3] (FY2028, option 'o-x')} with
 * the field ({@code status}, {@code obligations[0].appropriationFiscalYear}), {@code
 * MeasureObservation at observations[2] (…)}, {@code Program 'p' appropriation FY2027} or {@code
 * ExecutionRecord}. Thread-safe: the class holds no state.
 */
public final class ExecutionValidator {
  private ExecutionValidator() {}

  /** Every problem of {@code execution}; empty when it is valid. */
  public static List<Problem> problems(Scenario scenario, Plan plan, ExecutionRecord execution) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(execution, "execution");
    return new Run(scenario, plan, execution).problems();
  }

  /**
   * Checks {@code execution} and throws when it has any problem.
   *
   * @throws ScenarioValidationException listing every problem
   */
  public static void validate(Scenario scenario, Plan plan, ExecutionRecord execution) {
    List<Problem> problems = problems(scenario, plan, execution);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(
          "Execution record of scenario '" + execution.scenarioId() + "'", problems);
    }
  }

  /** Where activity {@code index} of {@code execution} is reported. */
  static String activityLocation(ExecutionRecord execution, int index) {
    ActivityExecution activity = execution.activities().get(index);
    return "ActivityExecution at activities["
        + index
        + "] (FY"
        + activity.fiscalYear()
        + ", option '"
        + activity.optionId()
        + "')";
  }

  private static final class Run {
    private final Scenario scenario;
    private final Plan plan;
    private final ExecutionRecord execution;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, SolutionOption> options = new HashMap<>();
    private final Map<String, Program> programs = new HashMap<>();
    private final Map<String, FundedOption> funded = new HashMap<>();
    private final Set<String> measureIds = new TreeSet<>();
    private final int first;
    private final int last;

    Run(Scenario scenario, Plan plan, ExecutionRecord execution) {
      this.scenario = scenario;
      this.plan = plan;
      this.execution = execution;
      scenario.options().forEach(o -> options.putIfAbsent(o.id(), o));
      scenario.programs().forEach(p -> programs.putIfAbsent(p.id(), p));
      plan.fundedOptions().forEach(f -> funded.put(f.optionId(), f));
      for (Objective objective : scenario.objectives()) {
        objective.measuresOfEffectiveness().forEach(m -> measureIds.add(m.id()));
      }
      for (SolutionOption option : scenario.options()) {
        option.measuresOfPerformance().forEach(m -> measureIds.add(m.id()));
      }
      first = scenario.horizon().firstFiscalYear();
      last = Math.min(execution.throughFiscalYear(), scenario.horizon().lastFiscalYear());
    }

    List<Problem> problems() {
      checkRecord();
      Map<String, List<Integer>> byOption = new LinkedHashMap<>();
      Map<String, Integer> firstReport = new HashMap<>();
      for (int i = 0; i < execution.activities().size(); i++) {
        ActivityExecution activity = execution.activities().get(i);
        checkActivity(i, activity);
        String key = activity.fiscalYear() + " " + activity.optionId();
        Integer earlier = firstReport.putIfAbsent(key, i);
        if (earlier != null) {
          add(
              i,
              "optionId",
              "option '"
                  + activity.optionId()
                  + "' is reported for FY"
                  + activity.fiscalYear()
                  + " already, at activities["
                  + earlier
                  + "]",
              "report each activity once per FY; put all its obligations in one entry");
        }
        byOption.computeIfAbsent(activity.optionId(), o -> new ArrayList<>()).add(i);
      }
      byOption.values().forEach(this::checkSequence);
      checkObservations();
      problems.addAll(
          ExecutionLedger.of(scenario, plan, execution, i -> activityLocation(execution, i))
              .problems());
      return List.copyOf(problems);
    }

    private void checkRecord() {
      if (!execution.scenarioId().equals(scenario.id())) {
        problems.add(
            new Problem(
                "ExecutionRecord",
                "scenarioId",
                "records scenario '"
                    + execution.scenarioId()
                    + "' but the scenario is '"
                    + scenario.id()
                    + "'",
                "give the execution record of this scenario"));
      }
      if (!plan.scenarioId().equals(scenario.id())) {
        problems.add(
            new Problem(
                "ExecutionRecord",
                "scenarioId",
                "the plan is of scenario '" + plan.scenarioId() + "', not '" + scenario.id() + "'",
                "give the plan that was executed"));
      }
      int through = execution.throughFiscalYear();
      if (through < scenario.horizon().firstFiscalYear()
          || through > scenario.horizon().lastFiscalYear()) {
        problems.add(
            new Problem(
                "ExecutionRecord",
                "throughFiscalYear",
                "FY"
                    + through
                    + " is outside the horizon FY"
                    + scenario.horizon().firstFiscalYear()
                    + "–FY"
                    + scenario.horizon().lastFiscalYear(),
                "record execution up to a fiscal year of the plan's horizon"));
      }
    }

    private void checkActivity(int i, ActivityExecution activity) {
      int year = activity.fiscalYear();
      if (year < first || year > last) {
        add(
            i,
            "fiscalYear",
            "FY" + year + " is outside the years recorded, FY" + first + "–FY" + last,
            "report the FYs from the horizon's start through throughFiscalYear");
      }
      FundedOption planned = funded.get(activity.optionId());
      if (!options.containsKey(activity.optionId())) {
        String closest = EditDistance.closest(activity.optionId(), options.keySet());
        add(
            i,
            "optionId",
            "refers to unknown SolutionOption '" + activity.optionId() + "'",
            closest == null ? "give the id of a funded option" : "did you mean '" + closest + "'?");
      } else if (planned == null) {
        add(
            i,
            "optionId",
            "option '" + activity.optionId() + "' is not funded by the plan",
            "report only the activities the plan funds; re-plan to add one");
      } else if (year < planned.startFiscalYear()) {
        add(
            i,
            "fiscalYear",
            "the plan starts option '"
                + activity.optionId()
                + "' in FY"
                + planned.startFiscalYear()
                + ", after FY"
                + year,
            "report an activity from the FY the plan starts it");
      }
      checkStatus(i, activity, planned);
      for (int j = 0; j < activity.obligations().size(); j++) {
        if (activity.obligations().get(j).amount() <= 0) {
          add(
              i,
              "obligations[" + j + "].amount",
              "must be > 0 dollars, but was " + activity.obligations().get(j).amount(),
              "leave out an obligation of nothing");
        }
      }
    }

    private void checkStatus(int i, ActivityExecution activity, FundedOption planned) {
      ExecutionStatus status = activity.status();
      Integer delayedTo = activity.delayedToFiscalYear();
      long obligated = positiveObligations(activity);
      if (status == ExecutionStatus.DELAYED) {
        if (delayedTo == null) {
          add(
              i,
              "delayedToFiscalYear",
              "is required for a DELAYED activity but is missing",
              "give the FY the activity is expected to resume in");
        } else if (delayedTo <= activity.fiscalYear()) {
          add(
              i,
              "delayedToFiscalYear",
              "FY" + delayedTo + " is not after FY" + activity.fiscalYear(),
              "a delay moves the activity to a later FY");
        }
      } else if (delayedTo != null) {
        add(
            i,
            "delayedToFiscalYear",
            "is given (FY" + delayedTo + ") but the status is " + status,
            "set the status to DELAYED, or leave delayedToFiscalYear out");
      }
      if ((status == ExecutionStatus.DELAYED || status == ExecutionStatus.CANCELLED)
          && obligated > 0) {
        add(
            i,
            "status",
            "says "
                + status
                + " but "
                + ExecutionLedger.dollars(obligated)
                + " was obligated for it that FY",
            "a "
                + status
                + " activity obligates nothing in its FY; use ON_TRACK for the year it obligated");
      }
      if ((status == ExecutionStatus.ON_TRACK || status == ExecutionStatus.COMPLETED)
          && obligated == 0
          && planned != null) {
        long due = planned.obligationsByFiscalYear().getOrDefault(activity.fiscalYear(), 0L);
        if (due > 0) {
          add(
              i,
              "status",
              "says "
                  + status
                  + " but nothing was obligated of the "
                  + ExecutionLedger.dollars(due)
                  + " the plan obligates that FY",
              "use DELAYED (with delayedToFiscalYear) or CANCELLED, or record the obligations");
        }
      }
    }

    /** Rules that look at one option's reports in FY order. */
    private void checkSequence(List<Integer> indices) {
      List<Integer> inOrder = new ArrayList<>(indices);
      inOrder.sort((a, b) -> Integer.compare(year(a), year(b)));
      ActivityExecution ended = null;
      Integer obligatedIn = null;
      for (int i : inOrder) {
        ActivityExecution activity = execution.activities().get(i);
        long obligated = positiveObligations(activity);
        if (ended != null && obligated > 0) {
          add(
              i,
              "obligations",
              ExecutionLedger.dollars(obligated)
                  + " obligated after the activity was "
                  + ended.status()
                  + " in FY"
                  + ended.fiscalYear(),
              "nothing is obligated for an activity once it is cancelled or completed");
        }
        if (ended == null
            && (activity.status() == ExecutionStatus.CANCELLED
                || activity.status() == ExecutionStatus.COMPLETED)) {
          ended = activity;
        }
        FundedOption planned = funded.get(activity.optionId());
        Program program = planned == null ? null : programs.get(planned.programId());
        if (obligated > 0 && program != null) {
          if (program.obligationRule() == ObligationRule.FULL_AT_START
              && obligatedIn != null
              && obligatedIn != activity.fiscalYear()) {
            add(
                i,
                "obligations",
                "program '"
                    + program.id()
                    + "' obligates in full at the start, but option '"
                    + activity.optionId()
                    + "' was obligated in FY"
                    + obligatedIn
                    + " and again in FY"
                    + activity.fiscalYear(),
                "record the whole obligation in the FY the case or project was obligated");
          }
          if (obligatedIn == null) {
            obligatedIn = activity.fiscalYear();
          }
        }
      }
    }

    private int year(int index) {
      return execution.activities().get(index).fiscalYear();
    }

    private void checkObservations() {
      Map<String, Integer> seen = new HashMap<>();
      List<MeasureObservation> observations = execution.observations();
      for (int k = 0; k < observations.size(); k++) {
        MeasureObservation observation = observations.get(k);
        String location =
            "MeasureObservation at observations["
                + k
                + "] (FY"
                + observation.fiscalYear()
                + ", measure '"
                + observation.measureId()
                + "')";
        if (!measureIds.contains(observation.measureId())) {
          String closest = EditDistance.closest(observation.measureId(), measureIds);
          problems.add(
              new Problem(
                  location,
                  "measureId",
                  "refers to unknown Measure '" + observation.measureId() + "'",
                  closest == null
                      ? "give the id of an objective's MOE or an option's MOP"
                      : "did you mean '" + closest + "'?"));
        }
        if (observation.fiscalYear() < first || observation.fiscalYear() > last) {
          problems.add(
              new Problem(
                  location,
                  "fiscalYear",
                  "FY"
                      + observation.fiscalYear()
                      + " is outside the years recorded, FY"
                      + first
                      + "–FY"
                      + last,
                  "observe from the horizon's start through throughFiscalYear; the baseline is"
                      + " the measure's own"));
        }
        if (!Double.isFinite(observation.value())) {
          problems.add(
              new Problem(
                  location,
                  "value",
                  "must be a finite number, but was " + observation.value(),
                  "give the value observed, in the measure's unit"));
        }
        Integer earlier =
            seen.putIfAbsent(observation.fiscalYear() + " " + observation.measureId(), k);
        if (earlier != null) {
          problems.add(
              new Problem(
                  location,
                  "measureId",
                  "measure '"
                      + observation.measureId()
                      + "' is observed for FY"
                      + observation.fiscalYear()
                      + " already, at observations["
                      + earlier
                      + "]",
                  "keep one observation per measure and FY"));
        }
      }
    }

    private static long positiveObligations(ActivityExecution activity) {
      long total = 0;
      for (Obligation obligation : activity.obligations()) {
        if (obligation.amount() > 0) {
          total = Math.addExact(total, obligation.amount());
        }
      }
      return total;
    }

    private void add(int index, String field, String message, String hint) {
      problems.add(new Problem(activityLocation(execution, index), field, message, hint));
    }
  }
}
