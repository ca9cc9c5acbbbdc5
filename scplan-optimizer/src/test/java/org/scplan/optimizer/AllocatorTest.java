package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Scenario;
import org.scplan.validation.ScenarioValidationException;
import org.scplan.valuation.ReasonCode;

class AllocatorTest {
  // A deterministic limit, not a wall-clock one: on a loaded build machine a 3 s wall limit ran
  // out before CP-SAT reported any plan. The wall limit is only a safety net.
  private static final Allocator ALLOCATOR =
      Allocator.create(
          AllocatorConfig.builder()
              .timeLimit(Duration.ofMinutes(10))
              .deterministicTimeLimit(2.0)
              .workers(2)
              .build());

  @Test
  void allocate_lockedDecisions_areKeptAndFlagged() {
    Scenario theater = NotionalTheater.scenario();

    Plan plan = ALLOCATOR.allocate(theater);

    assertThat(theater.lockedDecisions()).isNotEmpty();
    for (LockedDecision lock : theater.lockedDecisions()) {
      FundedOption funded = plan.funded(lock.optionId()).orElseThrow();
      assertThat(funded.programId()).isEqualTo(lock.programId());
      assertThat(funded.startFiscalYear()).isEqualTo(lock.startFiscalYear());
      assertThat(funded.locked()).isTrue();
    }
  }

  @Test
  void allocate_lockedDecisionsBreakingAbsorptiveCapacity_isInfeasibleAndSaysWhy() {
    Scenario theater = NotionalTheater.scenario();
    LockedDecision lock = theater.lockedDecisions().get(0);
    String partnerId =
        theater.gaps().stream()
            .filter(
                g ->
                    g.id()
                        .equals(
                            theater.options().stream()
                                .filter(o -> o.id().equals(lock.optionId()))
                                .findFirst()
                                .orElseThrow()
                                .gapId()))
            .findFirst()
            .orElseThrow()
            .partnerId();
    Scenario starved =
        theater.toBuilder()
            .partners(
                theater.partners().stream()
                    .map(p -> p.id().equals(partnerId) ? withAbsorptiveCapacity(p, 1_000L) : p)
                    .toList())
            .build();

    Plan plan = ALLOCATOR.allocate(starved);

    assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
    assertThat(plan.fundedOptions()).isEmpty();
    assertThat(plan.unfundedOptions()).hasSize(starved.options().size());
    assertThat(plan.unfundedOptions())
        .allSatisfy(u -> assertThat(u.reason().code()).isEqualTo(ReasonCode.NO_PLAN));
    assertThat(plan.unfundedOptions().get(0).reason().detail()).contains("locked decisions");
    assertThat(PlanChecker.check(starved, plan)).isEmpty();
  }

  @Test
  void allocate_lockThatCannotHold_isRejectedNamingTheLock() {
    Scenario theater = NotionalTheater.scenario();
    LockedDecision lock = theater.lockedDecisions().get(0);
    Scenario impossible =
        theater.toBuilder()
            .lockedDecisions(
                List.of(
                    new LockedDecision(lock.optionId(), lock.programId(), 2031, "typo in the FY")))
            .build();

    ScenarioValidationException thrown =
        catchThrowableOfType(
            ScenarioValidationException.class, () -> ALLOCATOR.allocate(impossible));

    assertThat(thrown.problems()).hasSize(1);
    assertThat(thrown.problems().get(0).location())
        .isEqualTo("LockedDecision for option '" + lock.optionId() + "'");
    assertThat(thrown.problems().get(0).message()).contains(lock.programId()).contains("FY2031");
  }

  @Test
  void allocate_invalidScenario_listsEveryProblemBeforeSolving() {
    Scenario theater = NotionalTheater.scenario();
    Partner first = theater.partners().get(0);
    Scenario broken =
        theater.toBuilder()
            .partners(
                List.of(
                    new Partner(
                        first.id(),
                        first.name(),
                        first.combatantCommand(),
                        first.priorityTier(),
                        1.4,
                        first.desireByRole(),
                        -5L,
                        first.sustainmentBudgetPerYear(),
                        first.vettingStatus(),
                        first.scoId())))
            .build();

    ScenarioValidationException thrown =
        catchThrowableOfType(ScenarioValidationException.class, () -> ALLOCATOR.allocate(broken));

    assertThat(thrown.problems())
        .extracting(p -> p.field())
        .contains("propensity", "absorptiveCapacityPerYear");
    assertThat(thrown.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("partnerId"));
  }

