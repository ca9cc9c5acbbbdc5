package org.scplan.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.scplan.execution.ActivityExecution;
import org.scplan.execution.ExecutionLedger;
import org.scplan.execution.ExecutionRecord;
import org.scplan.execution.ExecutionStatus;
import org.scplan.execution.ExecutionValidator;
import org.scplan.execution.MeasureObservation;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.Measure;
import org.scplan.scenario.Objective;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.Copies;
import org.scplan.validation.ScenarioValidationException;

/**
 * A plan's execution assessed against the plan (docs/MODEL.md §10): planned against obligated by
 * program and fiscal year, the money lapsed and the money at risk of lapsing if the rest of the
 * plan runs as executed so far, the activities off plan, each measure against its target, and the
 * options whose measures of performance lag. Built by {@link #of}; immutable.
 *
 * @param scenarioId the scenario
 * @param throughFiscalYear the last FY executed
 * @param programYears per program and executed FY, planned and obligated, sorted by program then FY
 * @param appropriations every appropriation's outlook, in the scenario's order
 * @param programs per program, obligations still due and what cannot be paid, sorted by program
 * @param offPlan activities off plan, sorted by FY then option
 * @param measures every measure, objectives' MOEs first, in the scenario's order
 * @param laggingOptions options with a lagging MOP, sorted by option id
 */
