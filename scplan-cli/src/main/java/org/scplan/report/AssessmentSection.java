package org.scplan.report;

import static org.scplan.report.Text.dollars;
import static org.scplan.report.Text.html;
import static org.scplan.report.Text.markdown;
import static org.scplan.report.Text.percent;
import static org.scplan.report.Text.thousands;
import static org.scplan.report.Text.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scplan.assessment.Adjustment;
import org.scplan.assessment.AppropriationOutlook;
import org.scplan.assessment.Assessment;
import org.scplan.assessment.LaggingOption;
import org.scplan.assessment.MeasureAssessment;
import org.scplan.assessment.OffPlanActivity;
import org.scplan.assessment.ProgramYearExecution;
import org.scplan.scenario.SolutionOption;

/**
 * The assessment section of the Markdown and HTML reports (docs/MODEL.md §10): obligation rate by
 * program and FY, money lapsed and at risk, activities off plan, measures against their targets,
 * options whose measures lag and, after a re-plan from execution, what the execution changed. Money
 * in tables in thousands of US dollars, fractions as percentages. Stateless.
 */
final class AssessmentSection {
  private AssessmentSection() {}

  /** One table: a title, a note, column headers (numeric ones marked) and text cells. */
  private record Table(String title, String note, List<String> headers, List<List<String>> rows) {}

