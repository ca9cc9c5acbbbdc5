package org.scplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scplan.assessment.Assessment;
import org.scplan.execution.ExecutionRecord;
import org.scplan.json.PlanJson;
import org.scplan.plan.Plan;
import org.scplan.report.MarkdownReport;
import org.scplan.report.PlanReport;
import org.scplan.report.ReportInputException;
import org.scplan.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scplan assess SCENARIO PLAN EXECUTION}: assesses a plan's execution (docs/MODEL.md §10),
 * prints the assessment as Markdown and optionally writes the plan's reports with an assessment
 * section.
 */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Assesses a plan's execution: planned against obligated by program and FY, money lapsed and"
          + " at risk of lapsing, activities off plan, measures against their targets and the"
          + " options whose measures lag. Prints the assessment as Markdown.",
      "Every problem of the execution record is reported at once, located by entry and field (or"
          + " file, row and column)."
    })
final class AssessCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = ScenarioSource.LABEL,
      description = "Scenario: a .json file, or a folder or .zip of CSV files (see docs/CSV.md).")
  Path scenarioFile;

  @Parameters(index = "1", paramLabel = "PLAN.json", description = "The plan that was executed.")
  Path planFile;

  @Parameters(index = "2", paramLabel = "EXECUTION", description = ExecutionSource.DESCRIPTION)
  Path executionFile;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the HTML report of the plan, with the assessment, here.")
  Path html;

  @Option(
      names = "--md",
      paramLabel = "FILE",
      description = "Also write the Markdown report of the plan, with the assessment, here.")
  Path markdown;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioSource.load(scenarioFile);
    Plan plan = PlanJson.read(planFile);
    ExecutionRecord execution = ExecutionSource.load(executionFile, scenario, plan);
    Assessment assessment =
        ExecutionSource.checked(executionFile, () -> Assessment.of(scenario, plan, execution));
    PlanReport report;
    try {
      report = PlanReport.of(scenario, plan);
    } catch (ReportInputException mismatch) {
      spec.commandLine()
          .getErr()
          .printf("%s does not fit %s.%n%s%n", planFile, scenarioFile, mismatch.getMessage());
      return ScplanCommand.INVALID_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(MarkdownReport.assessmentSection(report, assessment, List.of()));
    if (ReportFiles.requested(html, markdown, null)) {
      ReportFiles.write(report, assessment, List.of(), html, markdown, null, out);
    }
    out.flush();
    return 0;
  }
}
