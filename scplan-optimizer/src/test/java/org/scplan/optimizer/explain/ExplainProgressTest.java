package org.scplan.optimizer.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.explain.PlanExplanation;
import org.scplan.explain.UnfundedExplanation;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.explain.ExplainProgress.Stage;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;

/**
 * The explainer's progress: the first event comes before any solver work, stages arrive in order,
 * re-solves are counted up to the number run, the reasons come before the re-solves, and listening
 * changes nothing in the explanation. Deterministic limits only: nothing here depends on the clock.
 */
class ExplainProgressTest {
  private static final Explainer EXPLAINER =
      Explainer.create(
          ExplainerConfig.builder()
              .stepDollars(1_000_000L)
              .counterfactuals(3)
              .deterministicTimeLimit(5.0)
              .allocator(
                  AllocatorConfig.builder()
                      .workers(1)
                      .seed(0)
                      .timeLimit(Duration.ofSeconds(300))
                      .deterministicTimeLimit(5.0)
                      .build())
              .build());

  /** What a listener saw, in order: explainer events and, as {@code null}, solver events. */
  private static final class Recorder implements ExplainListener {
    final List<ExplainProgress> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onProgress(ExplainProgress progress) {
      events.add(progress);
    }

    @Override
    public void onSolverProgress(ProgressEvent event) {
      events.add(null);
    }
  }

  private static Scenario scenarioWithUnfundedOptions() {
    for (long seed = 1; ; seed++) {
      Scenario scenario = RandomScenarios.tiny(seed);
      Plan greedy = GreedyAllocator.allocate(scenario);
      if (greedy.status().hasPlan()
          && !greedy.fundedOptions().isEmpty()
          && !greedy.unfundedOptions().isEmpty()) {
        return scenario;
      }
    }
  }

  @Test
  void explain_scenario_reportsSolvingFirstThenStagesInOrderUpToDone() {
    Scenario scenario = scenarioWithUnfundedOptions();
    Recorder recorder = new Recorder();

    PlanExplanation explanation = EXPLAINER.explain(scenario, recorder);

    List<ExplainProgress> events = recorder.events;
    // Announced before the solver starts: a command can print it at once.
    assertThat(events.get(0)).isNotNull();
    assertThat(events.get(0).stage()).isEqualTo(Stage.SOLVING);
    assertThat(events).contains((ExplainProgress) null);
    List<ExplainProgress> stages = events.stream().filter(e -> e != null).toList();
    for (int i = 1; i < stages.size(); i++) {
      assertThat(stages.get(i).stage()).isGreaterThanOrEqualTo(stages.get(i - 1).stage());
      assertThat(stages.get(i).solvesDone()).isGreaterThanOrEqualTo(stages.get(i - 1).solvesDone());
    }
    assertThat(stages)
        .allSatisfy(e -> assertThat(e.solvesDone()).isLessThanOrEqualTo(e.solvesPlanned()));
    assertThat(stages).extracting(ExplainProgress::stage).contains(Stage.REASONS, Stage.REFERENCE);
    ExplainProgress done = stages.get(stages.size() - 1);
    assertThat(done.stage()).isEqualTo(Stage.DONE);
    assertThat(done.solvesDone()).isEqualTo(done.solvesPlanned()).isPositive();
    assertThat(explanation.method()).contains("; " + done.solvesDone() + " solves.");
  }

  @Test
  void explain_plan_reasonsComeBeforeAnyReSolve_andMatchTheFinalOnes() {
    Scenario scenario = scenarioWithUnfundedOptions();
    Plan plan = GreedyAllocator.allocate(scenario);
    Recorder recorder = new Recorder();

    PlanExplanation explanation = EXPLAINER.explain(scenario, plan, recorder);

    ExplainProgress reasons = recorder.events.get(0);
    assertThat(reasons.stage()).isEqualTo(Stage.REASONS);
    assertThat(reasons.solvesDone()).isZero();
    assertThat(reasons.secondsLeft()).isEmpty();
    assertThat(reasons.reasons())
        .extracting(UnfundedExplanation::optionId, UnfundedExplanation::code)
        .containsExactlyElementsOf(
            explanation.unfunded().stream()
                .map(u -> org.assertj.core.groups.Tuple.tuple(u.optionId(), u.code()))
                .toList());
    assertThat(recorder.events.subList(1, recorder.events.size()))
        .allSatisfy(e -> assertThat(e.reasons()).isEmpty());
  }

  @Test
  void explain_withOrWithoutListener_sameExplanation() {
    Scenario scenario = scenarioWithUnfundedOptions();
    Plan plan = GreedyAllocator.allocate(scenario);

    PlanExplanation listened = EXPLAINER.explain(scenario, plan, new Recorder());
    PlanExplanation quiet = EXPLAINER.explain(scenario, plan);

    assertThat(listened.text()).isEqualTo(quiet.text());
  }

  @Test
  void secondsLeft_averagePaceTimesSolvesLeft() {
    ExplainProgress progress =
        new ExplainProgress(Stage.MARGINAL_VALUES, 4, 10, 9.0, 8.0, List.of());

    assertThat(progress.secondsLeft()).hasValue(12.0);
  }
}