  /** The section as Markdown, starting with a level-2 heading and ending with a blank line. */
  static String toMarkdown(PlanReport report, Assessment assessment, List<Adjustment> adjustments) {
    StringBuilder md = new StringBuilder();
    md.append("## Assessment of execution through FY")
        .append(assessment.throughFiscalYear())
        .append("\n\n");
    for (String line : headlines(assessment)) {
      md.append("- ").append(markdown(line)).append('\n');
    }
    md.append('\n');
    for (Table table : tables(report, assessment, adjustments)) {
      md.append("### ").append(table.title()).append("\n\n");
      md.append(table.note()).append("\n\n");
      if (table.rows().isEmpty()) {
        md.append("None.\n\n");
        continue;
      }
      md.append('|');
      table.headers().forEach(h -> md.append(' ').append(h.replace("#", "")).append(" |"));
      md.append("\n|");
      table.headers().forEach(h -> md.append(h.startsWith("#") ? "---:|" : "---|"));
      md.append('\n');
      for (List<String> row : table.rows()) {
        md.append('|');
        row.forEach(cell -> md.append(' ').append(markdown(cell)).append(" |"));
        md.append('\n');
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** The section as HTML, one {@code <section id="assessment">}. */
  static String toHtml(PlanReport report, Assessment assessment, List<Adjustment> adjustments) {
    StringBuilder page = new StringBuilder();
    page.append("<section id=\"assessment\">\n<h2>Assessment of execution through FY")
        .append(assessment.throughFiscalYear())
        .append("</h2>\n<ul>");
    for (String line : headlines(assessment)) {
      page.append("<li>").append(html(line)).append("</li>");
    }
    page.append("</ul>\n");
    for (Table table : tables(report, assessment, adjustments)) {
      page.append("<h3>")
          .append(html(table.title()))
          .append("</h3>\n<p class=\"note\">")
          .append(html(table.note()))
          .append("</p>\n");
      if (table.rows().isEmpty()) {
        page.append("<p>None.</p>\n");
        continue;
      }
      page.append("<table class=\"assessment\">\n<thead><tr>");
      table
          .headers()
          .forEach(
              h ->
                  page.append("<th scope=\"col\">")
                      .append(html(h.replace("#", "")))
                      .append("</th>"));
      page.append("</tr></thead>\n<tbody>\n");
      for (List<String> row : table.rows()) {
        page.append("<tr>");
        for (int c = 0; c < row.size(); c++) {
          page.append(table.headers().get(c).startsWith("#") ? "<td class=\"num\">" : "<td>")
              .append(html(row.get(c)))
              .append("</td>");
        }
        page.append("</tr>\n");
      }
      page.append("</tbody>\n</table>\n");
    }
    page.append("</section>\n");
    return page.toString();
  }

  private static List<String> headlines(Assessment assessment) {
    List<String> lines = new ArrayList<>();
    long planned = assessment.plannedToDate();
    lines.add(
        "Planned obligations to date "
            + dollars(planned)
            + ", obligated "
            + dollars(assessment.obligatedToDate())
            + (planned == 0
                ? "."
                : " (" + percent((double) assessment.obligatedToDate() / planned) + ")."));
    lines.add(
        "Lapsed by FY"
            + assessment.throughFiscalYear()
            + ": "
            + dollars(assessment.lapsed())
            + "; at risk of lapsing inside the horizon if the rest runs as executed: "
            + dollars(assessment.atRisk())
            + "; due ahead that no remaining appropriation can pay: "
            + dollars(assessment.uncovered())
            + ".");
    lines.add(
        assessment.offPlan().size()
            + " activity-years off plan; "
            + assessment.laggingOptions().size()
            + " options with lagging measures of performance.");
    return lines;
  }

  private static List<Table> tables(
      PlanReport report, Assessment assessment, List<Adjustment> adjustments) {
    List<Table> tables = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (ProgramYearExecution row : assessment.programYears()) {
      rows.add(
          List.of(
              report.program(row.programId()).name(),
              "FY" + row.fiscalYear(),
              thousands(row.planned()),
              thousands(row.obligated()),
              row.obligationRate() == null ? "–" : percent(row.obligationRate())));
    }
    tables.add(
        new Table(
            "Planned against obligated",
            "By program and fiscal year executed; thousands of dollars.",
            List.of("Program", "FY", "#Planned", "#Obligated", "#Obligation rate"),
            rows));
    rows = new ArrayList<>();
    for (AppropriationOutlook use : assessment.appropriations()) {
      if (use.lapsed() == 0 && use.atRisk() == 0) {
        continue;
      }
      rows.add(
          List.of(
              report.program(use.programId()).name(),
              "FY" + use.fiscalYear(),
              use.yearsAvailable() == null
                  ? "no-year"
                  : "FY" + (use.fiscalYear() + use.yearsAvailable() - 1),
              thousands(use.amount()),
              thousands(use.obligated()),
              thousands(use.lapsed()),
              thousands(use.plannedAhead()),
              thousands(use.atRisk())));
    }
    tables.add(
        new Table(
            "Money lapsed or at risk of lapsing",
            "Appropriations with money lost or expected to be left when their availability ends,"
                + " if the rest of the plan runs as executed so far; thousands of dollars.",
            List.of(
                "Program",
                "FY",
                "Available through",
                "#Amount",
                "#Obligated",
                "#Lapsed",
                "#Planned ahead",
                "#At risk"),
            rows));
    rows = new ArrayList<>();
    for (OffPlanActivity off : assessment.offPlan()) {
      rows.add(
          List.of(
              "FY" + off.fiscalYear(),
              optionName(report, off.optionId()),
              report.program(off.programId()).name(),
              words(off.kind()),
              thousands(off.planned()),
              thousands(off.obligated()),
              off.delayedToFiscalYear() == null ? "" : "FY" + off.delayedToFiscalYear()));
    }
    tables.add(
        new Table(
            "Activities off plan",
            "Delayed, cancelled, under- or over-obligated, or not reported while the plan"
                + " obligates; thousands of dollars.",
            List.of("FY", "Activity", "Program", "Off plan", "#Planned", "#Obligated", "Resumes"),
            rows));
    rows = new ArrayList<>();
    for (MeasureAssessment measure : assessment.measures()) {
      rows.add(
          List.of(
              measure.kind() + " " + measure.measure().id(),
              measure.ownerId(),
              number(measure.measure().baseline()) + " " + measure.measure().unit(),
              number(measure.measure().target()) + " by FY" + measure.measure().targetFiscalYear(),
              measure.latestValue() == null
                  ? "–"
                  : number(measure.latestValue()) + " (FY" + measure.latestFiscalYear() + ")",
              fraction(measure.progress()),
              fraction(measure.expectedProgress()),
              words(measure.trend()),
              words(measure.status())));
    }
    tables.add(
        new Table(
            "Measures against their targets",
            "Progress is the share of the way from baseline (the FY before the horizon) to"
                + " target; the line is where a straight path would be; the status projects the"
                + " average pace since the baseline to the target FY.",
            List.of(
                "Measure",
                "Of",
                "Baseline",
                "Target",
                "Latest",
                "#Progress",
                "#Line",
                "Trend",
                "Status"),
            rows));
    rows = new ArrayList<>();
    for (LaggingOption lagging : assessment.laggingOptions()) {
      rows.add(
          List.of(
              optionName(report, lagging.optionId()),
              String.join(", ", lagging.measureIds()),
              percent(lagging.achievement()),
              String.format(Locale.ROOT, "%.2f", lagging.effectiveness())));
    }
    tables.add(
        new Table(
            "Options whose measures lag",
            "Achievement is progress over the line for the worst MOP; a re-plan from execution"
                + " scales the option's closure by its effectiveness, bounded to ["
                + Assessment.MINIMUM_EFFECTIVENESS
                + ", 1].",
            List.of("Option", "Lagging MOPs", "#Achievement", "#Effectiveness"),
            rows));
    if (!adjustments.isEmpty()) {
      rows = new ArrayList<>();
      for (Adjustment adjustment : adjustments) {
        rows.add(List.of(words(adjustment.kind()), adjustment.id(), adjustment.description()));
      }
      tables.add(
          new Table(
              "What the execution and its assessment changed",
              "Each change made to the scenario before re-planning.",
              List.of("Change", "Of", "What"),
              rows));
    }
    return tables;
  }

  /**
   * The option's name and id; the id alone for an option without a name or one the report's
   * scenario no longer has (a re-plan from execution removes cancelled ones).
   */
  private static String optionName(PlanReport report, String optionId) {
    SolutionOption option = report.option(optionId);
    return option == null || option.name().isBlank()
        ? optionId
        : option.name() + " (" + optionId + ")";
  }

  /** A measure's value with at most two decimals and no trailing zeros, e.g. "9.6", "12". */
  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.replaceAll("\\.?0+$", "");
  }

  private static String fraction(Double value) {
    return value == null ? "–" : percent(value);
  }
}
