package org.scplan.report;

import static org.scplan.report.Text.dollars;
import static org.scplan.report.Text.html;
import static org.scplan.report.Text.percent;
import static org.scplan.report.Text.points;
import static org.scplan.report.Text.shortDollars;
import static org.scplan.report.Text.words;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.scplan.assessment.Adjustment;
import org.scplan.assessment.Assessment;
import org.scplan.plan.AppropriationUse;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanViolation;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.LineOfEffort;
import org.scplan.scenario.Objective;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.SolutionOption;
import org.scplan.valuation.ReasonCode;

/**
 * The plan as one self-contained HTML file, ordered for a briefing: a summary with a table of
 * contents, funding by program and fiscal year as stacked bars, residual risk by partner and line
 * of effort as a heat map, the synchronization matrix as a Gantt chart (rows by partner, objective
 * and activity, each partner's rows collapsible; columns by fiscal year; bars coloured by program),
 * appropriation use and lapse, and the unfunded options with their reasons, with filters by
 * combatant command and partner. A person reads names throughout; ids appear only in tooltips.
 *
 * <p>The file needs no network: its style sheet, script and charts are inline, and a strict
 * Content-Security-Policy (no source allowed but the page's own style and script, by SHA-256 hash)
 * stops the browser from fetching anything even if a name in the scenario tried to. Every string
 * from the scenario or plan is HTML-escaped; the chart data travels as JSON in a non-executable
 * script element with {@code <}, {@code >} and {@code &} escaped. Money in US dollars, time in
 * fiscal years, risk in weighted risk points. Stateless and thread-safe; the same input gives the
 * same bytes.
 */
public final class HtmlReport {
  private static final String RESOURCES = "/org/scplan/report/";

