package org.scplan.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scplan.execution.ActivityExecution;
import org.scplan.execution.ExecutionLedger;
import org.scplan.execution.ExecutionRecord;
import org.scplan.execution.ExecutionStatus;
import org.scplan.execution.MeasureObservation;
import org.scplan.execution.Obligation;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.AppropriationDraw;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.ActivityType;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.DotmlpfDomain;
import org.scplan.scenario.EndState;
import org.scplan.scenario.FundingTitle;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Measure;
import org.scplan.scenario.MeasureDirection;
import org.scplan.scenario.Objective;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Policy;
import org.scplan.scenario.Program;
import org.scplan.scenario.ProgramEligibility;
import org.scplan.scenario.RiskAssessment;
import org.scplan.scenario.RoleType;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.scenario.Stakeholder;
import org.scplan.scenario.Urgency;
import org.scplan.scenario.VettingRequirement;
import org.scplan.scenario.VettingStatus;

/**
 * A small scenario, its plan and an execution record through FY2028, with every figure of the
 * assessment computed by hand in {@code AssessmentTest}.
 *
 * <pre>
 * Horizon FY2027–FY2029 (baseline FY2026). One partner, one gap per option, every option locked:
 *   o-train   prog-a 2027  [400,000, 400,000]  MOP mop-train  0 → 20 by FY2028 (higher better)
 *   o-advise  prog-a 2027  [300,000]           MOP mop-advise 0 → 10 by FY2029
 *   o-survey  prog-a 2028  [100,000]
 *   o-equip   prog-b 2028  [1,500,000]         (FULL_AT_START)
 *   o-later   prog-a 2029  [200,000]           MOP mop-later  0 → 5 by FY2031 (never observed)
 * Objective obj-1 MOE moe-incidents 50 → 20 by FY2030 (lower better).
 * prog-a INCREMENTAL: FY2027 1-year $1,000,000; FY2028 2-year $1,000,000; FY2029 1-year $500,000
 * prog-b FULL_AT_START: FY2027 2-year $2,000,000; FY2029 1-year $1,000,000
 * Execution: 2027 o-train ON_TRACK 400,000 (FY2027 money); 2027 o-advise COMPLETED 250,000 (FY2027);
 *   2028 o-train COMPLETED 300,000 (FY2028); 2028 o-equip DELAYED to 2029; o-survey not reported.
 *   mop-train 8 (2027), 14 (2028); mop-advise 8 (2028); moe-incidents 45 (2027), 44 (2028).
 * </pre>
 */
public final class ExecutionFixtures {
  private ExecutionFixtures() {}

  public static Scenario scenario() {
    Scenario.Builder builder =
        Scenario.builder("execution-small", new PlanningHorizon(2027, 2029))
            .name("Small execution case")
            .policy(Policy.defaults())
            .endState(new EndState("es-1", "Secure borders", 1.0))
            .lineOfEffort(new LineOfEffort("loe-1", "Border security", "es-1", 1.0))
            .objective(
                new Objective(
                    "obj-1",
                    "Partner stops incursions by FY2035",
                    "loe-1",
                    2035,
                    1.0,
                    List.of(
                        measure("moe-incidents", 50, 20, 2030, MeasureDirection.LOWER_IS_BETTER))))
            .securityCooperationOffice(new SecurityCooperationOffice("sco-1", "ODC", 100))
            .partner(
                new Partner(
                    "p-1",
                    "Partnerland",
                    CombatantCommand.AFRICOM,
                    1,
                    0.8,
                    Map.of("border", 1.0),
                    null,
                    null,
                    VettingStatus.CLEAR,
                    "sco-1"))
            .program(
                program(
                    "prog-a",
                    ObligationRule.INCREMENTAL,
                    null,
                    new Appropriation(2027, 1_000_000, 1),
                    new Appropriation(2028, 1_000_000, 2),
                    new Appropriation(2029, 500_000, 1)))
            .program(
                program(
                    "prog-b",
                    ObligationRule.FULL_AT_START,
                    3,
                    new Appropriation(2027, 2_000_000, 2),
                    new Appropriation(2029, 1_000_000, 1)));
    option(
        builder,
        "o-train",
        "prog-a",
        2027,
        List.of(measure("mop-train", 0, 20, 2028, null)),
        400_000,
        400_000);
    option(
        builder,
        "o-advise",
        "prog-a",
        2027,
        List.of(measure("mop-advise", 0, 10, 2029, null)),
        300_000);
    option(builder, "o-survey", "prog-a", 2028, List.of(), 100_000);
    option(builder, "o-equip", "prog-b", 2028, List.of(), 1_500_000);
    option(
        builder,
        "o-later",
        "prog-a",
        2029,
        List.of(measure("mop-later", 0, 5, 2031, null)),
        200_000);
    return builder.build();
  }

