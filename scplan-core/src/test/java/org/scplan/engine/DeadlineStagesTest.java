package org.scplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.time.Deadline;

/**
 * Every core stage answers to its {@link Deadline}: an expired one stops it at its first checkpoint
 * with what it had (a checked plan), and a deadline that expires after a set number of looks (a
 * counting deadline, no clock) stops the relaxation's enumeration, which issue 20 saw run for
 * minutes on a theater of duplicated options without ever looking.
 */
class DeadlineStagesTest {
  @Test
  void greedy_expiredDeadline_returnsACheckedPlanWithNothingFunded() {
    // Generated scenarios have balance maximums only, so an empty plan satisfies every rule.
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(3, 1));
    AllocationInstance instance = Preparation.prepare(scenario);

    GreedySearch.Result result = GreedySearch.run(instance, Deadline.alreadyExpired());

    assertThat(result.found()).isTrue();
    Plan plan = result.toPlan(instance, 0);
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    assertThat(plan.fundedOptions()).isEmpty();
  }

  @Test
  void greedy_expiredDeadlineBeforeTheBalanceMinimums_findsNoPlanAndSaysWhy() {
    AllocationInstance instance = Preparation.prepare(NotionalTheater.scenario());

    GreedySearch.Result result = GreedySearch.run(instance, Deadline.alreadyExpired());

    assertThat(result.found()).isFalse();
    assertThat(result.failure()).startsWith("the time limit was reached before it could meet");
  }

  @Test
  void greedy_deadlineExpiringPartWay_returnsACheckedPartialPlan() {
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(3, 1));
    AllocationInstance instance = Preparation.prepare(scenario);
    int full = GreedySearch.run(instance).toPlan(instance, 0).fundedOptions().size();

    GreedySearch.Result result = GreedySearch.run(instance, afterLooks(60));

    Plan plan = result.toPlan(instance, 0);
    assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    assertThat(plan.fundedOptions().size()).isPositive().isLessThan(full);
  }

  @Test
  void relaxation_expiredDeadline_returnsNoOutcomeAtOnce() {
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(12, 1));
    AllocationInstance instance = Preparation.prepare(scenario);
    GreedySearch.Result greedy = GreedySearch.run(instance);

    assertThat(
            RelaxationGuidedSearch.run(
                instance, greedy, Deadline.alreadyExpired(), Deadline.alreadyExpired()))
        .isNull();
  }

  @Test
  void relaxation_stopExpiringAfterTheSetup_returnsTheGreedyPlanAndAValidBound() {
    Scenario scenario = ScenarioGenerator.generate(GeneratorConfig.ofPartners(12, 1));
    AllocationInstance instance = Preparation.prepare(scenario);
    GreedySearch.Result greedy = GreedySearch.run(instance);
    double greedyObjective = GreedySearch.netObjective(instance, greedy.chosenCandidate());
    // The setup looks twice per option; then about 100 looks for the steps, one before each.
    long allowed = 2L * instance.options.length + 100;
    AtomicLong looks = new AtomicLong();
    Deadline stop = Deadline.none().orWhen(() -> looks.incrementAndGet() > allowed);

    RelaxationGuidedSearch.Outcome outcome =
        RelaxationGuidedSearch.run(instance, greedy, stop, Deadline.none());

    assertThat(outcome).isNotNull();
    assertThat(outcome.search().iterations()).isLessThan(RelaxationGuidedSearch.ITERATIONS);
    assertThat(outcome.objective()).isGreaterThanOrEqualTo(greedyObjective);
    assertThat(outcome.bound()).isGreaterThanOrEqualTo(outcome.objective());
  }

  @Test
  void enumeration_ofManyNearEqualOptions_looksAtTheDeadlineAndStops() {
    Scenario scenario = duplicated(NotionalTheater.scenario());
    AllocationInstance instance = Preparation.prepare(scenario);
    LagrangianBound.Search search = LagrangianBound.start(instance, 0, Deadline.none());
    AtomicLong looks = new AtomicLong();
    long allowed = 50;

    search.run(
        RelaxationGuidedSearch.ITERATIONS,
        Deadline.none().orWhen(() -> looks.incrementAndGet() > allowed),
        bound -> {});

    // One look before each step and one per 4,096 enumeration nodes: a step that enumerates
    // without looking (as before) would need no more than one look per step.
    assertThat(looks.get()).isEqualTo(allowed + 1);
    assertThat(search.iterations()).isLessThan((int) allowed);
  }

  /** Expires at its ({@code count} + 1)-th look, wherever the clock stands. */
  private static Deadline afterLooks(long count) {
    AtomicLong looks = new AtomicLong();
    return Deadline.none().orWhen(() -> looks.incrementAndGet() > count);
  }

  /**
   * {@code scenario} with every option duplicated and 24 more copies of its first option, the
   * hostile input of issue 20.
   */
  static Scenario duplicated(Scenario scenario) {
    List<SolutionOption> options = new ArrayList<>(scenario.options());
    for (SolutionOption option : scenario.options()) {
      options.add(option.withId(option.id() + "-dup"));
    }
    SolutionOption first = scenario.options().get(0);
    for (int copy = 1; copy <= 24; copy++) {
      options.add(first.withId(first.id() + "-copy-" + copy));
    }
    return scenario.toBuilder().options(options).build();
  }
}