public record Assessment(
    String scenarioId,
    int throughFiscalYear,
    List<ProgramYearExecution> programYears,
    List<AppropriationOutlook> appropriations,
    List<ProgramOutlook> programs,
    List<OffPlanActivity> offPlan,
    List<MeasureAssessment> measures,
    List<LaggingOption> laggingOptions) {

  /** Least factor an option's closure is scaled by for lagging MOPs, a fraction. */
  public static final double MINIMUM_EFFECTIVENESS = 0.5;

  public Assessment {
    Copies.required(scenarioId, "Assessment", "scenarioId");
    programYears = Copies.list(programYears);
    appropriations = Copies.list(appropriations);
    programs = Copies.list(programs);
    offPlan = Copies.list(offPlan);
    measures = Copies.list(measures);
    laggingOptions = Copies.list(laggingOptions);
  }

  /**
   * Assesses {@code execution} of {@code plan} for {@code scenario}.
   *
   * @throws ScenarioValidationException listing every problem of the execution record ({@link
   *     ExecutionValidator})
   */
  public static Assessment of(Scenario scenario, Plan plan, ExecutionRecord execution) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(execution, "execution");
    ExecutionValidator.validate(scenario, plan, execution);
    return new Builder(scenario, plan, execution).build();
  }

  /** Dollars the plan obligates in the FYs executed. */
  public long plannedToDate() {
    return programYears.stream().mapToLong(ProgramYearExecution::planned).sum();
  }

  /** Dollars obligated in the FYs executed. */
  public long obligatedToDate() {
    return programYears.stream().mapToLong(ProgramYearExecution::obligated).sum();
  }

  /** Dollars lapsed by the last FY executed. */
  public long lapsed() {
    return appropriations.stream().mapToLong(AppropriationOutlook::lapsed).sum();
  }

  /** Dollars at risk of lapsing inside the horizon. */
  public long atRisk() {
    return appropriations.stream().mapToLong(AppropriationOutlook::atRisk).sum();
  }

  /** Dollars due ahead that no remaining appropriation can pay. */
  public long uncovered() {
    return programs.stream().mapToLong(ProgramOutlook::uncovered).sum();
  }

  /**
   * The factor the option's closure is scaled by when re-planning: its lowest MOP achievement,
   * bounded to [{@value #MINIMUM_EFFECTIVENESS}, 1]; 1 for an option without a lagging MOP.
   */
  public double effectiveness(String optionId) {
    for (LaggingOption lagging : laggingOptions) {
      if (lagging.optionId().equals(optionId)) {
        return lagging.effectiveness();
      }
    }
    return 1.0;
  }

  private static final class Builder {
    private final Scenario scenario;
    private final Plan plan;
    private final ExecutionRecord execution;
    private final int through;
    private final int baselineYear;
    private final ExecutionLedger ledger;

    /** Reports by option, in FY order. */
    private final Map<String, List<ActivityExecution>> reports = new HashMap<>();

    Builder(Scenario scenario, Plan plan, ExecutionRecord execution) {
      this.scenario = scenario;
      this.plan = plan;
      this.execution = execution;
      this.through = execution.throughFiscalYear();
      this.baselineYear = scenario.horizon().firstFiscalYear() - 1;
      this.ledger = ExecutionLedger.of(scenario, plan, execution, i -> "activities[" + i + "]");
      for (ActivityExecution activity : execution.activities()) {
        reports.computeIfAbsent(activity.optionId(), o -> new ArrayList<>()).add(activity);
      }
      reports
          .values()
          .forEach(list -> list.sort(Comparator.comparingInt(ActivityExecution::fiscalYear)));
    }

    Assessment build() {
      List<AppropriationOutlook> appropriations = new ArrayList<>();
      List<ProgramOutlook> programs = new ArrayList<>();
      outlook(appropriations, programs);
      programs.sort(Comparator.comparing(ProgramOutlook::programId));
      List<MeasureAssessment> measures = measures();
      return new Assessment(
          scenario.id(),
          through,
          programYears(),
          appropriations,
          programs,
          offPlan(),
          measures,
          lagging(measures));
    }

    private List<ProgramYearExecution> programYears() {
      Map<String, Map<Integer, long[]>> table = new TreeMap<>();
      for (FundedOption funded : plan.fundedOptions()) {
        funded
            .obligationsByFiscalYear()
            .forEach(
                (year, amount) -> {
                  if (year <= through && amount > 0) {
                    cell(table, funded.programId(), year)[0] += amount;
                  }
                });
      }
      for (ExecutionLedger.Draw draw : ledger.draws()) {
        cell(table, draw.programId(), draw.fiscalYear())[1] += draw.amount();
      }
      List<ProgramYearExecution> rows = new ArrayList<>();
      table.forEach(
          (program, years) ->
              years.forEach(
                  (year, cell) ->
                      rows.add(new ProgramYearExecution(program, year, cell[0], cell[1]))));
      return rows;
    }

    private static long[] cell(Map<String, Map<Integer, long[]>> table, String program, int year) {
      return table
          .computeIfAbsent(program, p -> new TreeMap<>())
          .computeIfAbsent(year, y -> new long[2]);
    }

    /** The last report of the option, or {@code null}. */
    private ActivityExecution latest(String optionId) {
      List<ActivityExecution> list = reports.get(optionId);
      return list == null ? null : list.get(list.size() - 1);
    }

    private long obligatedFor(String optionId) {
      long total = 0;
      for (ActivityExecution activity : reports.getOrDefault(optionId, List.of())) {
        total += activity.obligated();
      }
      return total;
    }

    /**
     * Obligations still due, by FY after the last executed: planned ones for activities running or
     * not reported; a delayed activity's outstanding amount (planned total less obligated) in the
     * FY it resumes; nothing for cancelled or completed ones.
     */
    private Map<Integer, Long> dueAhead(FundedOption funded) {
      Map<Integer, Long> due = new TreeMap<>();
      ActivityExecution latest = latest(funded.optionId());
      ExecutionStatus status = latest == null ? null : latest.status();
      if (status == ExecutionStatus.CANCELLED || status == ExecutionStatus.COMPLETED) {
        return due;
      }
      if (status == ExecutionStatus.DELAYED) {
        long outstanding = Math.max(0, funded.totalObligated() - obligatedFor(funded.optionId()));
        int resumes = Math.max(latest.delayedToFiscalYear(), through + 1);
        if (outstanding > 0 && resumes <= scenario.horizon().lastFiscalYear()) {
          due.put(resumes, outstanding);
        }
        return due;
      }
      funded
          .obligationsByFiscalYear()
          .forEach(
              (year, amount) -> {
                if (year > through && year <= scenario.horizon().lastFiscalYear() && amount > 0) {
                  due.merge(year, amount, Long::sum);
                }
              });
      return due;
    }

    private void outlook(List<AppropriationOutlook> out, List<ProgramOutlook> programs) {
      int last = scenario.horizon().lastFiscalYear();
      for (Program program : scenario.programs()) {
        List<Appropriation> list = program.appropriations();
        long[] drawn = ledger.drawnBy(program);
        long[] left = new long[list.size()];
        for (int a = 0; a < list.size(); a++) {
          left[a] = list.get(a).amount() - drawn[a];
        }
        Map<Integer, Long> due = new TreeMap<>();
        for (FundedOption funded : plan.fundedOptions()) {
          if (funded.programId().equals(program.id())) {
            dueAhead(funded).forEach((year, amount) -> due.merge(year, amount, Long::sum));
          }
        }
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < list.size(); a++) {
          order.add(a);
        }
        order.sort(
            Comparator.comparingInt((Integer a) -> list.get(a).lastAvailableFiscalYear())
                .thenComparingInt(a -> list.get(a).fiscalYear())
                .thenComparingInt(a -> a));
        long[] ahead = new long[list.size()];
        long dueTotal = 0;
        long uncovered = 0;
        for (Map.Entry<Integer, Long> entry : due.entrySet()) {
          long need = entry.getValue();
          dueTotal += need;
          for (int a : order) {
            if (need == 0) {
              break;
            }
            if (list.get(a).availableIn(entry.getKey())) {
              long take = Math.min(need, left[a] - ahead[a]);
              ahead[a] += take;
              need -= take;
            }
          }
          uncovered += need;
        }
        for (int a = 0; a < list.size(); a++) {
          Appropriation appropriation = list.get(a);
          int end = appropriation.lastAvailableFiscalYear();
          long lapsed = end <= through ? left[a] : 0;
          long atRisk = end > through && end <= last ? left[a] - ahead[a] : 0;
          out.add(
              new AppropriationOutlook(
                  program.id(),
                  appropriation.fiscalYear(),
                  appropriation.yearsAvailable(),
                  appropriation.amount(),
                  drawn[a],
                  lapsed,
                  ahead[a],
                  atRisk));
        }
        if (dueTotal > 0 || uncovered > 0) {
          programs.add(new ProgramOutlook(program.id(), dueTotal, uncovered));
        }
      }
    }

    private List<OffPlanActivity> offPlan() {
      List<OffPlanActivity> out = new ArrayList<>();
      for (FundedOption funded : plan.fundedOptions()) {
        Map<Integer, ActivityExecution> byYear = new HashMap<>();
        reports
            .getOrDefault(funded.optionId(), List.of())
            .forEach(a -> byYear.put(a.fiscalYear(), a));
        ActivityExecution ended = null;
        ActivityExecution delay = null;
        for (int year = funded.startFiscalYear(); year <= through; year++) {
          long planned = funded.obligationsByFiscalYear().getOrDefault(year, 0L);
          ActivityExecution report = byYear.get(year);
          if (report == null) {
            boolean covered = ended != null || delay != null && delay.delayedToFiscalYear() > year;
            if (planned > 0 && !covered) {
              out.add(
                  new OffPlanActivity(
                      funded.optionId(),
                      funded.programId(),
                      year,
                      OffPlanKind.NOT_REPORTED,
                      null,
                      planned,
                      0,
                      null));
            }
            continue;
          }
          long obligated = report.obligated();
          OffPlanKind kind =
              switch (report.status()) {
                case DELAYED -> OffPlanKind.DELAYED;
                case CANCELLED -> OffPlanKind.CANCELLED;
                default ->
                    obligated < planned
                        ? OffPlanKind.UNDER_OBLIGATED
                        : obligated > planned ? OffPlanKind.OVER_OBLIGATED : null;
              };
          if (kind != null) {
            out.add(
                new OffPlanActivity(
                    funded.optionId(),
                    funded.programId(),
                    year,
                    kind,
                    report.status(),
                    planned,
                    obligated,
                    report.delayedToFiscalYear()));
          }
          delay = report.status() == ExecutionStatus.DELAYED ? report : null;
          if (report.status() == ExecutionStatus.CANCELLED
              || report.status() == ExecutionStatus.COMPLETED) {
            ended = report;
          }
        }
      }
      out.sort(
          Comparator.comparingInt(OffPlanActivity::fiscalYear)
              .thenComparing(OffPlanActivity::optionId));
      return out;
    }

    private List<MeasureAssessment> measures() {
      Map<String, List<MeasureObservation>> observed = new HashMap<>();
      for (MeasureObservation observation : execution.observations()) {
        if (observation.fiscalYear() <= through) {
          observed
              .computeIfAbsent(observation.measureId(), m -> new ArrayList<>())
              .add(observation);
        }
      }
      observed
          .values()
          .forEach(list -> list.sort(Comparator.comparingInt(MeasureObservation::fiscalYear)));
      List<MeasureAssessment> out = new ArrayList<>();
      for (Objective objective : scenario.objectives()) {
        for (Measure measure : objective.measuresOfEffectiveness()) {
          out.add(assess(measure, MeasureKind.MOE, objective.id(), observed.get(measure.id())));
        }
      }
      for (SolutionOption option : scenario.options()) {
        for (Measure measure : option.measuresOfPerformance()) {
          out.add(assess(measure, MeasureKind.MOP, option.id(), observed.get(measure.id())));
        }
      }
      return out;
    }

    private MeasureAssessment assess(
        Measure measure, MeasureKind kind, String owner, List<MeasureObservation> observations) {
      if (observations == null || observations.isEmpty()) {
        return new MeasureAssessment(
            measure,
            kind,
            owner,
            null,
            null,
            null,
            null,
            null,
            null,
            Trend.NO_DATA,
            MeasureStatus.NO_DATA);
      }
      MeasureObservation latest = observations.get(observations.size() - 1);
      double previousValue =
          observations.size() > 1
              ? observations.get(observations.size() - 2).value()
              : measure.baseline();
      double span = measure.target() - measure.baseline();
      double progress = (latest.value() - measure.baseline()) / span;
      double previous = (previousValue - measure.baseline()) / span;
      int elapsed = latest.fiscalYear() - baselineYear;
      int toTarget = measure.targetFiscalYear() - baselineYear;
      double expected =
          latest.fiscalYear() >= measure.targetFiscalYear() ? 1.0 : (double) elapsed / toTarget;
      double achievement = Math.max(0.0, progress) / expected;
      double projected =
          latest.fiscalYear() >= measure.targetFiscalYear()
              ? progress
              : progress / elapsed * toTarget;
      Trend trend =
          progress > previous
              ? Trend.IMPROVING
              : progress < previous ? Trend.WORSENING : Trend.STEADY;
      MeasureStatus status;
      if (progress >= 1.0) {
        status = MeasureStatus.MET;
      } else if (latest.fiscalYear() >= measure.targetFiscalYear()) {
        status = MeasureStatus.MISSED;
      } else {
        status = projected >= 1.0 ? MeasureStatus.ON_TRACK : MeasureStatus.OFF_TRACK;
      }
      return new MeasureAssessment(
          measure,
          kind,
          owner,
          latest.fiscalYear(),
          latest.value(),
          progress,
          expected,
          achievement,
          projected,
          trend,
          status);
    }

    private List<LaggingOption> lagging(List<MeasureAssessment> measures) {
      Map<String, List<MeasureAssessment>> byOption = new TreeMap<>();
      for (MeasureAssessment measure : measures) {
        if (measure.kind() == MeasureKind.MOP && measure.achievement() != null) {
          byOption.computeIfAbsent(measure.ownerId(), o -> new ArrayList<>()).add(measure);
        }
      }
      List<LaggingOption> out = new ArrayList<>();
      byOption.forEach(
          (option, list) -> {
            List<String> lagging = new ArrayList<>();
            double lowest = Double.POSITIVE_INFINITY;
            for (MeasureAssessment measure : list) {
              if (measure.lags()) {
                lagging.add(measure.measure().id());
                lowest = Math.min(lowest, measure.achievement());
              }
            }
            if (!lagging.isEmpty()) {
              out.add(
                  new LaggingOption(
                      option,
                      lagging,
                      lowest,
                      Math.max(MINIMUM_EFFECTIVENESS, Math.min(1.0, lowest))));
            }
          });
      return out;
    }
  }
}
