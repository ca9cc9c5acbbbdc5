package org.scplan.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scplan.examples.NotionalTheater;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;

/**
 * Measures how far {@code scplan solve --time-limit T} overshoots T, end to end as a user sees it
 * (JVM start, reading the scenario, every stage of the solve, the plan check and the written plan),
 * across scenario sizes up to 100,000 options and the hostile theater of issue 20 (every option of
 * the notional theater duplicated plus 24 copies of one option). Each run is a new process of the
 * command-line jar, one worker; it prints per case and limit the wall time, the overshoot (wall
 * time − T, seconds) against the allowance max(1 s, 10 % of T), the exit code and the plan's status
 * line.
 *
 * <p>Run (after {@code ./mvnw -B -ntp -DskipTests package}): {@code java -cp
 * scplan-benchmarks/target/scplan-benchmarks.jar org.scplan.benchmarks.DeadlineHarness
 * scplan-cli/target/scplan.jar [limit seconds ...]} (default limits 3 and 10).
 */
public final class DeadlineHarness {
  private DeadlineHarness() {}

  /** Runs the harness and prints one line per case and limit. */
  public static void main(String[] arguments) throws IOException, InterruptedException {
    if (arguments.length < 1) {
      System.err.println("Usage: DeadlineHarness SCPLAN_JAR [LIMIT_SECONDS ...]");
      System.exit(2);
    }
    Path jar = Path.of(arguments[0]);
    List<Double> limits = new ArrayList<>();
    for (int i = 1; i < arguments.length; i++) {
      limits.add(Double.parseDouble(arguments[i]));
    }
    if (limits.isEmpty()) {
      limits = List.of(3.0, 10.0);
    }
    Path folder = Files.createTempDirectory("scplan-deadline");
    Map<String, Path> cases = new LinkedHashMap<>();
    cases.put("notional", write(folder, "notional", NotionalTheater.scenario()));
    cases.put("duplicated", write(folder, "duplicated", duplicated(NotionalTheater.scenario())));
    cases.put("theater", write(folder, "theater", generated(GeneratorConfig.theater(1))));
    cases.put("global", write(folder, "global", generated(GeneratorConfig.global(1))));
    cases.put("xl", write(folder, "xl", generated(GeneratorConfig.xl(1))));
    cases.put("100k", write(folder, "100k", generated(GeneratorConfig.ofPartners(2_600, 1))));
    System.out.printf(
        Locale.ROOT,
        "%-11s %-8s %-8s %-8s %-8s %-8s %-5s %s%n",
        "case",
        "options",
        "limit s",
        "wall s",
        "over s",
        "allowed",
        "exit",
        "result");
    double worst = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Path> entry : cases.entrySet()) {
      int options = ScenarioJson.read(entry.getValue()).options().size();
      for (double limit : limits) {
        Path plan = folder.resolve(entry.getKey() + "-plan.json");
        Files.deleteIfExists(plan);
        ProcessBuilder builder =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "solve",
                    entry.getValue().toString(),
                    "--time-limit",
                    Math.round(limit * 1000) + "ms",
                    "--workers",
                    "1",
                    "--quiet",
                    "--out",
                    plan.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        double over = wall - limit;
        double allowed = Math.max(1.0, 0.1 * limit);
        worst = Math.max(worst, over - allowed);
        System.out.printf(
            Locale.ROOT,
            "%-11s %-8d %-8.1f %-8.2f %-8.2f %-8.2f %-5d %s%n",
            entry.getKey(),
            options,
            limit,
            wall,
            over,
            allowed,
            exit,
            output.lines().findFirst().orElse("").strip());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Worst overshoot beyond the allowance: %.2f s (%s)%n",
        worst,
        worst <= 0 ? "every run within it" : "NOT within it");
  }

  private static Path write(Path folder, String name, Scenario scenario) {
    Path file = folder.resolve(name + ".json");
    try {
      ScenarioJson.write(scenario, file);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("Could not write " + file, e);
    }
    return file;
  }

  private static Scenario generated(GeneratorConfig config) {
    return ScenarioGenerator.generate(config);
  }

  /**
   * {@code scenario} with every option duplicated (same gap, programs and costs, id suffixed) and
   * 24 more copies of its first option: many near-equal options in one gap, which makes the
   * relaxation's per-gap enumeration exponential.
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
