package org.scplan.whatif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.Copies;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * Re-planning across cycles (docs/MODEL.md §8): a previous plan, the current fiscal year and a
 * stability penalty. Options the previous plan started before the current FY are obligated and
 * become locked decisions; options it planned from the current FY on are kept unless dropping or
 * moving them gains more than {@code stabilityPenaltyPoints} each; nothing new starts before the
 * current FY. Immutable and thread-safe.
 *
 * <p>The optimizer's {@code Allocator.replan} applies the penalty in its objective; {@link
 * #greedy(Scenario)} gives the greedy baseline under the same locks (it has no notion of
 * stability).
 *
 * @param previous the plan of the last cycle
 * @param currentFiscalYear the FY of re-planning, inside the scenario's horizon
 * @param stabilityPenaltyPoints weighted risk points charged per planned option moved or dropped, ≥
 *     0 (0: re-plan freely around the obligated options)
 */
public record Replanning(Plan previous, int currentFiscalYear, double stabilityPenaltyPoints) {

  public Replanning {
    Copies.required(previous, "Replanning", "previous");
    if (!Double.isFinite(stabilityPenaltyPoints) || stabilityPenaltyPoints < 0) {
      throw new IllegalArgumentException(
          "stabilityPenaltyPoints must be a finite number ≥ 0, but was " + stabilityPenaltyPoints);
    }
  }

  /**
   * What to solve: the scenario with the past locked and the planned decisions to prefer.
   *
   * @param scenario the scenario to plan (obligated options locked, earliest starts moved to the
   *     current FY, options that can no longer start removed)
   * @param planned the previous plan's decisions from the current FY on, for options still in the
   *     scenario: keeping each one is worth the stability penalty
   * @param removals options removed because they can no longer start, with the reason
   * @param goneFromScenario previous planned options the scenario no longer has (dropped by force)
   */
  public record Setup(
      Scenario scenario,
      List<FundingDecision> planned,
      List<Removal> removals,
      List<String> goneFromScenario) {
    public Setup {
      Copies.required(scenario, "Replanning.Setup", "scenario");
      planned = Copies.list(planned);
      removals = Copies.list(removals);
      goneFromScenario = Copies.list(goneFromScenario);
    }
  }

