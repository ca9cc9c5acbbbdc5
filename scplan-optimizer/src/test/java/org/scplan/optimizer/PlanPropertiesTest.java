package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.plan.AppropriationDraw;
import org.scplan.plan.AppropriationUse;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.testing.RandomScenarios;
import org.scplan.testing.Shrinker;
import org.scplan.validation.ScenarioValidator;

/**
 * Seeded properties of plans on random tiny scenarios ({@link RandomScenarios#tiny(long)}), where
 * the optimizer proves optimality. Each property runs on {@value #TRIES} seeds in the default run
 * and on {@value #SLOW_TRIES} in the slow profile ({@code -Pslow}). A failing property is shrunk by
 * {@link Shrinker} to a minimal scenario, reported with its seed and JSON.
 */
class PlanPropertiesTest {
  static final int TRIES = 60;
  static final int SLOW_TRIES = 1_000;

  /** Per option, values are rounded to 1e-5 points in the model: 8 options, both directions. */
  private static final double VALUE_ROUNDING = 2e-4;

  private static final Allocator ALLOCATOR =
      Allocator.create(
          // Properties compare OPTIMAL plans: a deterministic limit, with the wall clock only a
          // safety net, so that a loaded machine cannot change where a solve stops.
          AllocatorConfig.builder()
              .timeLimit(Duration.ofHours(1))
              .deterministicTimeLimit(20.0)
              .workers(1)
              .seed(7)
              .build());

  private static final Map<Property, AtomicLong> TRIED = new EnumMap<>(Property.class);

  static {
    for (Property property : Property.values()) {
      TRIED.put(property, new AtomicLong());
    }
  }