  /** Colour-blind-friendly program colours (Tableau 10); further programs get generated hues. */
  private static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
  };

  /** Heat map classes h0 (no residual risk) to h5 (the largest residual risk of any cell). */
  private static final int HEAT_LEVELS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The sections in page order, for the table of contents: anchor and title. */
  private static final String[][] SECTIONS = {
    {"funding", "Funding by program and fiscal year"},
    {"risk", "Residual risk by partner"},
    {"matrix", "Synchronization matrix"},
    {"appropriations", "Appropriation use and lapse"},
    {"unfunded", "Unfunded options and why"}
  };

  private HtmlReport() {}

  /** The report for {@code report}, as a complete HTML document. */
  public static String render(PlanReport report) {
    return render(report, null, List.of());
  }

  /**
   * The report with an assessment section after the summary (docs/MODEL.md §10), as {@link
   * MarkdownReport#render(PlanReport, Assessment, List)} has.
   *
   * @param assessment the assessment to show, or {@code null} for none
   * @param adjustments the re-plan's adjustments, empty when not re-planned from execution
   */
  public static String render(
      PlanReport report, Assessment assessment, List<Adjustment> adjustments) {
    String style = resource("report.css") + programStyles(report);
    String script = resource("report.js");
    StringBuilder page = new StringBuilder(256 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src '")
        .append(sha256(style))
        .append("'; script-src '")
        .append(sha256(script))
        .append("'; img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Security cooperation plan: ")
        .append(html(report.scenario().name()))
        .append("</title>\n<style>")
        .append(style)
        .append("</style>\n</head>\n<body>\n");
    header(report, page);
    filters(report, page);
    summary(report, page);
    if (assessment != null) {
      page.append(AssessmentSection.toHtml(report, assessment, adjustments));
    }
    funding(report, page);
    heatMap(report, page);
    gantt(report, page);
    appropriations(report, page);
    unfunded(report, page);
    page.append("<script type=\"application/json\" id=\"report-data\">")
        .append(chartData(report))
        .append("</script>\n<script>")
        .append(script)
        .append("</script>\n</body>\n</html>\n");
    return page.toString();
  }

  /** The CSS colour of the program at {@code index} in the scenario. */
  static String colour(int index) {
    if (index < PALETTE.length) {
      return PALETTE[index];
    }
    // Golden-angle hues keep generated colours apart from each other.
    int hue = Math.floorMod(index * 137 + 20, 360);
    return "hsl(" + hue + ",55%,55%)";
  }

  /**
   * White or black, whichever contrasts more with {@code colour} (WCAG relative luminance): white
   * on the palette's yellow would be hard to read. One of the two always reaches 4.58:1, above the
   * 4.5:1 that WCAG AA asks of small text.
   */
  static String textOn(String colour) {
    double luminance = luminance(rgb(colour));
    return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#000000";
  }

  /** WCAG contrast ratio of two colours, 1 to 21. */
  static double contrast(String first, String second) {
    double a = luminance(rgb(first));
    double b = luminance(rgb(second));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static double luminance(double[] rgb) {
    double[] linear = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = rgb[i];
      linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }

  /** Red, green and blue in 0–1 of "#rrggbb" or "hsl(h,s%,l%)" as {@link #colour} writes them. */
  private static double[] rgb(String colour) {
    if (colour.startsWith("#")) {
      int value = Integer.parseInt(colour.substring(1), 16);
      return new double[] {
        (value >> 16 & 0xff) / 255.0, (value >> 8 & 0xff) / 255.0, (value & 0xff) / 255.0
      };
    }
    String[] parts = colour.substring(4, colour.length() - 1).replace("%", "").split(",");
    double h = Double.parseDouble(parts[0]);
    double sat = Double.parseDouble(parts[1]) / 100;
    double light = Double.parseDouble(parts[2]) / 100;
    double chroma = (1 - Math.abs(2 * light - 1)) * sat;
    double[] rgb = new double[3];
    for (int i = 0; i < 3; i++) {
      double k = ((i == 0 ? 0 : i == 1 ? 8 : 4) + h / 30) % 12;
      rgb[i] = light - chroma / 2 * Math.max(-1, Math.min(Math.min(k - 3, 9 - k), 1));
    }
    return rgb;
  }

  private static String programStyles(PlanReport report) {
    StringBuilder css = new StringBuilder("\n");
    for (int i = 0; i < report.scenario().programs().size(); i++) {
      css.append(".pg")
          .append(i)
          .append("{--program:")
          .append(colour(i))
          .append(";--on-program:")
          .append(textOn(colour(i)))
          .append("}\n");
    }
    return css.toString();
  }

  private static void header(PlanReport report, StringBuilder page) {
    Plan plan = report.plan();
    page.append("<header>\n<h1>Security cooperation plan: ")
        .append(html(report.scenario().name()))
        .append("</h1>\n<p class=\"meta\" title=\"scenario id ")
        .append(html(report.scenario().id()))
        .append("\">")
        .append(horizonUnlessNamed(report))
        .append("plan status ")
        .append(plan.status())
        .append(" · ")
        .append(html(plan.solver().engine()))
        .append("</p>\n</header>\n");
  }

  /** "FY2027–FY2031 · ", or nothing when the scenario's name already says it. */
  private static String horizonUnlessNamed(PlanReport report) {
    String horizon = "FY" + report.firstFiscalYear() + "–FY" + report.lastFiscalYear();
    return report.scenario().name().contains(horizon) ? "" : horizon + " · ";
  }

  private static void filters(PlanReport report, StringBuilder page) {
    TreeSet<CombatantCommand> commands = new TreeSet<>();
    report.partners().forEach(p -> commands.add(p.combatantCommand()));
    page.append("<nav class=\"filters\" aria-label=\"Filters\">\n")
        .append("<label>Combatant command <select id=\"filter-ccmd\">")
        .append("<option value=\"\">All commands</option>");
    for (CombatantCommand command : commands) {
      page.append("<option value=\"")
          .append(command)
          .append("\">")
          .append(command)
          .append("</option>");
    }
    page.append("</select></label>\n<label>Partner <select id=\"filter-partner\">")
        .append("<option value=\"\">All partners</option>");
    for (Partner partner : report.partners()) {
      page.append("<option value=\"")
          .append(html(partner.id()))
          .append("\" data-ccmd=\"")
          .append(partner.combatantCommand())
          .append("\">")
          .append(html(partner.name()))
          .append("</option>");
    }
    page.append(
            "</select></label>\n<button type=\"button\" id=\"filter-reset\">Show all</button>\n")
        .append("<output id=\"filter-status\" aria-live=\"polite\">")
        .append(report.partners().size())
        .append(" partners, ")
        .append(report.plan().fundedOptions().size())
        .append(" funded activities</output>\n</nav>\n<main>\n");
  }

  private static void summary(PlanReport report, StringBuilder page) {
    Plan plan = report.plan();
    SolverStatistics solver = plan.solver();
    page.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
    contents(page);
    page.append("<div class=\"cards\">\n");
    card(
        page,
        "Risk reduced",
        percent(plan.riskReducedShare()),
        points(plan.riskReduced())
            + " of "
            + points(plan.totalWeightAtStake())
            + " weighted risk points");
    int options = plan.fundedOptions().size() + plan.unfundedOptions().size();
    card(
        page,
        "Funded",
        plan.fundedOptions().size() + " of " + options + " options",
        "activities funded, " + dollars(plan.totals().totalObligated()) + " obligated");
    Map<ReasonCode, Integer> reasons = new EnumMap<>(ReasonCode.class);
    plan.unfundedOptions().forEach(u -> reasons.merge(u.reason().code(), 1, Integer::sum));
    List<String> byReason = new ArrayList<>();
    reasons.forEach((code, count) -> byReason.add(words(code) + " " + count));
    card(
        page,
        "Unfunded",
        plan.unfundedOptions().size() + " of " + options + " options",
        String.join(", ", byReason));
    card(
        page,
        "Lapsing",
        dollars(plan.totals().totalLapsed()),
        "appropriations expiring unobligated inside the horizon");
    card(
        page,
        "Solver",
        plan.status().toString(),
        solver.relativeGap() == null
            ? "gap to bound unknown"
            : "gap to proven bound " + percent(solver.relativeGap()));
    if (solver.greedyRiskReduced() != null && solver.greedyRiskReduced() > 0) {
      card(
          page,
          "Against greedy",
          String.format(
              Locale.ROOT, "%+.1f %%", 100 * (plan.riskReduced() / solver.greedyRiskReduced() - 1)),
          points(plan.riskReduced()) + " vs " + points(solver.greedyRiskReduced()) + " points");
    }
    List<PlanViolation> violations = report.violations();
    card(
        page,
        "Independent check",
        violations.isEmpty()
            ? "passed"
            : violations.size() + (violations.size() == 1 ? " violation" : " violations"),
        violations.isEmpty() ? "every rule holds" : "see the list below");
    page.append("</div>\n");
    if (!violations.isEmpty()) {
      page.append("<ul class=\"violations\">");
      violations.forEach(v -> page.append("<li>").append(html(v.toString())).append("</li>"));
      page.append("</ul>\n");
    }
    page.append("</section>\n");
  }

  private static void contents(StringBuilder page) {
    page.append("<nav class=\"contents\" aria-label=\"Contents\"><ol>");
    for (String[] section : SECTIONS) {
      page.append("<li><a href=\"#")
          .append(section[0])
          .append("\">")
          .append(html(section[1]))
          .append("</a></li>");
    }
    page.append("</ol></nav>\n");
  }

  private static void card(StringBuilder page, String title, String figure, String detail) {
    page.append("<div class=\"card\"><h3>")
        .append(html(title))
        .append("</h3><p class=\"figure\">")
        .append(html(figure))
        .append("</p><p>")
        .append(html(detail))
        .append("</p></div>\n");
  }

  private static void legend(PlanReport report, String id, StringBuilder page) {
    page.append("<ul class=\"legend\"").append(id == null ? "" : " id=\"" + id + "\"").append(">");
    for (Program program : report.scenario().programs()) {
      page.append("<li title=\"")
          .append(html(program.id()))
          .append("\"><span class=\"swatch pg")
          .append(report.programIndex(program.id()))
          .append("\"></span>")
          .append(html(program.name()))
          .append("</li>");
    }
    page.append("</ul>\n");
  }

  private static void gantt(PlanReport report, StringBuilder page) {
    int first = report.firstFiscalYear();
    int last = report.lastFiscalYear();
    int columns = last - first + 3;
    page.append("<section id=\"matrix\">\n<h2>Synchronization matrix</h2>\n")
        .append(
            "<p class=\"note\">Funded activities by partner, objective and activity. A bar spans the"
                + " fiscal years the activity runs, coloured by the program that funds it; the faded"
                + " part is lead time until the capability is in place.</p>\n");
    legend(report, null, page);
    page.append(
            "<table class=\"gantt\">\n<thead><tr><th scope=\"col\">Partner › objective › activity</th>")
        .append("<th scope=\"col\">Program</th>");
    for (int year = first; year <= last; year++) {
      page.append("<th scope=\"col\" class=\"fy\">FY").append(year).append("</th>");
    }
    page.append("</tr></thead>\n");
    for (Partner partner : report.partners()) {
      List<FundedOption> funded = report.funded(partner.id());
      String scope = scope(partner);
      page.append("<tbody class=\"g-group\">\n<tr class=\"g-partner\"")
          .append(scope)
          .append("><th colspan=\"")
          .append(columns)
          .append("\" scope=\"rowgroup\"><button type=\"button\" class=\"toggle\"")
          .append(" aria-expanded=\"true\" title=\"Show or hide this partner's activities\">")
          .append(html(partner.name()))
          .append("</button>")
          .append(" <span class=\"tag\">")
          .append(partner.combatantCommand())
          .append(" · tier ")
          .append(partner.priorityTier())
          .append("</span> <span class=\"sub\">")
          .append(funded.size())
          .append(funded.size() == 1 ? " activity, " : " activities, ")
          .append(html(dollars(report.obligated(partner.id()))))
          .append("</span></th></tr>\n");
      for (Objective objective : report.objectives(partner.id())) {
        List<FundedOption> underObjective = report.funded(partner.id(), objective.id());
        if (underObjective.isEmpty()) {
          continue;
        }
        LineOfEffort line = report.lineOfEffort(objective.lineOfEffortId());
        page.append("<tr class=\"g-objective\"")
            .append(scope)
            .append("><td colspan=\"")
            .append(columns)
            .append("\">")
            .append(html(line.name()))
            .append(" › ")
            .append(html(objective.name()))
            .append("</td></tr>\n");
        for (FundedOption f : underObjective) {
          ganttRow(report, f, scope, first, last, page);
        }
      }
      page.append("</tbody>\n");
    }
    page.append("</table>\n</section>\n");
  }

  private static void ganttRow(
      PlanReport report, FundedOption f, String scope, int first, int last, StringBuilder page) {
    SolutionOption option = report.option(f.optionId());
    Program program = report.program(f.programId());
    String colour = "pg" + report.programIndex(f.programId());
    int runsThrough = f.startFiscalYear() + option.durationYears() - 1;
    String tooltip =
        option.name()
            + " — "
            + program.name()
            + ", FY"
            + f.startFiscalYear()
            + (runsThrough == f.startFiscalYear() ? "" : "–FY" + runsThrough)
            + ", "
            + dollars(f.totalObligated())
            + ", capability in place FY"
            + f.completionFiscalYear();
    page.append("<tr class=\"g-option\"")
        .append(scope)
        .append(" data-program=\"")
        .append(html(f.programId()))
        .append("\"><td class=\"label\">")
        .append(html(option.name()))
        .append("</td><td class=\"program\" title=\"")
        .append(html(f.programId()))
        .append("\">")
        .append(html(program.name()))
        .append("</td>");
    int runStart = Math.max(first, f.startFiscalYear());
    int runEnd = Math.min(last, runsThrough);
    int deliveryStart = Math.max(first, runsThrough + 1);
    int deliveryEnd = Math.min(last, f.completionFiscalYear());
    int year = first;
    while (year <= last) {
      if (year == runStart && runStart <= runEnd) {
        long cost = 0;
        for (int y = runStart; y <= runEnd; y++) {
          cost += f.costByFiscalYear().getOrDefault(y, 0L);
        }
        page.append("<td class=\"bar ")
            .append(colour)
            .append(runsThrough > last ? " continues" : "")
            .append("\" colspan=\"")
            .append(runEnd - runStart + 1)
            .append("\" title=\"")
            .append(html(tooltip))
            .append("\">")
            .append(html(shortDollars(cost)))
            .append("</td>");
        year = runEnd + 1;
      } else if (year == deliveryStart && deliveryStart <= deliveryEnd) {
        page.append("<td class=\"delivery ")
            .append(colour)
            .append("\" colspan=\"")
            .append(deliveryEnd - deliveryStart + 1)
            .append("\" title=\"")
            .append(html(tooltip))
            .append("\"><span>lead time</span></td>");
        year = deliveryEnd + 1;
      } else {
        page.append("<td></td>");
        year++;
      }
    }
    page.append("</tr>\n");
  }

  private static void funding(PlanReport report, StringBuilder page) {
    page.append("<section id=\"funding\">\n<h2>Funding by program and fiscal year</h2>\n")
        .append(
            "<p class=\"note\">Obligations of the partners shown, stacked by program. Follows the"
                + " filters.</p>\n<div class=\"chart-with-legend\">")
        .append("<div id=\"funding-chart\" class=\"chart\"></div>\n");
    legend(report, "funding-legend", page);
    page.append("</div>\n")
        .append(
            "<noscript><p>The funding chart needs JavaScript; the Markdown report has the same figures as a table.</p></noscript>\n")
        .append("</section>\n");
  }

  private static void appropriations(PlanReport report, StringBuilder page) {
    page.append("<section id=\"appropriations\">\n<h2>Appropriation use and lapse</h2>\n")
        .append(
            "<p class=\"note\">Every appropriation of the theater (not filtered): obligated"
                + " <span class=\"key obligated\"></span>, lapsed <span class=\"key lapsed\"></span>"
                + " (unobligated when its availability ends inside the horizon), left after the"
                + " horizon <span class=\"key after\"></span>.</p>\n")
        .append("<table class=\"appropriations\">\n<thead><tr><th scope=\"col\">Program</th>")
        .append("<th scope=\"col\">FY</th><th scope=\"col\">Available through</th>")
        .append("<th scope=\"col\">Amount</th><th scope=\"col\">Obligated</th>")
        .append("<th scope=\"col\">Lapsed</th><th scope=\"col\">Left after horizon</th>")
        .append("<th scope=\"col\">Use</th></tr></thead>\n<tbody>\n");
    long largest = 1;
    for (AppropriationUse use : report.plan().appropriations()) {
      largest = Math.max(largest, use.amount());
    }
    for (AppropriationUse use : report.plan().appropriations()) {
      double scale = 200.0 / largest;
      double obligated = use.obligated() * scale;
      double lapsed = use.lapsed() * scale;
      double after = use.availableAfterHorizon() * scale;
      page.append("<tr")
          .append(use.lapsed() > 0 ? " class=\"lapsing\"" : "")
          .append("><td>")
          .append(html(report.program(use.programId()).name()))
          .append("</td><td>FY")
          .append(use.fiscalYear())
          .append("</td><td>")
          .append(
              use.lastAvailableFiscalYear() == null
                  ? "no-year"
                  : "FY" + use.lastAvailableFiscalYear())
          .append("</td><td class=\"num\">")
          .append(dollars(use.amount()))
          .append("</td><td class=\"num\">")
          .append(dollars(use.obligated()))
          .append("</td><td class=\"num lapsed\">")
          .append(dollars(use.lapsed()))
          .append("</td><td class=\"num\">")
          .append(dollars(use.availableAfterHorizon()))
          .append(
              "</td><td><svg class=\"use\" width=\"204\" height=\"14\" viewBox=\"0 0 204 14\" role=\"img\" aria-label=\"")
          .append(html(percent(use.amount() == 0 ? 0 : (double) use.obligated() / use.amount())))
          .append(" obligated\">")
          .append(rect(0, obligated, "obligated"))
          .append(rect(obligated, lapsed, "lapsed"))
          .append(rect(obligated + lapsed, after, "after"))
          .append("</svg></td></tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static String rect(double x, double width, String kind) {
    if (width <= 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "<rect class=\"%s\" x=\"%.2f\" y=\"1\" width=\"%.2f\" height=\"12\"></rect>",
        kind,
        x,
        Math.max(0.5, width));
  }

  private static void heatMap(PlanReport report, StringBuilder page) {
    List<LineOfEffort> lines = report.scenario().linesOfEffort();
    double largest = 0;
    for (Partner partner : report.partners()) {
      for (LineOfEffort line : lines) {
        largest = Math.max(largest, report.residualRisk(partner.id(), line.id()));
      }
    }
    page.append("<section id=\"risk\">\n<h2>Residual risk by partner</h2>\n")
        .append(
            "<p class=\"note\">Weighted risk points left after the plan, by partner and line of"
                + " effort; darker is more risk left. A dash: no gap there.</p>\n")
        .append("<table class=\"heat\">\n<thead><tr><th scope=\"col\">Partner</th>");
    for (LineOfEffort line : lines) {
      page.append("<th scope=\"col\">").append(html(line.name())).append("</th>");
    }
    page.append("<th scope=\"col\">At stake</th><th scope=\"col\">Residual</th>")
        .append("<th scope=\"col\">Retired</th></tr></thead>\n<tbody>\n");
    for (Partner partner : report.partners()) {
      page.append("<tr class=\"h-partner\"")
          .append(scope(partner))
          .append("><th scope=\"row\">")
          .append(html(partner.name()))
          .append(" <span class=\"tag\">")
          .append(partner.combatantCommand())
          .append("</span></th>");
      for (LineOfEffort line : lines) {
        boolean hasGap =
            report.gaps(partner.id()).stream()
                .anyMatch(
                    g -> report.objective(g.objectiveId()).lineOfEffortId().equals(line.id()));
        if (!hasGap) {
          page.append("<td class=\"none\">–</td>");
          continue;
        }
        double residual = report.residualRisk(partner.id(), line.id());
        int level =
            largest <= 0 || residual <= 0
                ? 0
                : Math.max(1, (int) Math.ceil(HEAT_LEVELS * residual / largest));
        page.append("<td class=\"h")
            .append(level)
            .append("\">")
            .append(points(residual))
            .append("</td>");
      }
      double stake = report.weightAtStake(partner.id());
      double residual = report.residualRisk(partner.id());
      page.append("<td class=\"num\">")
          .append(points(stake))
          .append("</td><td class=\"num\">")
          .append(points(residual))
          .append("</td><td class=\"num\">")
          .append(stake <= 0 ? "–" : html(percent((stake - residual) / stake)))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n</section>\n");
  }

  private static void unfunded(PlanReport report, StringBuilder page) {
    page.append("<section id=\"unfunded\">\n<h2>Unfunded options and why</h2>\n")
        .append("<table class=\"unfunded\">\n<thead><tr><th scope=\"col\">Partner</th>")
        .append("<th scope=\"col\">Gap</th><th scope=\"col\">Option</th>")
        .append(
            "<th scope=\"col\">Reason</th><th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n");
    Map<String, Integer> order = new LinkedHashMap<>();
    report.partners().forEach(p -> order.put(p.id(), order.size()));
    report.plan().unfundedOptions().stream()
        .sorted(
            Comparator.comparing((UnfundedOption u) -> order.getOrDefault(u.partnerId(), -1))
                .thenComparing(UnfundedOption::gapId)
                .thenComparing(UnfundedOption::optionId))
        .forEach(
            u -> {
              Partner partner = report.partner(u.partnerId());
              page.append("<tr class=\"u-option\"")
                  .append(scope(partner))
                  .append("><td>")
                  .append(html(partner.name()))
                  .append("</td><td>")
                  .append(html(report.gap(u.gapId()).description()))
                  .append("</td><td>")
                  .append(html(report.option(u.optionId()).name()))
                  .append("</td><td class=\"reason\">")
                  .append(words(u.reason().code()))
                  .append("</td><td>")
                  .append(html(u.reason().detail()))
                  .append("</td></tr>\n");
            });
    page.append("</tbody>\n</table>\n</section>\n</main>\n");
  }

  private static String scope(Partner partner) {
    return " data-ccmd=\""
        + partner.combatantCommand()
        + "\" data-partner=\""
        + html(partner.id())
        + "\"";
  }

  /**
   * The funding chart's data as JSON: fiscal years, programs with names and colours, partners with
   * their command, and obligations as [partner, program, year, dollars] index tuples.
   */
  private static String chartData(PlanReport report) {
    Map<String, Object> data = new LinkedHashMap<>();
    List<Integer> years = new ArrayList<>();
    for (int year = report.firstFiscalYear(); year <= report.lastFiscalYear(); year++) {
      years.add(year);
    }
    data.put("years", years);
    List<Map<String, String>> programs = new ArrayList<>();
    for (Program program : report.scenario().programs()) {
      // Insertion-ordered maps: the same report gives the same bytes in every JVM run.
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("id", program.id());
      entry.put("name", program.name());
      entry.put("colour", colour(report.programIndex(program.id())));
      programs.add(entry);
    }
    data.put("programs", programs);
    List<Map<String, String>> partnerData = new ArrayList<>();
    Map<String, Integer> partnerIndex = new LinkedHashMap<>();
    for (Partner partner : report.partners()) {
      partnerIndex.put(partner.id(), partnerData.size());
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("id", partner.id());
      entry.put("ccmd", partner.combatantCommand().name());
      partnerData.add(entry);
    }
    data.put("partners", partnerData);
    List<long[]> obligations = new ArrayList<>();
    for (FundedOption f : report.plan().fundedOptions()) {
      int program = report.programIndex(f.programId());
      f.obligationsByFiscalYear()
          .forEach(
              (year, amount) -> {
                if (year >= report.firstFiscalYear()
                    && year <= report.lastFiscalYear()
                    && amount > 0) {
                  obligations.add(
                      new long[] {
                        partnerIndex.get(f.partnerId()),
                        program,
                        year - report.firstFiscalYear(),
                        amount
                      });
                }
              });
    }
    data.put("obligations", obligations);
    try {
      // Inside <script>, "</script>" or "<!--" in a name would end the element: no '<', '>' or '&'
      // survives, and JSON.parse reads the escapes back.
      return JSON.writeValueAsString(data)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Chart data of plain strings and numbers must serialise", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The scplan jar lacks " + RESOURCES + name + "; rebuild it.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
