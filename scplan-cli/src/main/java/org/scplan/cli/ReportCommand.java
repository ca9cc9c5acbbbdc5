package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scplan.json.PlanJson;
import org.scplan.plan.Plan;
import org.scplan.report.MarkdownReport;
import org.scplan.report.PlanReport;
import org.scplan.report.ReportInputException;
import org.scplan.scenario.Scenario;
import org.scplan.support.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan report PLAN.json [--scenario SCENARIO.json] [--html F] [--md F] [--cscs-dir D]}:
 * the planner-facing reports of a plan written by {@code solve --out}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the reports of a plan: a self-contained HTML report (synchronization matrix as a Gantt"
          + " chart, funding, appropriations, residual risk, unfunded options, filters), a Markdown"
          + " briefing and one CSCS draft per partner. With no output option, prints the Markdown.",
      "The plan holds ids only: names and objectives come from --scenario, or from the embedded"
          + " notional theater when the plan was made from it."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN.json", description = "Plan file from solve --out.")
  Path planFile;

  @Option(
      names = "--scenario",
      paramLabel = "SCENARIO.json",
      description =
          "The scenario the plan was solved from (default: the embedded notional theater).")
  Path scenarioFile;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report here.")
  Path html;

  @Option(names = "--md", paramLabel = "FILE", description = "Write the Markdown report here.")
  Path markdown;

  @Option(
      names = "--cscs-dir",
      paramLabel = "DIR",
      description = "Write one CSCS draft per partner (cscs-<partner id>.md) into this directory.")
  Path cscsDirectory;

  @Override
  public Integer call() {
    Plan plan = PlanJson.read(planFile);
    Scenario scenario = ScenarioSource.loadValid(scenarioFile);
    PlanReport report;
    try {
      report = PlanReport.of(scenario, plan);
    } catch (ReportInputException mismatch) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          "%s does not fit %s.%n%s%n",
          planFile, ScenarioSource.describe(scenarioFile), mismatch.getMessage());
      if (scenarioFile == null) {
        err.println("Give the scenario the plan was solved from with --scenario SCENARIO.json.");
      }
      return ScplanCommand.INVALID_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!report.violations().isEmpty()) {
      spec.commandLine()
          .getErr()
          .printf(
              "Warning: the independent plan checker finds %s; the reports list them.%n",
              Messages.count(report.violations().size(), "violation"));
    }
    if (ReportFiles.requested(html, markdown, cscsDirectory)) {
      ReportFiles.write(report, html, markdown, cscsDirectory, out);
    } else {
      out.print(MarkdownReport.render(report));
    }
    out.flush();
    return 0;
  }
}