  /** The properties; each throws an {@link AssertionError} when it does not hold. */
  enum Property {
    OPTIMIZER_PLAN_PASSES_CHECKER(s -> assertThat(PlanChecker.check(s, optimize(s))).isEmpty()),
    GREEDY_PLAN_PASSES_CHECKER(
        s -> assertThat(PlanChecker.check(s, GreedyAllocator.allocate(s))).isEmpty()),
    OPTIMIZER_AT_LEAST_GREEDY(
        s -> {
          Plan greedy = GreedyAllocator.allocate(s);
          Plan optimized = optimize(s);
          if (greedy.status().hasPlan()) {
            assertThat(optimized.status().hasPlan()).isTrue();
            assertThat(net(s, optimized)).isGreaterThanOrEqualTo(net(s, greedy) - 1e-9);
          }
        }),
    MORE_MONEY_NEVER_LOWERS_THE_OPTIMUM(
        s -> {
          // Added no-year money cannot lapse, so every plan keeps its objective and the optimum
          // cannot fall.
          if (s.programs().isEmpty()) {
            return;
          }
          Program first = s.programs().get(0);
          int year = s.horizon().firstFiscalYear();
          List<Appropriation> richer = new ArrayList<>();
          boolean raised = false;
          for (Appropriation a : first.appropriations()) {
            boolean same = a.fiscalYear() == year && a.yearsAvailable() == null;
            richer.add(same ? new Appropriation(year, a.amount() + 500_000, null) : a);
            raised |= same;
          }
          if (!raised) {
            richer.add(new Appropriation(year, 500_000, null));
          }
          Scenario more =
              s.toBuilder().programs(replace(s.programs(), 0, withMoney(first, richer))).build();
          assertNotWorse(s, more);
        }),
    FEWER_RULES_NEVER_LOWER_THE_OPTIMUM(
        s ->
            assertNotWorse(
                s, s.toBuilder().balanceRules(List.of()).lockedDecisions(List.of()).build())),
    REORDERING_ENTITIES_CHANGES_NOTHING(
        s -> {
          Scenario reordered =
              s.toBuilder()
                  .options(reversed(s.options()))
                  .gaps(reversed(s.gaps()))
                  .partners(reversed(s.partners()))
                  .programs(reversed(s.programs()))
                  .build();
          assertSameOptimum(s, reordered);
        }),
    RENAMING_OPTIONS_CHANGES_NOTHING(s -> assertSameOptimum(s, renameOptions(s))),
    SCENARIO_JSON_ROUND_TRIP_IS_IDENTITY(
        s -> assertThat(ScenarioJson.read(ScenarioJson.write(s), "round-trip.json")).isEqualTo(s)),
    PLAN_JSON_ROUND_TRIP_IS_IDENTITY(
        s -> {
          for (Plan plan : List.of(optimize(s), GreedyAllocator.allocate(s))) {
            assertThat(PlanJson.read(PlanJson.write(plan), "plan.json")).isEqualTo(plan);
          }
        }),
    NO_OBLIGATION_OUTSIDE_AVAILABILITY(
        s -> {
          for (FundedOption funded : optimize(s).fundedOptions()) {
            Program program = program(s, funded.programId());
            for (AppropriationDraw draw : funded.draws()) {
              Appropriation appropriation =
                  program.appropriations().stream()
                      .filter(a -> a.fiscalYear() == draw.appropriationFiscalYear())
                      .findFirst()
                      .orElseThrow();
              assertThat(draw.obligationFiscalYear())
                  .isBetween(appropriation.fiscalYear(), appropriation.lastAvailableFiscalYear());
            }
          }
        }),
    LAPSED_PLUS_OBLIGATED_EQUALS_APPROPRIATED(
        s -> {
          for (AppropriationUse use : optimize(s).appropriations()) {
            assertThat(use.obligated()).isBetween(0L, use.amount());
            assertThat(use.obligated() + use.lapsed() + use.availableAfterHorizon())
                .isEqualTo(use.amount());
            assertThat(use.lapsed() == 0 || use.availableAfterHorizon() == 0).isTrue();
          }
        }),
    PREREQUISITES_AND_EXCLUSION_GROUPS_HOLD(
        s -> {
          Plan plan = optimize(s);
          Map<String, FundedOption> funded =
              plan.fundedOptions().stream()
                  .collect(Collectors.toMap(FundedOption::optionId, f -> f));
          Map<String, Long> perGroup = new HashMap<>();
          for (SolutionOption option : s.options()) {
            FundedOption chosen = funded.get(option.id());
            if (chosen == null) {
              continue;
            }
            for (Prerequisite prerequisite : option.prerequisites()) {
              FundedOption before = funded.get(prerequisite.optionId());
              assertThat(before).as(option.id() + " needs " + prerequisite.optionId()).isNotNull();
              assertThat(chosen.startFiscalYear())
                  .isGreaterThanOrEqualTo(before.startFiscalYear() + prerequisite.lagYears());
            }
            if (option.exclusionGroup() != null) {
              perGroup.merge(option.exclusionGroup(), 1L, Long::sum);
            }
          }
          assertThat(perGroup.values()).allMatch(count -> count <= 1);
        }),
    LOCKED_DECISIONS_KEPT(
        s -> {
          Plan plan = optimize(s);
          if (!plan.status().hasPlan()) {
            return;
          }
          for (LockedDecision lock : s.lockedDecisions()) {
            FundedOption funded = plan.funded(lock.optionId()).orElseThrow();
            assertThat(funded.programId()).isEqualTo(lock.programId());
            assertThat(funded.startFiscalYear()).isEqualTo(lock.startFiscalYear());
            assertThat(funded.locked()).isTrue();
          }
        }),
    EVERY_OPTION_EXACTLY_ONCE(
        s -> {
          for (Plan plan : List.of(optimize(s), GreedyAllocator.allocate(s))) {
            List<String> ids = new ArrayList<>();
            plan.fundedOptions().forEach(f -> ids.add(f.optionId()));
            plan.unfundedOptions().stream().map(UnfundedOption::optionId).forEach(ids::add);
            assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(
                    s.options().stream().map(SolutionOption::id).toList());
          }
        }),
    SAME_SEED_ONE_WORKER_SAME_BYTES(
        s -> {
          Plan first = ALLOCATOR.allocate(s).withoutTimings();
          Plan second = ALLOCATOR.allocate(s).withoutTimings();
          assertThat(PlanJson.write(second)).isEqualTo(PlanJson.write(first));
        }),
    INPUT_NEVER_MUTATED(
        s -> {
          String before = ScenarioJson.write(s);
          Plan plan = ALLOCATOR.allocate(s);
          PlanChecker.check(s, GreedyAllocator.allocate(s));
          PlanChecker.check(s, plan);
          assertThat(ScenarioJson.write(s)).isEqualTo(before);
        }),
    VALIDATION_REJECTS_PLANTED_CORRUPTION(
        s -> {
          for (Scenario corrupted : corruptions(s)) {
            assertThat(ScenarioValidator.problems(corrupted))
                .as(Shrinker.size(corrupted))
                .isNotEmpty();
          }
        });