  @Test
  void allocate_withListener_reportsNewPlansWithObjectiveAndBound() {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    Plan plan = ALLOCATOR.allocate(NotionalTheater.scenario(), events::add);

    assertThat(events).anySatisfy(e -> assertThat(e.newSolution()).isTrue());
    ProgressEvent lastPlan =
        events.stream().filter(ProgressEvent::newSolution).reduce((a, b) -> b).orElseThrow();
    assertThat(lastPlan.objective()).isPresent();
    assertThat(lastPlan.objective().getAsDouble())
        .isLessThanOrEqualTo(lastPlan.bestBound().orElseThrow() + 1e-9);
    // The solver's incumbent objective can understate its plan, never overstate it (to rounding).
    assertThat(lastPlan.objective().getAsDouble())
        .isLessThanOrEqualTo(plan.solver().objective() + 1e-3);
    assertThat(events).allSatisfy(e -> assertThat(e.elapsedSeconds()).isNotNegative());
  }

  @Test
  void allocate_listenerThatThrows_doesNotStopTheSolve() {
    Plan plan =
        ALLOCATOR.allocate(
            NotionalTheater.scenario(),
            event -> {
              throw new IllegalStateException("listener bug");
            });

    assertThat(plan.status()).isIn(PlanStatus.OPTIMAL, PlanStatus.FEASIBLE);
  }

  /**
   * An Error thrown by a listener inside CP-SAT's callbacks (solution or search log) used to reach
   * native code and abort the JVM (Swig::DirectorException); now it stops the search and comes out
   * of allocate as itself, and the next solve in the same JVM works.
   */
  @Test
  void allocate_listenerThatThrowsAnError_surfacesAsThatErrorNotAJvmAbort() {
    for (boolean onNewPlan : new boolean[] {true, false}) {
      AssertionError bug = new AssertionError("listener bug");
      AtomicInteger calls = new AtomicInteger();

      Throwable thrown =
          catchThrowable(
              () ->
                  ALLOCATOR.allocate(
                      NotionalTheater.scenario(),
                      event -> {
                        if (event.newSolution() == onNewPlan) {
                          calls.incrementAndGet();
                          throw bug;
                        }
                      }));

      assertThat(thrown).isSameAs(bug);
      // The first failure stops the search and later callbacks skip the listener: at most one call
      // per CP-SAT worker that was inside a callback at that moment.
      assertThat(calls.get()).isBetween(1, 2);
    }
    assertThat(ALLOCATOR.allocate(NotionalTheater.scenario()).status())
        .isIn(PlanStatus.OPTIMAL, PlanStatus.FEASIBLE);
  }

  @Test
  void allocate_solverStoppedBeforeAnyPlan_returnsGreedyPlanSayingSo() {
    Scenario theater = NotionalTheater.scenario();
    Allocator stoppedAtOnce =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofSeconds(30))
                .deterministicTimeLimit(1e-6)
                .workers(1)
                .build());

    Plan plan = stoppedAtOnce.allocate(theater);
    Plan greedy = org.scplan.greedy.GreedyAllocator.allocate(theater);

    assertThat(plan.status()).isEqualTo(PlanStatus.FEASIBLE);
    assertThat(plan.fundedOptions()).isEqualTo(greedy.fundedOptions());
    assertThat(plan.solver().note()).contains("greedy baseline's plan");
    assertThat(plan.solver().engine()).startsWith("cp-sat 9.");
    if (plan.solver().bestBound() != null) {
      assertThat(plan.solver().bestBound()).isGreaterThanOrEqualTo(plan.solver().objective());
    } else {
      assertThat(plan.solver().relativeGap()).isNull();
    }
    assertThat(PlanChecker.check(theater, plan)).isEmpty();
  }

  @Test
  void config_outOfRangeValues_areRejectedNamingTheField() {
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class, () -> AllocatorConfig.builder().workers(0).build()))
        .hasMessageContaining("workers")
        .hasMessageContaining("0");
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () -> AllocatorConfig.builder().timeLimit(Duration.ZERO).build()))
        .hasMessageContaining("timeLimit");
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () -> AllocatorConfig.builder().relativeGapLimit(1.5).build()))
        .hasMessageContaining("relativeGapLimit")
        .hasMessageContaining("1.5");
  }

  private static Partner withAbsorptiveCapacity(Partner p, Long dollars) {
    return new Partner(
        p.id(),
        p.name(),
        p.combatantCommand(),
        p.priorityTier(),
        p.propensity(),
        p.desireByRole(),
        dollars,
        p.sustainmentBudgetPerYear(),
        p.vettingStatus(),
        p.scoId());
  }
}
