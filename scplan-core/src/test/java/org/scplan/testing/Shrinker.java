package org.scplan.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.validation.ScenarioValidator;

/**
 * Reduces a scenario on which a property fails to a minimal one on which it still fails: drops
 * partners (with their gaps and options), gaps (with their options), options, programs,
 * appropriations, balance rules, locked decisions, prerequisites and exclusion groups, and the last
 * fiscal year of the horizon, one at a time, keeping a step only if the scenario stays valid and
 * the property still fails, until no step applies. References to what was dropped are dropped with
 * it, so every candidate is a consistent scenario. The result is 1-minimal: removing any one more
 * thing makes the failure disappear or the scenario invalid.
 */
public final class Shrinker {
  /** Upper bound on property evaluations, so a slow property cannot make shrinking endless. */
  private static final int MOST_ATTEMPTS = 2_000;

  private Shrinker() {}

  /**
   * The smallest scenario reachable from {@code failing} on which {@code fails} still holds.
   *
   * @param fails true when the property fails on the scenario (an exception in it counts as true)
   */
  public static Scenario shrink(Scenario failing, Predicate<Scenario> fails) {
    Scenario current = failing;
    int attempts = 0;
    boolean progress = true;
    while (progress && attempts < MOST_ATTEMPTS) {
      progress = false;
      for (UnaryOperator<Scenario> step : steps(current)) {
        Scenario smaller;
        try {
          smaller = step.apply(current);
        } catch (RuntimeException invalid) {
          continue;
        }
        if (smaller.equals(current) || !ScenarioValidator.problems(smaller).isEmpty()) {
          continue;
        }
        attempts++;
        if (stillFails(fails, smaller)) {
          current = smaller;
          progress = true;
          break;
        }
        if (attempts >= MOST_ATTEMPTS) {
          break;
        }
      }
    }
    return current;
  }

  /**
   * The report of a failing property: its name, the seed, and the shrunk scenario's JSON, which
   * {@code ScenarioJson.read} turns back into the scenario.
   */
  public static String report(String property, long seed, Scenario shrunk) {
    return property
        + " fails for seed "
        + seed
        + "; shrunk to "
        + size(shrunk)
        + ":\n"
        + ScenarioJson.write(shrunk);
  }

  /** "3 options, 2 gaps, ..." for messages. */
  public static String size(Scenario scenario) {
    return scenario.options().size()
        + " options, "
        + scenario.gaps().size()
        + " gaps, "
        + scenario.partners().size()
        + " partners, "
        + scenario.programs().size()
        + " programs, "
        + scenario.horizon().length()
        + " FYs, "
        + scenario.balanceRules().size()
        + " balance rules, "
        + scenario.lockedDecisions().size()
        + " locked decisions";
  }

  private static boolean stillFails(Predicate<Scenario> fails, Scenario scenario) {
    try {
      return fails.test(scenario);
    } catch (RuntimeException | AssertionError e) {
      return true;
    }
  }

  private static List<UnaryOperator<Scenario>> steps(Scenario scenario) {
    List<UnaryOperator<Scenario>> steps = new ArrayList<>();
    for (Partner partner : scenario.partners()) {
      steps.add(s -> withoutPartner(s, partner.id()));
    }
    for (CapabilityGap gap : scenario.gaps()) {
      steps.add(s -> withoutGaps(s, Set.of(gap.id())));
    }
    for (SolutionOption option : scenario.options()) {
      steps.add(s -> withoutOptions(s, Set.of(option.id())));
    }
    for (Program program : scenario.programs()) {
      steps.add(s -> withoutProgram(s, program.id()));
      for (int a = 0; a < program.appropriations().size(); a++) {
        int index = a;
        steps.add(s -> withoutAppropriation(s, program.id(), index));
      }
    }
    for (int r = 0; r < scenario.balanceRules().size(); r++) {
      int index = r;
      steps.add(s -> s.toBuilder().balanceRules(without(s.balanceRules(), index)).build());
    }
    for (int d = 0; d < scenario.lockedDecisions().size(); d++) {
      int index = d;
      steps.add(s -> s.toBuilder().lockedDecisions(without(s.lockedDecisions(), index)).build());
    }
    for (SolutionOption option : scenario.options()) {
      if (!option.prerequisites().isEmpty()) {
        steps.add(
            s ->
                replaceOption(
                    s, option.id(), o -> copy(o, o.programIds(), List.of(), o.exclusionGroup())));
      }
      if (option.exclusionGroup() != null) {
        steps.add(
            s ->
                replaceOption(
                    s, option.id(), o -> copy(o, o.programIds(), o.prerequisites(), null)));
      }
    }
    if (scenario.horizon().length() > 1) {
      steps.add(Shrinker::withoutLastYear);
    }
    return steps;
  }

