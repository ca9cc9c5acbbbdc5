package org.scplan.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.scplan.plan.FundedOption;
import org.scplan.plan.GapOutcome;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanViolation;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.EndState;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.Objective;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;

/**
 * A plan joined with the scenario it was made from: the names, objectives and programs a plan does
 * not hold, looked up by id, plus the independent {@link PlanChecker}'s verdict on the pair. Built
 * by {@link #of(Scenario, Plan)}, which refuses a plan of another scenario. Immutable and
 * thread-safe.
 */
public final class PlanReport {
  private static final int EXAMPLES = 5;

  private final Scenario scenario;
  private final Plan plan;
  private final List<PlanViolation> violations;
  private final Map<String, Partner> partners;
  private final Map<String, SecurityCooperationOffice> offices;
  private final Map<String, CapabilityGap> gaps;
  private final Map<String, SolutionOption> options;
  private final Map<String, Objective> objectives;
  private final Map<String, LineOfEffort> linesOfEffort;
  private final Map<String, EndState> endStates;
  private final Map<String, Program> programs;
  private final Map<String, GapOutcome> gapOutcomes;

  private PlanReport(Scenario scenario, Plan plan) {
    this.scenario = scenario;
    this.plan = plan;
    this.partners = index(scenario.partners(), Partner::id);
    this.offices = index(scenario.securityCooperationOffices(), SecurityCooperationOffice::id);
    this.gaps = index(scenario.gaps(), CapabilityGap::id);
    this.options = index(scenario.options(), SolutionOption::id);
    this.objectives = index(scenario.objectives(), Objective::id);
    this.linesOfEffort = index(scenario.linesOfEffort(), LineOfEffort::id);
    this.endStates = index(scenario.endStates(), EndState::id);
    this.programs = index(scenario.programs(), Program::id);
    this.gapOutcomes = index(plan.gaps(), GapOutcome::gapId);
    this.violations = List.copyOf(PlanChecker.check(scenario, plan));
  }

  /**
   * Joins {@code plan} with {@code scenario}.
   *
   * @throws ReportInputException listing every mismatch when the plan was not made from this
   *     scenario: another scenario id, options or programs the scenario does not have, or scenario
   *     options the plan does not mention
   */
  public static PlanReport of(Scenario scenario, Plan plan) {
    List<String> mismatches = new ArrayList<>();
    if (!scenario.id().equals(plan.scenarioId())) {
      mismatches.add(
          "the plan is for scenario '"
              + plan.scenarioId()
              + "', the scenario given is '"
              + scenario.id()
              + "'");
    }
    Set<String> scenarioOptions = new HashSet<>();
    scenario.options().forEach(o -> scenarioOptions.add(o.id()));
    Set<String> programIds = new HashSet<>();
    scenario.programs().forEach(p -> programIds.add(p.id()));
    List<String> unknownOptions = new ArrayList<>();
    Set<String> planOptions = new HashSet<>();
    List<String> unknownPrograms = new ArrayList<>();
    for (FundedOption funded : plan.fundedOptions()) {
      planOptions.add(funded.optionId());
      if (!scenarioOptions.contains(funded.optionId())) {
        unknownOptions.add(funded.optionId());
      }
      if (!programIds.contains(funded.programId())) {
        unknownPrograms.add(funded.programId() + " (funding " + funded.optionId() + ")");
      }
    }
    for (UnfundedOption unfunded : plan.unfundedOptions()) {
      planOptions.add(unfunded.optionId());
      if (!scenarioOptions.contains(unfunded.optionId())) {
        unknownOptions.add(unfunded.optionId());
      }
    }
    List<String> missingOptions = new ArrayList<>();
    scenario.options().stream()
        .map(SolutionOption::id)
        .filter(id -> !planOptions.contains(id))
        .forEach(missingOptions::add);
    if (!unknownOptions.isEmpty()) {
      mismatches.add(
          unknownOptions.size()
              + " option ids of the plan are not in the scenario, e.g. "
              + some(unknownOptions));
    }
    if (!missingOptions.isEmpty()) {
      mismatches.add(
          missingOptions.size()
              + " options of the scenario are not in the plan, e.g. "
              + some(missingOptions));
    }
    if (!unknownPrograms.isEmpty()) {
      mismatches.add(
          unknownPrograms.size()
              + " program ids of the plan are not in the scenario: "
              + some(unknownPrograms));
    }
    if (!mismatches.isEmpty()) {
      throw new ReportInputException(
          "The plan was not made from scenario '"
              + scenario.id()
              + "' ("
              + scenario.name()
              + "). Maybe give the scenario file the plan was solved from.",
          mismatches);
    }
    return new PlanReport(scenario, plan);
  }

  private static String some(List<String> ids) {
    List<String> shown = ids.subList(0, Math.min(EXAMPLES, ids.size()));
    return String.join(", ", shown) + (ids.size() > EXAMPLES ? ", …" : "");
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    items.forEach(item -> byId.put(id.apply(item), item));
    return byId;
  }