  /** The greedy plan of {@link #scenario()}: every option at its locked start. */
  public static Plan plan() {
    return GreedyAllocator.allocate(scenario());
  }

  public static ExecutionRecord execution() {
    return new ExecutionRecord(
        "execution-small",
        2028,
        List.of(
            activity(
                2027, "o-train", ExecutionStatus.ON_TRACK, null, new Obligation(2027, 400_000)),
            activity(
                2027, "o-advise", ExecutionStatus.COMPLETED, null, new Obligation(2027, 250_000)),
            activity(
                2028, "o-train", ExecutionStatus.COMPLETED, null, new Obligation(2028, 300_000)),
            activity(2028, "o-equip", ExecutionStatus.DELAYED, 2029)),
        List.of(
            new MeasureObservation(2027, "mop-train", 8),
            new MeasureObservation(2028, "mop-train", 14),
            new MeasureObservation(2028, "mop-advise", 8),
            new MeasureObservation(2027, "moe-incidents", 45),
            new MeasureObservation(2028, "moe-incidents", 44)));
  }

  /**
   * The re-plan draws only in FYs from the current one, never on an appropriation whose
   * availability ended before it, and never more than an appropriation held after the record's
   * obligations.
   */
  public static void assertSpendsNoLapsedMoney(
      Scenario original,
      Plan executed,
      ExecutionRecord execution,
      Plan plan,
      int currentFiscalYear) {
    ExecutionLedger ledger = ExecutionLedger.of(original, executed, execution, i -> "");
    Map<String, long[]> used = new HashMap<>();
    for (Program program : original.programs()) {
      used.put(program.id(), ledger.drawnBy(program));
    }
    for (FundedOption funded : plan.fundedOptions()) {
      Program program =
          original.programs().stream()
              .filter(p -> p.id().equals(funded.programId()))
              .findFirst()
              .orElseThrow();
      for (AppropriationDraw draw : funded.draws()) {
        org.assertj.core.api.Assertions.assertThat(draw.obligationFiscalYear())
            .isGreaterThanOrEqualTo(currentFiscalYear);
        int index = -1;
        for (int a = 0; a < program.appropriations().size(); a++) {
          Appropriation appropriation = program.appropriations().get(a);
          if (appropriation.fiscalYear() == draw.appropriationFiscalYear()
              && appropriation.availableIn(draw.obligationFiscalYear())
              && used.get(program.id())[a] + draw.amount() <= appropriation.amount()) {
            index = a;
            break;
          }
        }
        org.assertj.core.api.Assertions.assertThat(index)
            .as("appropriation for %s", draw)
            .isNotNegative();
        org.assertj.core.api.Assertions.assertThat(
                program.appropriations().get(index).lastAvailableFiscalYear())
            .isGreaterThanOrEqualTo(currentFiscalYear);
        used.get(program.id())[index] += draw.amount();
      }
    }
  }

  public static ActivityExecution activity(
      int year, String option, ExecutionStatus status, Integer delayedTo, Obligation... money) {
    return new ActivityExecution(year, option, status, delayedTo, List.of(money), "");
  }

  private static Measure measure(
      String id, double baseline, double target, int year, MeasureDirection direction) {
    return new Measure(
        id,
        id + " measure",
        "units",
        baseline,
        target,
        year,
        direction == null ? MeasureDirection.HIGHER_IS_BETTER : direction);
  }

  private static Program program(
      String id, ObligationRule rule, Integer span, Appropriation... appropriations) {
    return new Program(
        id,
        id,
        "",
        FundingTitle.TITLE_10,
        rule,
        span,
        ProgramEligibility.UNRESTRICTED,
        VettingRequirement.NONE,
        0,
        null,
        List.of(appropriations));
  }

  private static void option(
      Scenario.Builder builder,
      String id,
      String program,
      int start,
      List<Measure> measures,
      long... costs) {
    String gap = "g-" + id.substring(2);
    builder.gap(
        new CapabilityGap(
            gap,
            "p-1",
            "obj-1",
            "border",
            RoleType.PRIMARY,
            "",
            new RiskAssessment(4, 5, 1),
            new Urgency(2035, 0.1),
            0.0,
            Set.of(Stakeholder.DOD)));
    builder.option(
        SolutionOption.builder(id, gap)
            .domain(DotmlpfDomain.TRAINING)
            .activityType(ActivityType.TRAINING)
            .closure(0.8)
            .costProfile(costs)
            .programIds(program)
            .measuresOfPerformance(measures)
            .build());
    builder.lockedDecision(new LockedDecision(id, program, start, ""));
  }
}
