package org.scplan.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
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
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.plan.Plan;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;

/**
 * Whole allocations on generated scenarios, one solve per measurement: to a fixed time limit, and a
 * what-if re-solve after a 10 % cut of the first program's largest appropriation (built with {@link
 * Scenario#toBuilder()}). The score is the wall time of one allocation, which runs to the limit
 * unless optimality is proven first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class GeneratedSolveBenchmark {
  @Param({"theater", "global"})
  public String preset;

  @Param({"10"})
  public int timeLimitSeconds;

  private Scenario scenario;
  private Scenario cut;
  private Allocator allocator;

  @Setup(Level.Trial)
  public void setUp() {
    NativeLibraries.ensureLoaded();
    scenario = ScenarioGenerator.generate(GeneratorConfig.preset(preset, 1));
    cut = cutLargestAppropriation(scenario, 0.9);
    allocator =
        Allocator.create(
            AllocatorConfig.builder()
                .timeLimit(Duration.ofSeconds(timeLimitSeconds))
                .workers(2)
                .build());
  }

  /** The scenario with the first program's largest appropriation scaled by {@code factor}. */
  static Scenario cutLargestAppropriation(Scenario scenario, double factor) {
    Program first = scenario.programs().get(0);
    List<Appropriation> appropriations = new ArrayList<>(first.appropriations());
    int largest = 0;
    for (int i = 1; i < appropriations.size(); i++) {
      if (appropriations.get(i).amount() > appropriations.get(largest).amount()) {
        largest = i;
      }
    }
    Appropriation old = appropriations.get(largest);
    appropriations.set(
        largest,
        new Appropriation(
            old.fiscalYear(), Math.round(old.amount() * factor), old.yearsAvailable()));
    List<Program> programs = new ArrayList<>(scenario.programs());
    programs.set(0, first.toBuilder().appropriations(appropriations).build());
    return scenario.toBuilder().programs(programs).build();
  }

  /** Validation, greedy hint, model, CP-SAT with 2 workers to the time limit, assembly, check. */
  @Benchmark
  public Plan solveToTimeLimit() {
    return allocator.allocate(scenario);
  }

  /** The what-if: the same allocation after one appropriation is cut by 10 %. */
  @Benchmark
  public Plan whatIfAppropriationCut() {
    return allocator.allocate(cut);
  }
}
