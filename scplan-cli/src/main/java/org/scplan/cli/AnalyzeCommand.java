package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scplan.explain.PlanAnalysis;
import org.scplan.explain.PlanAnalyzer;
import org.scplan.json.ExplanationJson;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanViolation;
import org.scplan.scenario.Scenario;
import org.scplan.support.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan analyze SCENARIO.json PLAN.json}: scores and checks a plan that may have been
 * edited by hand; exits 1 when it breaks any rule, listing them all.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Scores and checks a plan (e.g. one edited by hand): risk reduced and money use recomputed from its funding decisions, and every rule it breaks. Exits 1 if it breaks any.")
final class AnalyzeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "Scenario file.")
  Path scenarioFile;

  @Parameters(index = "1", paramLabel = "PLAN.json", description = "Plan file.")
  Path planFile;

  @Option(
      names = "--out",
      paramLabel = "ANALYSIS.json",
      description = "Write the analysis as JSON to this file (atomically).")
  Path out;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioJson.readValid(scenarioFile);
    Plan plan = PlanJson.read(planFile);
    PlanAnalysis analysis = PlanAnalyzer.analyze(scenario, plan);
    if (out != null) {
      ExplanationJson.write(analysis, out);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("Analysis of %s against %s%n", planFile, scenarioFile);
    stdout.println("  " + analysis.words());
    for (Map.Entry<String, Map<Integer, Long>> program :
        analysis.obligationsByProgramAndFiscalYear().entrySet()) {
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "  %-12s", program.getKey()));
      program
          .getValue()
          .forEach(
              (year, amount) ->
                  line.append(String.format(Locale.ROOT, "  FY%d $%,d", year, amount)));
      stdout.println(line);
    }
    stdout.flush();
    if (!analysis.valid()) {
      PrintWriter err = spec.commandLine().getErr();
      List<PlanViolation> breaks =
          analysis.violations().stream().filter(v -> !v.storedFigure()).toList();
      List<PlanViolation> stale =
          analysis.violations().stream().filter(PlanViolation::storedFigure).toList();
      if (!breaks.isEmpty()) {
        err.printf(
            "%s: %s by the funding decisions:%n",
            planFile, Messages.count(breaks.size(), "rule break"));
        breaks.forEach(v -> err.println("  - " + v));
      }
      if (!stale.isEmpty()) {
        err.printf(
            "%s: %s to recompute (they disagree with the plan's own decisions):%n",
            planFile, Messages.count(stale.size(), "stale stored figure"));
        stale.forEach(v -> err.println("  - " + v));
      }
      err.flush();
      return ScplanCommand.INVALID_INPUT;
    }
    return 0;
  }
}
