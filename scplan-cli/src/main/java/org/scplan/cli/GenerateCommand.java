package org.scplan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scplan.generate.GeneratorConfig;
import org.scplan.generate.ScenarioGenerator;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Scenario;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scplan generate --preset theater|global|xl | --partners N --seed S [--tightness T] --out
 * FILE}: writes a seeded synthetic scenario.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Writes a realistic synthetic scenario, the same bytes for the same options and seed.")
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Size size;

  /** Either a preset or a partner count. */
  static final class Size {
    @Option(
        names = "--preset",
        paramLabel = "NAME",
        description = "theater (~50 partners, ~2,000 options), global (~200, ~10,000) or xl.")
    String preset;

    @Option(names = "--partners", paramLabel = "N", description = "Number of partners.")
    Integer partners;
  }

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--tightness",
      paramLabel = "T",
      description =
          "Money over the cost of the options it could fund, in (0, 1] (default: the preset's, 0.45).")
  Double tightness;

  @Option(
      names = "--programs",
      paramLabel = "N",
      description =
          "Number of programs, at least 9 (default: the preset's or grows with partners).")
  Integer programs;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Scenario JSON file to write (atomically).")
  Path out;

  @Override
  public Integer call() {
    GeneratorConfig config;
    try {
      config =
          size.preset != null
              ? GeneratorConfig.preset(size.preset, seed)
              : GeneratorConfig.ofPartners(size.partners, seed);
      if (tightness != null) {
        config = config.withTightness(tightness);
      }
      if (programs != null) {
        config = config.withPrograms(programs);
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("scplan generate: " + e.getMessage());
      return ScplanCommand.USAGE;
    }
    Scenario scenario = ScenarioGenerator.generate(config);
    ScenarioJson.write(scenario, out);
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s: %d partners, %d gaps, %d options, %d programs, FY%d–FY%d.%n",
            out,
            scenario.partners().size(),
            scenario.gaps().size(),
            scenario.options().size(),
            scenario.programs().size(),
            scenario.horizon().firstFiscalYear(),
            scenario.horizon().lastFiscalYear());
    return 0;
  }
}