    private final Consumer<Scenario> check;

    Property(Consumer<Scenario> check) {
      this.check = check;
    }

    void check(Scenario scenario) {
      check.accept(scenario);
    }

    boolean fails(Scenario scenario) {
      return failure(scenario) != null;
    }

    /** Why the property fails on {@code scenario}, or null if it holds. */
    Throwable failure(Scenario scenario) {
      try {
        check(scenario);
        return null;
      } catch (AssertionError | RuntimeException e) {
        return e;
      }
    }
  }

  /** Optimizer plans by scenario: several properties look at the same plan. */
  private static final Map<Scenario, Plan> OPTIMIZED = new ConcurrentHashMap<>();

  static Stream<Arguments> tries() {
    return runs(1, TRIES);
  }

  static Stream<Arguments> slowTries() {
    return runs(TRIES + 1, SLOW_TRIES);
  }

  private static Stream<Arguments> runs(long firstSeed, int count) {
    return Stream.of(Property.values())
        .flatMap(
            p ->
                LongStream.range(firstSeed, firstSeed + count)
                    .mapToObj(seed -> Arguments.of(p, seed)));
  }

  @AfterAll
  static void summarise() {
    long total = TRIED.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf(
        "Plan properties: %d properties, %d tries in all, 0 failures%n",
        Property.values().length, total);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("tries")
  void property_holds(Property property, long seed) {
    holds(property, seed);
  }

  @Tag("slow")
  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("slowTries")
  void property_holdsOnMoreSeeds(Property property, long seed) {
    holds(property, seed);
  }

  private static void holds(Property property, long seed) {
    Scenario scenario = RandomScenarios.tiny(seed);
    Throwable original = property.failure(scenario);
    if (original != null) {
      // Shrink only while it fails the same way, so that a smaller scenario failing for another
      // reason (an edge case of the property itself) does not take over.
      Scenario shrunk =
          Shrinker.shrink(
              scenario,
              s -> {
                Throwable failure = property.failure(s);
                return failure != null && failure.getClass() == original.getClass();
              });
      fail(
          Shrinker.report(property.name(), seed, shrunk)
              + "\nFailure on the shrunk scenario: "
              + property.failure(shrunk));
    }
    TRIED.get(property).incrementAndGet();
  }

  static Plan optimize(Scenario scenario) {
    return OPTIMIZED.computeIfAbsent(scenario, ALLOCATOR::allocate);
  }

  static double net(Scenario scenario, Plan plan) {
    return plan.riskReduced()
        - scenario.policy().lapsePenaltyPointsPerMillion() * plan.totals().totalLapsed() / 1e6;
  }

  /** The relaxed scenario's optimum is at least the original's, when both are proven. */
  private static void assertNotWorse(Scenario original, Scenario relaxed) {
    Plan before = optimize(original);
    Plan after = optimize(relaxed);
    if (before.status() == PlanStatus.OPTIMAL) {
      assertThat(after.status()).isEqualTo(PlanStatus.OPTIMAL);
      assertThat(net(relaxed, after))
          .isGreaterThanOrEqualTo(net(original, before) - VALUE_ROUNDING);
    }
  }

  private static void assertSameOptimum(Scenario original, Scenario variant) {
    Plan before = optimize(original);
    Plan after = optimize(variant);
    assertThat(after.status()).isEqualTo(before.status());
    if (before.status().hasPlan()) {
      assertThat(net(variant, after)).isCloseTo(net(original, before), within());
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(VALUE_ROUNDING);
  }

  private static Program program(Scenario scenario, String id) {
    return scenario.programs().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static Program withMoney(Program p, List<Appropriation> appropriations) {
    return p.toBuilder().appropriations(appropriations).build();
  }

  private static <T> List<T> replace(List<T> list, int index, T element) {
    List<T> copy = new ArrayList<>(list);
    copy.set(index, element);
    return copy;
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  /** Every option id prefixed, with prerequisites and locked decisions following. */
  private static Scenario renameOptions(Scenario s) {
    List<SolutionOption> options = new ArrayList<>();
    for (SolutionOption o : s.options()) {
      SolutionOption.Builder renamed =
          SolutionOption.builder("renamed-" + o.id(), o.gapId())
              .name(o.name())
              .domain(o.domain())
              .activityType(o.activityType())
              .closure(o.closure())
              .costProfile(o.costProfile().stream().mapToLong(Long::longValue).toArray())
              .leadTimeYears(o.leadTimeYears())
              .startWindow(o.earliestStartFiscalYear(), o.latestStartFiscalYear())
              .programIds(o.programIds().toArray(String[]::new))
              .exclusionGroup(o.exclusionGroup())
              .scoWorkloadPersonWeeksPerYear(o.scoWorkloadPersonWeeksPerYear())
              .sustainmentCostPerYear(o.sustainmentCostPerYear())
              .providingRisk(o.providingRisk())
              .tags(o.tags().toArray(String[]::new));
      for (Prerequisite p : o.prerequisites()) {
        renamed.prerequisite("renamed-" + p.optionId(), p.lagYears());
      }
      options.add(renamed.build());
    }
    return s.toBuilder()
        .options(options)
        .lockedDecisions(
            s.lockedDecisions().stream()
                .map(
                    d ->
                        new LockedDecision(
                            "renamed-" + d.optionId(),
                            d.programId(),
                            d.startFiscalYear(),
                            d.note()))
                .toList())
        .build();
  }

  /** Scenarios each with one planted mistake that validation must report. */
  private static List<Scenario> corruptions(Scenario s) {
    if (s.options().isEmpty() || s.programs().isEmpty()) {
      return List.of();
    }
    SplittableRandom random = new SplittableRandom(s.id().hashCode());
    SolutionOption option = s.options().get(random.nextInt(s.options().size()));
    int index = s.options().indexOf(option);
    Program program = s.programs().get(random.nextInt(s.programs().size()));
    List<Scenario> corrupted = new ArrayList<>();
    corrupted.add(
        s.toBuilder()
            .options(replace(s.options(), index, option.toBuilder().closure(1.5).build()))
            .build());
    corrupted.add(
        s.toBuilder()
            .options(
                replace(
                    s.options(),
                    index,
                    new SolutionOption(
                        option.id(),
                        "no-such-gap",
                        option.name(),
                        option.domain(),
                        option.activityType(),
                        option.closure(),
                        option.costProfile(),
                        option.leadTimeYears(),
                        option.earliestStartFiscalYear(),
                        option.latestStartFiscalYear(),
                        option.programIds(),
                        option.prerequisites(),
                        option.exclusionGroup(),
                        option.scoWorkloadPersonWeeksPerYear(),
                        option.sustainmentCostPerYear(),
                        option.providingRisk(),
                        option.tags())))
            .build());
    List<SolutionOption> duplicated = new ArrayList<>(s.options());
    duplicated.add(option);
    corrupted.add(s.toBuilder().options(duplicated).build());
    List<Appropriation> negative = new ArrayList<>(program.appropriations());
    negative.add(new Appropriation(s.horizon().firstFiscalYear() + 5, -1_000, 1));
    corrupted.add(
        s.toBuilder()
            .programs(
                replace(s.programs(), s.programs().indexOf(program), withMoney(program, negative)))
            .build());
    corrupted.add(
        s.toBuilder()
            .options(
                replace(
                    s.options(), index, option.toBuilder().prerequisite(option.id(), 0).build()))
            .build());
    corrupted.add(
        s.toBuilder()
            .lockedDecision(
                new LockedDecision(
                    option.id(), "no-such-program", s.horizon().firstFiscalYear(), ""))
            .build());
    return corrupted;
  }
}
