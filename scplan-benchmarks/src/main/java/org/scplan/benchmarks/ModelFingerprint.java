package org.scplan.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.CrowdingAnalysis;
import org.scplan.engine.FillPass;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.LagrangianBound;
import org.scplan.engine.Preparation;
import org.scplan.engine.RelaxationGuidedSearch;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.NativeLibraries;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;

/**
 * Fingerprints of everything the engine builds from a scenario, to show that a refactoring of the
 * engine changed none of it: SHA-256 of the CP-SAT model's protocol buffer and of its hint (the
 * greedy plan), of the rule labels, of the greedy choice, of the crowding analysis of every
 * unfunded option and of the fill pass's completed plan, and the Lagrangian relaxation's bounds
 * bit-exact ({@link Double#toHexString}). Deterministic: no solve, no worker threads, no time in
 * any fingerprint; the build times it prints (milliseconds, wall clock, one run) are only a rough
 * comparison on the same machine under the same load.
 *
 * <p>Run: {@code java -cp scplan-benchmarks/target/scplan-benchmarks.jar
 * org.scplan.benchmarks.ModelFingerprint}. Prints one line per scenario: the embedded theater and
 * the generator's {@code theater} and {@code global} presets, seeds 1 and 2.
 */
public final class ModelFingerprint {
  private ModelFingerprint() {}

  /** Prints the fingerprints; no arguments. */
  public static void main(String[] args) {
    NativeLibraries.ensureLoaded();
    List<String> names = new ArrayList<>(List.of("embedded"));
    List<Scenario> scenarios = new ArrayList<>(List.of(NotionalTheater.scenario()));
    for (String preset : List.of("theater", "global")) {
      for (long seed = 1; seed <= 2; seed++) {
        names.add(preset + "-" + seed);
        scenarios.add(ScenarioGenerator.generate(GeneratorConfig.preset(preset, seed)));
      }
    }
    for (int i = 0; i < scenarios.size(); i++) {
      System.out.println(fingerprint(names.get(i), scenarios.get(i)));
    }
  }

  private static String fingerprint(String name, Scenario scenario) {
    AllocationInstance instance = Preparation.prepare(scenario);
    GreedySearch.Result greedy = GreedySearch.run(instance);
    int[] chosen = greedy.chosenCandidate();
    double greedyObjective = GreedySearch.netObjective(instance, greedy.toPlan(instance, 0.0));

    long start = System.nanoTime();
    CpSatModel model = new CpSatModel(instance);
    long buildMillis = (System.nanoTime() - start) / 1_000_000;
    String modelHash = sha(model.proto().toByteArray());
    model.hint(chosen);
    String hintHash = sha(model.proto().getSolutionHint().toByteArray());
    StringBuilder labels = new StringBuilder();
    for (CpSatModel.RuleConstraint rule : model.ruleConstraints()) {
      labels.append(rule.constraintIndex()).append(' ').append(rule.rule()).append('\n');
    }

    start = System.nanoTime();
    LagrangianBound.Search search = LagrangianBound.start(instance, greedyObjective);
    long relaxationSetupMillis = (System.nanoTime() - start) / 1_000_000;
    StringBuilder bounds = new StringBuilder();
    for (int steps : new int[] {1, 10, 100, RelaxationGuidedSearch.ITERATIONS}) {
      search.run(steps, () -> false, bound -> {});
      bounds.append(' ').append(steps).append(':').append(Double.toHexString(search.bound()));
    }
    LagrangianBound.Guidance guidance = search.guidance();
    ByteBuffer profits = ByteBuffer.allocate(8 * LagrangianBound.candidateCount(instance) + 8);
    for (double[] byCandidate : guidance.reducedProfit()) {
      for (double profit : byCandidate) {
        profits.putLong(Double.doubleToRawLongBits(profit));
      }
    }

    CrowdingAnalysis crowding = new CrowdingAnalysis(instance, chosen);
    StringBuilder crowded = new StringBuilder();
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] < 0 && instance.candidates[o].length > 0) {
        CrowdingAnalysis.Result result = crowding.analyse(o);
        crowded.append(o).append(result.cause()).append(result.candidate());
        crowded.append(Double.toHexString(result.marginalGain()));
        for (CrowdingAnalysis.Breach breach : result.breaches()) {
          crowded.append(breach.rule()).append(Double.toHexString(breach.shortfall()));
        }
        crowded.append('\n');
      }
    }
    Plan completed = FillPass.complete(instance, greedy.toPlan(instance, 0.0));

    return String.format(
        Locale.ROOT,
        "%-10s model=%s hint=%s labels=%s greedy=%s crowding=%s fill=%s guidance=%s bounds=%s"
            + " buildMs=%d relaxationSetupMs=%d",
        name,
        modelHash,
        hintHash,
        sha(labels),
        sha(java.util.Arrays.toString(chosen)),
        sha(crowded),
        sha(PlanJson.write(completed)),
        sha(profits.array()),
        bounds.toString().trim(),
        buildMillis,
        relaxationSetupMillis);
  }

  private static String sha(CharSequence text) {
    return sha(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String sha(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