  /** The scenario. */
  public Scenario scenario() {
    return scenario;
  }

  /** The plan. */
  public Plan plan() {
    return plan;
  }

  /** What the independent plan checker finds wrong with the plan; empty for a sound plan. */
  public List<PlanViolation> violations() {
    return violations;
  }

  /** First FY of the planning horizon. */
  public int firstFiscalYear() {
    return scenario.horizon().firstFiscalYear();
  }

  /** Last FY of the planning horizon. */
  public int lastFiscalYear() {
    return scenario.horizon().lastFiscalYear();
  }

  /** Partners in briefing order: by combatant command, then priority tier (1 first), then name. */
  public List<Partner> partners() {
    List<Partner> sorted = new ArrayList<>(partners.values());
    sorted.sort(
        Comparator.comparing(Partner::combatantCommand)
            .thenComparingInt(Partner::priorityTier)
            .thenComparing(Partner::name)
            .thenComparing(Partner::id));
    return sorted;
  }

  /** The partner with this id. */
  public Partner partner(String id) {
    return partners.get(id);
  }

  /** The security cooperation office with this id, or null. */
  public SecurityCooperationOffice office(String id) {
    return offices.get(id);
  }

  /** The gap with this id. */
  public CapabilityGap gap(String id) {
    return gaps.get(id);
  }

  /** The option with this id. */
  public SolutionOption option(String id) {
    return options.get(id);
  }

  /** The objective (IMO) with this id. */
  public Objective objective(String id) {
    return objectives.get(id);
  }

  /** The line of effort with this id. */
  public LineOfEffort lineOfEffort(String id) {
    return linesOfEffort.get(id);
  }

  /** The end state with this id. */
  public EndState endState(String id) {
    return endStates.get(id);
  }

  /** The program with this id. */
  public Program program(String id) {
    return programs.get(id);
  }

  /** Position of the program in the scenario (0-based), which fixes its colour in charts. */
  public int programIndex(String id) {
    return new ArrayList<>(programs.keySet()).indexOf(id);
  }

  /** The plan's outcome for the gap with this id. */
  public GapOutcome outcome(String gapId) {
    return gapOutcomes.get(gapId);
  }

  /** The partner's gaps in scenario order. */
  public List<CapabilityGap> gaps(String partnerId) {
    return scenario.gaps().stream().filter(g -> g.partnerId().equals(partnerId)).toList();
  }

  /** The objectives the partner's gaps serve, in scenario order. */
  public List<Objective> objectives(String partnerId) {
    Set<String> served = new HashSet<>();
    gaps(partnerId).forEach(g -> served.add(g.objectiveId()));
    return scenario.objectives().stream().filter(o -> served.contains(o.id())).toList();
  }

  /** The partner's funded options under one objective: by start FY, then option id. */
  public List<FundedOption> funded(String partnerId, String objectiveId) {
    return plan.fundedOptions().stream()
        .filter(f -> f.partnerId().equals(partnerId))
        .filter(f -> gap(f.gapId()).objectiveId().equals(objectiveId))
        .sorted(
            Comparator.comparingInt(FundedOption::startFiscalYear)
                .thenComparing(FundedOption::optionId))
        .toList();
  }

  /** The partner's funded options: by start FY, then option id. */
  public List<FundedOption> funded(String partnerId) {
    return plan.fundedOptions().stream()
        .filter(f -> f.partnerId().equals(partnerId))
        .sorted(
            Comparator.comparingInt(FundedOption::startFiscalYear)
                .thenComparing(FundedOption::optionId))
        .toList();
  }

  /** The partner's unfunded options, by option id. */
  public List<UnfundedOption> unfunded(String partnerId) {
    return plan.unfundedOptions().stream().filter(u -> u.partnerId().equals(partnerId)).toList();
  }

  /** Weighted risk at stake in the partner's gaps, in points. */
  public double weightAtStake(String partnerId) {
    return plan.gaps().stream()
        .filter(g -> g.partnerId().equals(partnerId))
        .mapToDouble(GapOutcome::weight)
        .sum();
  }

  /** Weighted risk left in the partner's gaps after the plan, in points. */
  public double residualRisk(String partnerId) {
    return plan.gaps().stream()
        .filter(g -> g.partnerId().equals(partnerId))
        .mapToDouble(GapOutcome::residualRisk)
        .sum();
  }

  /** Residual risk of the partner's gaps under one line of effort, in points. */
  public double residualRisk(String partnerId, String lineOfEffortId) {
    return plan.gaps().stream()
        .filter(g -> g.partnerId().equals(partnerId))
        .filter(
            g -> objective(gap(g.gapId()).objectiveId()).lineOfEffortId().equals(lineOfEffortId))
        .mapToDouble(GapOutcome::residualRisk)
        .sum();
  }

  /** Dollars the plan obligates for the partner over the horizon. */
  public long obligated(String partnerId) {
    return plan.totals().obligationsByPartner().getOrDefault(partnerId, 0L);
  }
}
