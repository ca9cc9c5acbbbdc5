package org.scplan.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.Preparation;
import org.scplan.examples.NotionalTheater;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;

/**
 * Each stage of allocating the embedded notional theater: validation and valuation, CP-SAT model
 * build, the greedy baseline, the plan check, and the whole solve with two workers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TheaterBenchmark {
  private Scenario scenario;
  private AllocationInstance instance;
  private Plan plan;
  private Allocator allocator;

  @Setup
  public void setUp() {
    NativeLibraries.ensureLoaded();
    scenario = NotionalTheater.scenario();
    instance = Preparation.prepare(scenario);
    allocator =
        Allocator.create(
            AllocatorConfig.builder().timeLimit(Duration.ofSeconds(10)).workers(2).build());
    plan = allocator.allocate(scenario);
  }

  /** Validation, valuation and flattening into model units. */
  @Benchmark
  public AllocationInstance prepare() {
    return Preparation.prepare(scenario);
  }

  /** Building the CP-SAT model from a prepared instance. */
  @Benchmark
  public CpSatModel buildModel() {
    return new CpSatModel(instance);
  }

  /** The greedy baseline on a prepared instance. */
  @Benchmark
  public GreedySearch.Result greedy() {
    return GreedySearch.run(instance);
  }

  /** The independent plan check of the optimal plan. */
  @Benchmark
  public Object checkPlan() {
    return PlanChecker.check(scenario, plan);
  }

  /**
   * The whole allocation: validation, greedy hint, model, CP-SAT with 2 workers, assembly, check.
   */
  @Benchmark
  @Warmup(iterations = 2, time = 1)
  @Measurement(iterations = 5, time = 1)
  public Plan allocate() {
    return allocator.allocate(scenario);
  }
}
