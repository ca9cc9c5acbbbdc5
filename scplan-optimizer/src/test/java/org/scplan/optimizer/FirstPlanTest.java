package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.LagrangianBound;
import org.scplan.engine.Preparation;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;

/**
 * The first plan reaches the progress listener before any search (issue 24, item 3): the greedy
 * baseline's, checked, whatever the search then does; and no reported plan is worse than one
 * reported before it. No assertion depends on how fast the machine is.
 */
class FirstPlanTest {

  /** The greedy baseline's plan of {@code scenario} as the allocator scores it, checked. */
  private static double checkedGreedyObjective(Scenario scenario) {
    AllocationInstance instance = Preparation.prepare(scenario);
    Plan greedy = GreedySearch.run(instance).toPlan(instance, 0.0);
    PlanChecker.verify(scenario, greedy);
    return GreedySearch.netObjective(instance, greedy);
  }

  private static List<Double> newPlans(List<ProgressEvent> events) {
    return events.stream()
        .filter(ProgressEvent::newSolution)
        .map(e -> e.objective().orElseThrow())
        .toList();
  }

  @Test
  void allocate_solverStoppedAtOnce_stillReportsTheCheckedGreedyPlanFirst() {
    Scenario theater = NotionalTheater.scenario();
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    Plan plan =
        Allocator.create(
                AllocatorConfig.builder()
                    .timeLimit(Duration.ofSeconds(30))
                    .deterministicTimeLimit(1e-6)
                    .workers(1)
                    .build())
            .allocate(theater, events::add);

    assertThat(events).isNotEmpty();
    ProgressEvent first = events.get(0);
    assertThat(first.newSolution()).isTrue();
    assertThat(first.objective().orElseThrow())
        .isCloseTo(checkedGreedyObjective(theater), within(1e-9));
    assertThat(plan.solver().objective()).isGreaterThanOrEqualTo(first.objective().orElseThrow());
  }

  @Test
  void allocate_reportedPlans_neverFallBelowOneReportedBefore() {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    Plan plan =
        Allocator.create(AllocatorConfig.builder().deterministicTimeLimit(2.0).workers(2).build())
            .allocate(NotionalTheater.scenario(), events::add);

    List<Double> plans = newPlans(events);
    assertThat(plans).hasSizeGreaterThanOrEqualTo(1);
    for (int i = 1; i < plans.size(); i++) {
      assertThat(plans.get(i)).isGreaterThan(plans.get(i - 1));
    }
    // Every event after the first plan carries an objective, and none below the first plan's.
    int firstPlan =
        events.indexOf(
            events.stream().filter(ProgressEvent::newSolution).findFirst().orElseThrow());
    for (ProgressEvent event : events.subList(firstPlan, events.size())) {
      assertThat(event.objective().orElseThrow()).isGreaterThanOrEqualTo(plans.get(0));
    }
    assertThat(plans.get(plans.size() - 1)).isLessThanOrEqualTo(plan.solver().objective() + 1e-3);
    PlanChecker.verify(NotionalTheater.scenario(), plan);
  }

  @Test
  void allocate_largeModelWithWallClockLimit_reportsGreedyPlanFirstAndBuildsNoWholeModel() {
    Scenario large = ScenarioGenerator.generate(GeneratorConfig.preset("theater", 1));
    int candidates = LagrangianBound.candidateCount(Preparation.prepare(large));
    assertThat(candidates).isGreaterThanOrEqualTo(10_000);
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    Plan plan =
        Allocator.create(
                AllocatorConfig.builder().timeLimit(Duration.ofSeconds(10)).workers(2).build())
            .allocate(large, events::add);

    assertThat(events).isNotEmpty();
    assertThat(events.get(0).newSolution()).isTrue();
    assertThat(events.get(0).objective().orElseThrow())
        .isCloseTo(checkedGreedyObjective(large), within(1e-9));
    assertThat(plan.solver().constraints()).isZero();
    assertThat(plan.solver().booleanVariables()).isEqualTo(candidates);
    assertThat(plan.solver().note()).contains("the whole model was not built");
    PlanChecker.verify(large, plan);
  }
}
