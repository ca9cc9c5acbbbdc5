package org.scplan.report;

import static org.scplan.report.Text.dollars;
import static org.scplan.report.Text.markdown;
import static org.scplan.report.Text.percent;
import static org.scplan.report.Text.points;
import static org.scplan.report.Text.thousands;
import static org.scplan.report.Text.words;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scplan.assessment.Adjustment;
import org.scplan.assessment.Assessment;
import org.scplan.plan.AppropriationUse;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanViolation;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.support.Messages;
import org.scplan.valuation.ReasonCode;

/**
 * The plan as a Markdown briefing: summary, funding by program and fiscal year, appropriation use
 * and lapse, residual risk by partner, and every unfunded option with its reason. Every figure
 * comes from the plan; names, objectives and programs from the scenario. Money in tables is in
 * thousands of US dollars (rounded), risk in weighted risk points. Stateless and thread-safe.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The briefing for {@code report}, as Markdown text ending with a newline. */
  public static String render(PlanReport report) {
    return render(report, null, List.of());
  }

  /**
   * The briefing with an assessment section after the summary (docs/MODEL.md §10): the plan's
   * execution assessed, and, after a re-plan from execution, what the execution changed.
   *
   * @param assessment the assessment to show, or {@code null} for none
   * @param adjustments the re-plan's adjustments, empty when not re-planned from execution
   */
  public static String render(
      PlanReport report, Assessment assessment, List<Adjustment> adjustments) {
    StringBuilder md = new StringBuilder();
    Plan plan = report.plan();
    md.append("# Security cooperation plan: ")
        .append(markdown(report.scenario().name()))
        .append("\n\n");
    summary(report, md);
    if (assessment != null) {
      md.append(AssessmentSection.toMarkdown(report, assessment, adjustments));
    }
    funding(report, md);
    appropriations(report, md);
    residualRisk(report, md);
    unfunded(report, plan, md);
    return md.toString();
  }

  /**
   * The assessment section alone, as in {@link #render(PlanReport, Assessment, List)}: a level-2
   * heading, headline figures and tables, ending with a blank line.
   */
  public static String assessmentSection(
      PlanReport report, Assessment assessment, List<Adjustment> adjustments) {
    return AssessmentSection.toMarkdown(report, assessment, adjustments);
  }

  private static void summary(PlanReport report, StringBuilder md) {
    Plan plan = report.plan();
    SolverStatistics solver = plan.solver();
    md.append("## Summary\n\n");
    bullet(
        md,
        "Scenario %s, FY%d–FY%d: %d partners, %d capability gaps, %d solution options, %d programs.",
        markdown(report.scenario().id()),
        report.firstFiscalYear(),
        report.lastFiscalYear(),
        report.scenario().partners().size(),
        report.scenario().gaps().size(),
        report.scenario().options().size(),
        report.scenario().programs().size());
    bullet(
        md,
        "**Risk reduced: %s of %s weighted risk points at stake (%s).**",
        points(plan.riskReduced()),
        points(plan.totalWeightAtStake()),
        percent(plan.riskReducedShare()));
    bullet(
        md,
        "%d options funded for %s; %d unfunded, each with its reason below.",
        plan.fundedOptions().size(),
        dollars(plan.totals().totalObligated()),
        plan.unfundedOptions().size());
    Map<ReasonCode, Integer> reasons = new EnumMap<>(ReasonCode.class);
    plan.unfundedOptions().forEach(u -> reasons.merge(u.reason().code(), 1, Integer::sum));
    if (!reasons.isEmpty()) {
      StringBuilder byReason = new StringBuilder();
      reasons.forEach(
          (code, count) ->
              byReason
                  .append(byReason.length() == 0 ? "" : ", ")
                  .append(words(code))
                  .append(' ')
                  .append(count));
      bullet(md, "Unfunded by reason: %s.", byReason);
    }
    bullet(md, "Money lapsing inside the horizon: %s.", dollars(plan.totals().totalLapsed()));
    bullet(
        md,
        "Plan status %s from %s%s.",
        plan.status(),
        markdown(solver.engine()),
        solver.relativeGap() == null
            ? ""
            : ", relative gap to the proven bound " + percent(solver.relativeGap()));
    if (solver.greedyRiskReduced() != null && solver.greedyRiskReduced() > 0) {
      bullet(
          md,
          "Against the greedy priority list and cut line: %s vs %s points (%+.1f %%).",
          points(plan.riskReduced()),
          points(solver.greedyRiskReduced()),
          100 * (plan.riskReduced() / solver.greedyRiskReduced() - 1));
    }
    List<PlanViolation> violations = report.violations();
    if (violations.isEmpty()) {
      bullet(md, "Independent plan check: every rule holds.");
    } else {
      bullet(md, "**Independent plan check: %s.**", Messages.count(violations.size(), "violation"));
      violations.forEach(v -> md.append("  - ").append(markdown(v.toString())).append('\n'));
    }
    md.append('\n');
  }

  private static void funding(PlanReport report, StringBuilder md) {
    md.append("## Funding by program and fiscal year\n\nObligations in thousands of dollars.\n\n");
    int first = report.firstFiscalYear();
    int last = report.lastFiscalYear();
    md.append("| Program | Authority |");
    for (int year = first; year <= last; year++) {
      md.append(" FY").append(year).append(" |");
    }
    md.append(" Total |\n|---|---|");
    md.append("---:|".repeat(last - first + 2)).append('\n');
    Map<String, Map<Integer, Long>> byProgram =
        report.plan().totals().obligationsByProgramAndFiscalYear();
    long[] columns = new long[last - first + 1];
    for (Program program : report.scenario().programs()) {
      Map<Integer, Long> byYear = byProgram.getOrDefault(program.id(), Map.of());
      md.append("| ")
          .append(markdown(program.name()))
          .append(" | ")
          .append(markdown(program.authority() == null ? "" : program.authority()))
          .append(" |");
      long total = 0;
      for (int year = first; year <= last; year++) {
        long amount = byYear.getOrDefault(year, 0L);
        columns[year - first] += amount;
        total += amount;
        md.append(' ').append(thousands(amount)).append(" |");
      }
      md.append(" **").append(thousands(total)).append("** |\n");
    }
    md.append("| **Total** | |");
    for (long column : columns) {
      md.append(" **").append(thousands(column)).append("** |");
    }
    md.append(" **").append(thousands(report.plan().totals().totalObligated())).append("** |\n\n");
  }

  private static void appropriations(PlanReport report, StringBuilder md) {
    md.append("## Appropriation use and lapse\n\n")
        .append(
            "Each appropriation with its period of availability; money not obligated by its last"
                + " year lapses. Thousands of dollars.\n\n")
        .append(
            "| Program | FY | Available through | Amount | Obligated | Lapsed | Left after horizon |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (AppropriationUse use : report.plan().appropriations()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %s | %s |%n",
              markdown(report.program(use.programId()).name()),
              use.fiscalYear(),
              use.lastAvailableFiscalYear() == null
                  ? "no-year"
                  : "FY" + use.lastAvailableFiscalYear(),
              thousands(use.amount()),
              thousands(use.obligated()),
              use.lapsed() > 0 ? "**" + thousands(use.lapsed()) + "**" : "0",
              thousands(use.availableAfterHorizon())));
    }
    md.append('\n');
  }

  private static void residualRisk(PlanReport report, StringBuilder md) {
    List<LineOfEffort> lines = report.scenario().linesOfEffort();
    md.append("## Residual risk by partner\n\n")
        .append(
            "Weighted risk points: at stake in the partner's gaps, retired by the plan, and left"
                + " (residual) by line of effort.\n\n")
        .append(
            "| Partner | CCMD | Tier | At stake | Retired | Residual | Retired share | Obligated ($K) |");
    lines.forEach(line -> md.append(' ').append(markdown(line.name())).append(" |"));
    md.append("\n|---|---|---:|---:|---:|---:|---:|---:|")
        .append("---:|".repeat(lines.size()))
        .append('\n');
    for (Partner partner : report.partners()) {
      double stake = report.weightAtStake(partner.id());
      double residual = report.residualRisk(partner.id());
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %s | %s | %s | %s | %s |",
              markdown(partner.name()),
              partner.combatantCommand(),
              partner.priorityTier(),
              points(stake),
              points(stake - residual),
              points(residual),
              stake <= 0 ? "–" : percent((stake - residual) / stake),
              thousands(report.obligated(partner.id()))));
      lines.forEach(
          line ->
              md.append(' ')
                  .append(points(report.residualRisk(partner.id(), line.id())))
                  .append(" |"));
      md.append('\n');
    }
    md.append('\n');
  }

  private static void unfunded(PlanReport report, Plan plan, StringBuilder md) {
    md.append("## Unfunded options and why\n\n");
    if (plan.unfundedOptions().isEmpty()) {
      md.append("Every option is funded.\n");
      return;
    }
    md.append("| Partner | Gap | Option | Reason | Detail |\n|---|---|---|---|---|\n");
    plan.unfundedOptions().stream()
        .sorted(
            Comparator.comparing((UnfundedOption u) -> report.partner(u.partnerId()).name())
                .thenComparing(UnfundedOption::gapId)
                .thenComparing(UnfundedOption::optionId))
        .forEach(
            u ->
                md.append("| ")
                    .append(markdown(report.partner(u.partnerId()).name()))
                    .append(" | ")
                    .append(markdown(report.gap(u.gapId()).description()))
                    .append(" | ")
                    .append(markdown(report.option(u.optionId()).name()))
                    .append(" (")
                    .append(markdown(u.optionId()))
                    .append(") | ")
                    .append(words(u.reason().code()))
                    .append(" | ")
                    .append(markdown(u.reason().detail()))
                    .append(" |\n"));
  }

  private static void bullet(StringBuilder md, String format, Object... arguments) {
    md.append("- ").append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
