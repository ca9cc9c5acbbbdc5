package org.scplan.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.LagrangianBound;
import org.scplan.engine.Preparation;
import org.scplan.engine.RelaxationGuidedSearch;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.json.ScenarioJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanViolation;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidator;
import org.scplan.valuation.Valuation;

/**
 * The fast stages of allocation on generated scenarios of each preset: JSON parse, validation,
 * valuation, preparation, CP-SAT model build, greedy, the Lagrangian relaxation (the allocator's
 * step count) and the plan check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GeneratedStagesBenchmark {
  @Param({"theater", "global"})
  public String preset;

  private Scenario scenario;
  private String json;
  private AllocationInstance instance;
  private Plan plan;
  private double greedyValue;

  @Setup(Level.Trial)
  public void setUp() {
    NativeLibraries.ensureLoaded();
    scenario = ScenarioGenerator.generate(GeneratorConfig.preset(preset, 1));
    json = ScenarioJson.write(scenario);
    instance = Preparation.prepare(scenario);
    GreedySearch.Result greedy = GreedySearch.run(instance);
    greedyValue = GreedySearch.netObjective(instance, greedy.toPlan(instance, 0.0));
    plan =
        Allocator.create(
                AllocatorConfig.builder().timeLimit(Duration.ofSeconds(5)).workers(2).build())
            .allocate(scenario);
  }

  /** Reading the scenario from JSON text (strict reader, located errors). */
  @Benchmark
  public Scenario parseJson() {
    return ScenarioJson.read(json, "benchmark");
  }

  /** Validation: every located problem. */
  @Benchmark
  public List<Problem> validate() {
    return ScenarioValidator.problems(scenario);
  }

  /** Valuation: gap weights and every option's candidates. */
  @Benchmark
  public Valuation valuation() {
    return Valuation.of(scenario);
  }

  /** Validation, valuation and flattening into model units. */
  @Benchmark
  public AllocationInstance prepare() {
    return Preparation.prepare(scenario);
  }

  /** The CP-SAT model build from a prepared instance. */
  @Benchmark
  public CpSatModel buildModel() {
    return new CpSatModel(instance);
  }

  /** The greedy baseline on a prepared instance. */
  @Benchmark
  public GreedySearch.Result greedy() {
    return GreedySearch.run(instance);
  }

  /**
   * The Lagrangian relaxation: its setup and the allocator's subgradient steps; returns the bound,
   * points.
   */
  @Benchmark
  public double relaxation() {
    return LagrangianBound.compute(instance, greedyValue, RelaxationGuidedSearch.ITERATIONS);
  }

  /** The independent plan check. */
  @Benchmark
  public List<PlanViolation> checkPlan() {
    return PlanChecker.check(scenario, plan);
  }
}
