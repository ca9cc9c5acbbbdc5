package org.scplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scplan.assessment.Assessment;
import org.scplan.assessment.ExecutionFixtures;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;

/**
 * The assessment section prints the figures of the small case of {@code ExecutionFixtures}, whose
 * values {@code AssessmentTest} computes by hand; here, their rounding in the tables.
 */
class AssessmentSectionTest {
  private final Scenario scenario = ExecutionFixtures.scenario();
  private final Plan plan = ExecutionFixtures.plan();
  private final Assessment assessment =
      Assessment.of(scenario, plan, ExecutionFixtures.execution());
  private final PlanReport report = PlanReport.of(scenario, plan);

  @Test
  void markdown_everyFigureOfTheSmallCase() {
    String md = MarkdownReport.assessmentSection(report, assessment, List.of());

    assertThat(md)
        .startsWith("## Assessment of execution through FY2028\n\n")
        // 950,000 of 2,700,000 = 35.19 %
        .contains("- Planned obligations to date $2,700,000, obligated $950,000 (35.2 %).")
        .contains(
            "- Lapsed by FY2028: $2,350,000; at risk of lapsing inside the horizon if the rest runs"
                + " as executed: $1,000,000; due ahead that no remaining appropriation can pay:"
                + " $500,000.")
        .contains("- 4 activity-years off plan; 1 options with lagging measures of performance.")
        // 650 / 700 = 92.86 %
        .contains("| prog-a | FY2027 | 700 | 650 | 92.9 % |")
        .contains("| prog-a | FY2028 | 500 | 300 | 60.0 % |")
        .contains("| prog-b | FY2028 | 1,500 | 0 | 0.0 % |")
        .contains("| prog-a | FY2027 | FY2027 | 1,000 | 650 | 350 | 0 | 0 |")
        .contains("| prog-a | FY2028 | FY2029 | 1,000 | 300 | 0 | 200 | 500 |")
        .contains("| prog-a | FY2029 | FY2029 | 500 | 0 | 0 | 0 | 500 |")
        .contains("| prog-b | FY2027 | FY2028 | 2,000 | 0 | 2,000 | 0 | 0 |")
        .doesNotContain("| prog-b | FY2029 |")
        .contains("| FY2027 | o-advise | prog-a | under obligated | 300 | 250 |  |")
        .contains("| FY2028 | o-equip | prog-b | delayed | 1,500 | 0 | FY2029 |")
        .contains("| FY2028 | o-survey | prog-a | not reported | 100 | 0 |  |")
        .contains(
            "| MOE moe-incidents | obj-1 | 50 units | 20 by FY2030 | 44 (FY2028) | 20.0 % |"
                + " 50.0 % | improving | off track |")
        .contains(
            "| MOP mop-advise | o-advise | 0 units | 10 by FY2029 | 8 (FY2028) | 80.0 % | 66.7 % |"
                + " improving | on track |")
        .contains(
            "| MOP mop-later | o-later | 0 units | 5 by FY2031 | – | – | – | no data | no data |")
        .contains("| o-train | mop-train | 70.0 % | 0.70 |")
        .doesNotContain("What the execution and its assessment changed");
  }

  @Test
  void html_sectionAfterTheSummary_numbersRightAligned() {
    String page = HtmlReport.render(report, assessment, List.of());

    assertThat(page.indexOf("<section id=\"assessment\">"))
        .isGreaterThan(page.indexOf("<section id=\"summary\">"))
        .isLessThan(page.indexOf("<section id=\"matrix\">"));
    assertThat(page)
        .contains(
            "<tr><td>prog-a</td><td>FY2027</td><td class=\"num\">700</td>"
                + "<td class=\"num\">650</td><td class=\"num\">92.9 %</td></tr>");
    assertThat(HtmlReport.render(report)).doesNotContain("id=\"assessment\"");
  }
}
