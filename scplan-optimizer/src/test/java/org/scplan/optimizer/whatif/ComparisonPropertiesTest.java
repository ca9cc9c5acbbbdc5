package org.scplan.optimizer.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;
import org.scplan.testing.Shrinker;
import org.scplan.whatif.BudgetCurve;
import org.scplan.whatif.Difference;
import org.scplan.whatif.ScenarioChange;
import org.scplan.whatif.ScenarioDelta;

/**
 * Comparisons on random tiny scenarios at a short deterministic limit (so that many solves stop
 * before proving their optimum): over the (scenario, tightening delta) and (scenario, loosening
 * delta) pairs of {@value #TRIES} seeds (about 210 of each apply; {@value #SLOW_TRIES} more seeds
 * with {@code -Pslow}), the sign of the difference is never wrong, the verdict never contradicts
 * it, and every plan passes the checker; budget curves never fall by more than the lapse penalty of
 * the added money. A failure is shrunk ({@link Shrinker}) and reported with its seed and scenario.
 *
 * <p>The deltas change no-year money, which never lapses, so every plan keeps its net objective in
 * both scenarios and the sign follows from the shared incumbents alone (docs/MODEL.md §8).
 */
class ComparisonPropertiesTest {
  static final int TRIES = 220;
  static final int SLOW_TRIES = 1_000;

  /** The exact objectives of two plans that are the same plan agree to this (points). */
  private static final double SAME = 1e-6;

  private static final Allocator ALLOCATOR =
      Allocator.create(
          AllocatorConfig.builder()
              .timeLimit(Duration.ofSeconds(60))
              .deterministicTimeLimit(0.02)
              .workers(1)
              .seed(11)
              .build());

  private static final AtomicInteger TIGHTENING = new AtomicInteger();
  private static final AtomicInteger LOOSENING = new AtomicInteger();

  static LongStream tries() {
    return LongStream.rangeClosed(1, TRIES);
  }

