package org.scplan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scplan.engine.Preparation;
import org.scplan.scenario.Scenario;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scplan validate [SCENARIO]}: reports every located problem, or a one-line summary. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a scenario file and prints every problem found, each with its location. Exits 1 if there is any.")
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = ScenarioSource.LABEL,
      description = ScenarioSource.DESCRIPTION)
  Path scenarioFile;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioSource.load(scenarioFile);
    List<Problem> problems = Preparation.problems(scenario);
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(ScenarioSource.describe(scenarioFile), problems);
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%s is valid: %d partners, %d gaps, %d options, %d programs, FY%d–FY%d.%n",
            ScenarioSource.describe(scenarioFile),
            scenario.partners().size(),
            scenario.gaps().size(),
            scenario.options().size(),
            scenario.programs().size(),
            scenario.horizon().firstFiscalYear(),
            scenario.horizon().lastFiscalYear());
    return 0;
  }
}
