package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scplan.json.PlanJson;
import org.scplan.json.ScenarioJson;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.whatif.PlanDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan diff A.json B.json}: the diff of two plan files. Plans carry partners but not their
 * combatant commands; {@code --scenario} (or {@code --theater}) adds the breakdown by command.
 * Plans of two scenarios (different scenario ids), or a scenario other than the plans', are refused
 * with exit code 1.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Prints what changed between two plan files: options added, cut, moved or re-programmed, risk"
            + " by partner (and by combatant command with --scenario), money by program and fiscal year.")
final class DiffCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A.json", description = "The first plan file.")
  Path first;

  @Parameters(index = "1", paramLabel = "B.json", description = "The second plan file.")
  Path second;

  @Option(
      names = "--scenario",
      paramLabel = "SCENARIO.json",
      description =
          "Scenario file naming the partners' combatant commands, for risk by command (a partner in"
              + " neither plan's scenario is an error).")
  Path scenarioFile;

  @Option(
      names = "--theater",
      description = "Take the partners' combatant commands from the embedded notional theater.")
  boolean theater;

  @Override
  public Integer call() {
    Plan a = PlanJson.read(first);
    Plan b = PlanJson.read(second);
    PrintWriter err = spec.commandLine().getErr();
    if (!a.scenarioId().equals(b.scenarioId())) {
      err.printf(
          "%s is a plan of scenario '%s' and %s of scenario '%s': options and partners of two"
              + " scenarios cannot be compared. Maybe diff two plans of one scenario (solve, whatif"
              + " and solve --previous keep the scenario's id).%n",
          first, a.scenarioId(), second, b.scenarioId());
      return ScplanCommand.INVALID_INPUT;
    }
    PlanDiff diff;
    if (scenarioFile != null || theater) {
      Scenario scenario =
          scenarioFile != null ? ScenarioJson.read(scenarioFile) : ScenarioSource.load(null);
      if (!scenario.id().equals(a.scenarioId())) {
        err.printf(
            "The plans are of scenario '%s', but %s is scenario '%s'. Maybe give the scenario the"
                + " plans were solved from with --scenario SCENARIO.json.%n",
            a.scenarioId(),
            scenarioFile != null ? scenarioFile : "the embedded notional theater",
            scenario.id());
        return ScplanCommand.INVALID_INPUT;
      }
      try {
        diff = PlanDiff.between(scenario, a, scenario, b);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return ScplanCommand.INVALID_INPUT;
      }
    } else {
      diff = PlanDiff.between(a, b);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(DiffReport.format(diff, List.of(), first.toString(), second.toString()));
    stdout.flush();
    return 0;
  }
}