  static LongStream slowTries() {
    return LongStream.rangeClosed(TRIES + 1, TRIES + SLOW_TRIES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("tries")
  void shiftOfNoYearMoney_neverShowsTheWrongSign(long seed) {
    holds(seed);
  }

  @Tag("slow")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("slowTries")
  void shiftOfNoYearMoney_neverShowsTheWrongSign_onMoreSeeds(long seed) {
    holds(seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("curveTries")
  void budgetCurve_neverFallsByMoreThanTheLapseOfTheAddedMoney(long seed) {
    Scenario scenario = RandomScenarios.tiny(seed);
    BudgetCurve curve = BudgetSweep.run(ALLOCATOR, scenario, 0.5, 1.5, 0.25);
    double penalty = scenario.policy().lapsePenaltyPointsPerMillion();
    for (int i = 1; i < curve.points().size(); i++) {
      BudgetCurve.Point before = curve.points().get(i - 1);
      BudgetCurve.Point after = curve.points().get(i);
      if (before.objective() == null) {
        continue;
      }
      assertThat(after.objective())
          .as("x%s after x%s", after.multiplier(), before.multiplier())
          .isGreaterThanOrEqualTo(
              before.objective()
                  - penalty * (after.appropriated() - before.appropriated()) / 1e6
                  - SAME);
    }
  }

  static LongStream curveTries() {
    return LongStream.rangeClosed(1, 40);
  }

  @AfterAll
  static void summarise() {
    System.out.printf(
        "Comparison properties: %d tightening and %d loosening pairs, 0 wrong signs%n",
        TIGHTENING.get(), LOOSENING.get());
  }

  private static void holds(long seed) {
    Scenario scenario = RandomScenarios.tiny(seed);
    for (boolean tighten : new boolean[] {true, false}) {
      String failure = failure(scenario, seed, tighten);
      if (failure != null) {
        Scenario shrunk = Shrinker.shrink(scenario, s -> failure(s, seed, tighten) != null);
        fail(
            Shrinker.report(tighten ? "tightening" : "loosening", seed, shrunk)
                + "\nFailure on the shrunk scenario: "
                + failure(shrunk, seed, tighten));
      }
    }
  }

  /**
   * Why the comparison of {@code scenario} with no-year money added (the base) and that money cut
   * or raised (the delta) shows the wrong sign or an unchecked plan; null when it holds or does not
   * apply (no program, or a base with no plan).
   */
  private static String failure(Scenario scenario, long seed, boolean tighten) {
    if (scenario.programs().isEmpty()) {
      return null;
    }
    SplittableRandom random = new SplittableRandom(seed * 31 + (tighten ? 1 : 2));
    int index = random.nextInt(scenario.programs().size());
    Program program = scenario.programs().get(index);
    int year = noYearFiscalYear(program, scenario.horizon().firstFiscalYear() - 1);
    long added = 200_000 + random.nextLong(3_000_000);
    Scenario base = withNoYearMoney(scenario, index, year, added);
    long amount =
        base.programs().get(index).appropriations().stream()
            .filter(a -> a.fiscalYear() == year)
            .mapToLong(Appropriation::amount)
            .sum();
    ScenarioChange change =
        tighten
            ? random.nextBoolean()
                ? new ScenarioChange.CutAppropriation(
                    program.id(), year, 1 + random.nextLong(amount))
                : new ScenarioChange.ScaleAppropriation(
                    program.id(), year, random.nextDouble(0.0, 0.9))
            : new ScenarioChange.ScaleAppropriation(program.id(), year, random.nextDouble(1.1, 4));
    WhatIf.Result result;
    try {
      result = WhatIf.run(ALLOCATOR, base, new ScenarioDelta("d", "", List.of(change)));
    } catch (RuntimeException e) {
      return "the comparison threw " + e;
    }
    if (!result.basePlan().status().hasPlan()) {
      return null;
    }
    if (!PlanChecker.check(base, result.basePlan()).isEmpty()
        || !PlanChecker.check(result.applied().scenario(), result.changedPlan()).isEmpty()) {
      return "a plan fails the checker";
    }
    if (!result.changedPlan().status().hasPlan()) {
      return tighten ? null : "the loosened scenario has no plan";
    }
    Difference difference = result.difference();
    boolean wrongSign = tighten ? difference.change() > SAME : difference.change() < -SAME;
    Difference.Verdict wrongVerdict =
        tighten ? Difference.Verdict.INCREASE : Difference.Verdict.DECREASE;
    if (wrongSign || difference.verdict() == wrongVerdict) {
      return String.format(
          "%s by %s: net objective %.6f -> %.6f, interval %s, %s, %d solves",
          tighten ? "tightened" : "loosened",
          change,
          difference.base(),
          difference.changed(),
          difference.interval(),
          difference.words(),
          result.solves());
    }
    (tighten ? TIGHTENING : LOOSENING).incrementAndGet();
    return null;
  }

  /** The first FY at or before {@code from} where the program has no money or no-year money. */
  private static int noYearFiscalYear(Program program, int from) {
    int year = from;
    while (true) {
      int fiscalYear = year;
      boolean expiring =
          program.appropriations().stream()
              .anyMatch(a -> a.fiscalYear() == fiscalYear && !a.noYear());
      if (!expiring) {
        return year;
      }
      year--;
    }
  }

  private static Scenario withNoYearMoney(Scenario scenario, int index, int year, long dollars) {
    Program program = scenario.programs().get(index);
    List<Appropriation> money = new ArrayList<>();
    boolean raised = false;
    for (Appropriation a : program.appropriations()) {
      boolean same = a.fiscalYear() == year;
      money.add(same ? new Appropriation(year, a.amount() + dollars, null) : a);
      raised |= same;
    }
    if (!raised) {
      money.add(new Appropriation(year, dollars, null));
    }
    money.sort(java.util.Comparator.comparingInt(Appropriation::fiscalYear));
    List<Program> programs = new ArrayList<>(scenario.programs());
    programs.set(index, program.toBuilder().appropriations(money).build());
    return scenario.toBuilder().programs(programs).build();
  }
}