  private static Scenario withoutPartner(Scenario scenario, String partnerId) {
    Set<String> gaps =
        scenario.gaps().stream()
            .filter(g -> g.partnerId().equals(partnerId))
            .map(CapabilityGap::id)
            .collect(Collectors.toSet());
    Scenario withoutItsGaps = withoutGaps(scenario, gaps);
    return withoutItsGaps.toBuilder()
        .partners(
            withoutItsGaps.partners().stream().filter(p -> !p.id().equals(partnerId)).toList())
        .build();
  }

  private static Scenario withoutGaps(Scenario scenario, Set<String> gapIds) {
    Set<String> options =
        scenario.options().stream()
            .filter(o -> gapIds.contains(o.gapId()))
            .map(SolutionOption::id)
            .collect(Collectors.toSet());
    Scenario withoutItsOptions = withoutOptions(scenario, options);
    return withoutItsOptions.toBuilder()
        .gaps(withoutItsOptions.gaps().stream().filter(g -> !gapIds.contains(g.id())).toList())
        .build();
  }

  private static Scenario withoutOptions(Scenario scenario, Set<String> optionIds) {
    List<SolutionOption> options = new ArrayList<>();
    for (SolutionOption option : scenario.options()) {
      if (!optionIds.contains(option.id())) {
        options.add(
            copy(
                option,
                option.programIds(),
                option.prerequisites().stream()
                    .filter(p -> !optionIds.contains(p.optionId()))
                    .toList(),
                option.exclusionGroup()));
      }
    }
    return scenario.toBuilder()
        .options(options)
        .lockedDecisions(
            scenario.lockedDecisions().stream()
                .filter(d -> !optionIds.contains(d.optionId()))
                .toList())
        .build();
  }

  private static Scenario withoutProgram(Scenario scenario, String programId) {
    List<SolutionOption> options = new ArrayList<>();
    for (SolutionOption option : scenario.options()) {
      List<String> programs =
          option.programIds().stream().filter(p -> !p.equals(programId)).toList();
      if (!option.programIds().isEmpty() && programs.isEmpty()) {
        // The option named only this program: without it the option could use any, so it goes.
        continue;
      }
      options.add(copy(option, programs, option.prerequisites(), option.exclusionGroup()));
    }
    Set<String> kept = options.stream().map(SolutionOption::id).collect(Collectors.toSet());
    Set<String> dropped =
        scenario.options().stream()
            .map(SolutionOption::id)
            .filter(id -> !kept.contains(id))
            .collect(Collectors.toSet());
    Scenario reduced = withoutOptions(scenario, dropped);
    return reduced.toBuilder()
        .options(
            options.stream()
                .map(
                    o ->
                        copy(
                            o,
                            o.programIds(),
                            o.prerequisites().stream()
                                .filter(p -> !dropped.contains(p.optionId()))
                                .toList(),
                            o.exclusionGroup()))
                .toList())
        .programs(reduced.programs().stream().filter(p -> !p.id().equals(programId)).toList())
        .lockedDecisions(
            reduced.lockedDecisions().stream()
                .filter(d -> !d.programId().equals(programId))
                .toList())
        .build();
  }

  private static Scenario withoutAppropriation(Scenario scenario, String programId, int index) {
    return scenario.toBuilder()
        .programs(
            scenario.programs().stream()
                .map(
                    p ->
                        p.id().equals(programId)
                            ? p.toBuilder()
                                .appropriations(without(p.appropriations(), index))
                                .build()
                            : p)
                .toList())
        .build();
  }

  private static Scenario withoutLastYear(Scenario scenario) {
    PlanningHorizon horizon = scenario.horizon();
    return scenario.toBuilder()
        .horizon(new PlanningHorizon(horizon.firstFiscalYear(), horizon.lastFiscalYear() - 1))
        .build();
  }

  private static Scenario replaceOption(
      Scenario scenario, String optionId, UnaryOperator<SolutionOption> change) {
    return scenario.toBuilder()
        .options(
            scenario.options().stream()
                .map(o -> o.id().equals(optionId) ? change.apply(o) : o)
                .toList())
        .build();
  }

  private static SolutionOption copy(
      SolutionOption o,
      List<String> programIds,
      List<org.scplan.scenario.Prerequisite> prerequisites,
      String exclusionGroup) {
    return new SolutionOption(
        o.id(),
        o.gapId(),
        o.name(),
        o.domain(),
        o.activityType(),
        o.closure(),
        o.costProfile(),
        o.leadTimeYears(),
        o.earliestStartFiscalYear(),
        o.latestStartFiscalYear(),
        programIds,
        prerequisites,
        exclusionGroup,
        o.scoWorkloadPersonWeeksPerYear(),
        o.sustainmentCostPerYear(),
        o.providingRisk(),
        o.tags());
  }

  private static <T> List<T> without(List<T> list, int index) {
    List<T> copy = new ArrayList<>(list);
    copy.remove(index);
    return copy;
  }
}