  /**
   * Locks the past and bounds new starts in {@code scenario}; the input is not modified.
   *
   * @throws ScenarioValidationException listing every problem at once: the current FY outside the
   *     horizon, an obligated option the scenario no longer has, an obligated option the scenario
   *     locks differently
   */
  public Setup prepare(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    String where = "Re-planning of scenario '" + scenario.id() + "'";
    List<Problem> problems = new ArrayList<>();
    if (!scenario.horizon().contains(currentFiscalYear)) {
      problems.add(
          new Problem(
              where,
              "currentFiscalYear",
              "FY" + currentFiscalYear + " is outside the horizon " + horizonText(scenario),
              "re-plan in a fiscal year of the horizon"));
      throw new ScenarioValidationException(where, problems);
    }
    Map<String, SolutionOption> options = new LinkedHashMap<>();
    scenario.options().forEach(o -> options.put(o.id(), o));
    Map<String, LockedDecision> locks = new LinkedHashMap<>();
    scenario.lockedDecisions().forEach(l -> locks.put(l.optionId(), l));
    List<FundingDecision> planned = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (FundedOption funded : previous.fundedOptions()) {
      boolean obligated = funded.startFiscalYear() < currentFiscalYear;
      String location = "previous plan, funded option '" + funded.optionId() + "'";
      if (!options.containsKey(funded.optionId())) {
        if (obligated) {
          problems.add(
              new Problem(
                  location,
                  "optionId",
                  "the option was obligated in FY"
                      + funded.startFiscalYear()
                      + " but the scenario no longer has it",
                  "put the option back in the scenario: obligated money stays obligated"));
        } else {
          gone.add(funded.optionId());
        }
        continue;
      }
      LockedDecision existing = locks.get(funded.optionId());
      if (existing != null
          && (!existing.programId().equals(funded.programId())
              || existing.startFiscalYear() != funded.startFiscalYear())) {
        if (obligated) {
          problems.add(
              new Problem(
                  location,
                  "programId",
                  "obligated by '"
                      + funded.programId()
                      + "' from FY"
                      + funded.startFiscalYear()
                      + " but the scenario locks it to '"
                      + existing.programId()
                      + "' from FY"
                      + existing.startFiscalYear(),
                  "remove or correct the scenario's locked decision"));
        }
        continue;
      }
      if (obligated) {
        locks.putIfAbsent(
            funded.optionId(),
            new LockedDecision(
                funded.optionId(),
                funded.programId(),
                funded.startFiscalYear(),
                "obligated FY" + funded.startFiscalYear() + " (previous plan)"));
      } else if (existing == null) {
        planned.add(
            new FundingDecision(funded.optionId(), funded.programId(), funded.startFiscalYear()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(where, problems);
    }

    // Options whose start window closed before the current FY can no longer be funded, nor can
    // anything that waits for one of them; they are removed and reported rather than left with a
    // start window the past has made empty.
    Set<String> expired = new LinkedHashSet<>();
    Map<String, String> because = new HashMap<>();
    for (SolutionOption option : scenario.options()) {
      if (!locks.containsKey(option.id())
          && option.latestStartFiscalYear() != null
          && option.latestStartFiscalYear() < currentFiscalYear) {
        expired.add(option.id());
        because.put(
            option.id(),
            "its start window closed in FY"
                + option.latestStartFiscalYear()
                + ", before the current FY"
                + currentFiscalYear
                + ", and it was not obligated");
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (SolutionOption option : scenario.options()) {
        if (expired.contains(option.id()) || locks.containsKey(option.id())) {
          continue;
        }
        for (Prerequisite prerequisite : option.prerequisites()) {
          if (expired.contains(prerequisite.optionId())) {
            expired.add(option.id());
            because.put(
                option.id(),
                "its prerequisite '" + prerequisite.optionId() + "' can no longer be funded");
            grew = true;
            break;
          }
        }
      }
    }
    List<Removal> removals = new ArrayList<>();
    List<SolutionOption> kept = new ArrayList<>();
    for (SolutionOption option : scenario.options()) {
      if (expired.contains(option.id())) {
        removals.add(new Removal("option", option.id(), because.get(option.id())));
        continue;
      }
      Integer earliest = option.earliestStartFiscalYear();
      boolean bounded =
          !locks.containsKey(option.id())
              && (earliest == null ? scenario.horizon().firstFiscalYear() : earliest)
                  < currentFiscalYear;
      kept.add(
          bounded
              ? option.toBuilder()
                  .startWindow(currentFiscalYear, option.latestStartFiscalYear())
                  .build()
              : option);
    }
    planned.removeIf(decision -> expired.contains(decision.optionId()));
    Scenario replanned =
        scenario.toBuilder().options(kept).lockedDecisions(List.copyOf(locks.values())).build();
    return new Setup(replanned, planned, removals, gone);
  }

  /**
   * The greedy baseline under the same locks: {@link #prepare} then {@link
   * GreedyAllocator#allocate}, with the churn against the previous plan.
   *
   * @throws ScenarioValidationException as {@link #prepare} does, or if the re-planned scenario is
   *     invalid
   */
  public ReplanOutcome greedy(Scenario scenario) {
    Setup setup = prepare(scenario);
    Plan plan = GreedyAllocator.allocate(setup.scenario());
    return new ReplanOutcome(
        setup.scenario(),
        plan,
        Churn.between(previous, plan, currentFiscalYear),
        setup.removals(),
        stabilityPenaltyPoints);
  }

  private static String horizonText(Scenario scenario) {
    return "FY"
        + scenario.horizon().firstFiscalYear()
        + "–FY"
        + scenario.horizon().lastFiscalYear();
  }
}
