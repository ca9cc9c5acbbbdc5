package org.scplan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.testing.RandomScenarios;

/** The reports' content, escaping and refusal of mismatched inputs, without a browser. */
class ReportsTest {
  private static final String HOSTILE =
      "Bandaria</script><script>alert(1)</script><img src=x onerror=alert(2)>|*_[x](y)\n# h";

  private static Scenario hostileTheater() {
    Scenario theater = NotionalTheater.scenario();
    List<Partner> partners = new ArrayList<>();
    for (Partner p : theater.partners()) {
      partners.add(
          p.id().equals("p-bandaria")
              ? new Partner(
                  p.id(),
                  HOSTILE,
                  p.combatantCommand(),
                  p.priorityTier(),
                  p.propensity(),
                  p.desireByRole(),
                  p.absorptiveCapacityPerYear(),
                  p.sustainmentBudgetPerYear(),
                  p.vettingStatus(),
                  p.scoId())
              : p);
    }
    List<Program> programs = new ArrayList<>();
    for (Program p : theater.programs()) {
      programs.add(
          p.id().equals("prog-333")
              ? p.toBuilder().name("Section 333</script><script>alert(3)</script>").build()
              : p);
    }
    return theater.toBuilder().partners(partners).programs(programs).build();
  }

  @Test
  void markdown_theater_hasEverySectionAndEveryUnfundedOptionWithItsReason() {
    PlanReport report = ExampleFiles.theaterReport();
    Plan plan = report.plan();

    String markdown = MarkdownReport.render(report);

    assertThat(markdown)
        .contains("## Summary")
        .contains("## Funding by program and fiscal year")
        .contains("## Appropriation use and lapse")
        .contains("## Residual risk by partner")
        .contains("## Unfunded options and why")
        .contains(
            String.format(
                Locale.ROOT,
                "**Risk reduced: %,.2f of %,.2f weighted risk points at stake",
                plan.riskReduced(),
                plan.totalWeightAtStake()))
        .contains("Independent plan check: every rule holds.");
    for (UnfundedOption unfunded : plan.unfundedOptions()) {
      assertThat(markdown).contains("(" + Text.markdown(unfunded.optionId()) + ")");
    }
    long unfundedRows =
        markdown
            .lines()
            .filter(line -> line.startsWith("| ") && line.contains(" | ") && line.endsWith(" |"))
            .count();
    assertThat(unfundedRows).isGreaterThan(plan.unfundedOptions().size());
  }

  @Test
  void cscs_partner_tracesObjectivesAndListsEveryFundedActivityAndUnfundedGap() {
    PlanReport report = ExampleFiles.theaterReport();
    String partnerId = "p-bandaria";

    String draft = CscsDraft.render(report, partnerId);

    assertThat(draft)
        .startsWith("# Country-specific security cooperation section (draft): Bandaria")
        .contains("## 1. Country assessment")
        .contains("## 2. Country objectives")
        .contains("## 3. Concept of engagement")
        .contains("## 4. Synchronization matrix")
        .contains("## 5. Resourcing")
        .contains("## 6. Unfunded gaps and why");
    for (FundedOption funded : report.funded(partnerId)) {
      assertThat(draft).contains(Text.markdown(report.option(funded.optionId()).name()));
    }
    report.objectives(partnerId).forEach(o -> assertThat(draft).contains(Text.markdown(o.name())));
    String matrix = draft.substring(draft.indexOf("## 4."), draft.indexOf("## 5."));
    long matrixRows =
        matrix
            .lines()
            .filter(line -> line.startsWith("| ") && !line.startsWith("| Line of"))
            .count();
    assertThat(matrixRows).isEqualTo(report.funded(partnerId).size());
    assertThat(CscsDraft.renderAll(report))
        .hasSize(report.partners().size())
        .containsKey("cscs-p-bandaria.md");
  }

  @Test
  void cscsFileName_hostileId_staysInsideTheDirectory() {
    Partner partner = NotionalTheater.scenario().partners().get(0);
    Partner hostile =
        new Partner(
            "../../etc/passwd",
            partner.name(),
            partner.combatantCommand(),
            partner.priorityTier(),
            partner.propensity(),
            partner.desireByRole(),
            partner.absorptiveCapacityPerYear(),
            partner.sustainmentBudgetPerYear(),
            partner.vettingStatus(),
            partner.scoId());

    assertThat(CscsDraft.fileName(hostile))
        .matches("cscs-\\.\\._\\.\\._etc_passwd~[0-9a-f]{8}\\.md")
        .doesNotContain("/");
  }

  @Test
  void html_hostileNames_areEscapedEverywhere() {
    Scenario scenario = hostileTheater();

    String html = HtmlReport.render(PlanReport.of(scenario, GreedyAllocator.allocate(scenario)));

    assertThat(html)
        .doesNotContain("<img")
        .doesNotContain("alert(1)</script>")
        .doesNotContain("</script><script>alert");
    assertThat(html)
        .contains(
            "Bandaria&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    assertThat(html)
        .contains("\"name\":\"Section 333\\u003c/script\\u003e\\u003cscript\\u003ealert(3)");
    assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(2);
  }

  @Test
  void markdown_hostileNames_cannotBreakTablesOrInjectHtml() {
    Scenario scenario = hostileTheater();
    PlanReport report = PlanReport.of(scenario, GreedyAllocator.allocate(scenario));

    String markdown = MarkdownReport.render(report) + CscsDraft.render(report, "p-bandaria");

    assertThat(markdown).doesNotContainPattern("(?<!\\\\)<").doesNotContain("\n# h");
    assertThat(markdown).contains("Bandaria\\</script\\>").contains("\\|\\*\\_\\[x\\](y) \\# h");
  }

  @Test
  void html_contentSecurityPolicy_allowsExactlyTheInlineStyleAndScript() throws Exception {
    String html = HtmlReport.render(ExampleFiles.theaterReport());

    Matcher policy = Pattern.compile("content=\"(default-src 'none';[^\"]*)\"").matcher(html);
    assertThat(policy.find()).isTrue();
    String style = between(html, "<style>", "</style>");
    String script = between(html, "<script>", "</script>");
    assertThat(policy.group(1))
        .contains("style-src '" + sha256(style) + "'")
        .contains("script-src '" + sha256(script) + "'")
        .contains("connect-src 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("http");
    assertThat(html)
        .doesNotContain(" style=\"")
        .doesNotContain("src=\"http")
        .doesNotContain("href=\"http");
  }

  @Test
  void html_barLabels_contrastAtLeastWcagAa_forEveryProgramColour() {
    for (int program = 0; program < 60; program++) {
      String colour = HtmlReport.colour(program);

      assertThat(HtmlReport.contrast(colour, HtmlReport.textOn(colour)))
          .as("text on %s (program %d)", colour, program)
          .isGreaterThanOrEqualTo(4.5);
    }
    // The palette's yellow (FMF in the theater) takes dark text, not white.
    assertThat(HtmlReport.textOn("#edc948")).isEqualTo("#000000");
  }

  @Test
  void reports_sameInput_sameBytes() {
    PlanReport first = ExampleFiles.theaterReport();
    PlanReport second = ExampleFiles.theaterReport();

    assertThat(HtmlReport.render(first)).isEqualTo(HtmlReport.render(second));
    assertThat(MarkdownReport.render(first)).isEqualTo(MarkdownReport.render(second));
  }

  @Test
  void of_planOfAnotherScenario_listsEveryMismatch() {
    Scenario other = RandomScenarios.tiny(7);
    Plan otherPlan = GreedyAllocator.allocate(other);

    assertThatThrownBy(() -> PlanReport.of(NotionalTheater.scenario(), otherPlan))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(
            "The plan was not made from scenario '" + NotionalTheater.scenario().id() + "'")
        .hasMessageContaining("the plan is for scenario '" + other.id() + "'")
        .hasMessageContaining("options of the scenario are not in the plan")
        .hasMessageContaining("Maybe give the scenario file");
  }

  @Test
  void of_planWithAForeignOption_namesIt() {
    Scenario theater = NotionalTheater.scenario();
    Plan plan = ExampleFiles.theaterReport().plan();
    List<UnfundedOption> unfunded = new ArrayList<>(plan.unfundedOptions());
    UnfundedOption first = unfunded.remove(0);
    unfunded.add(
        new UnfundedOption("o-not-in-theater", first.gapId(), first.partnerId(), first.reason()));
    Plan edited =
        new Plan(
            plan.scenarioId(),
            plan.status(),
            plan.totalWeightAtStake(),
            plan.riskReduced(),
            plan.fundedOptions(),
            unfunded,
            plan.gaps(),
            plan.appropriations(),
            plan.totals(),
            plan.solver());

    assertThatThrownBy(() -> PlanReport.of(theater, edited))
        .isInstanceOfSatisfying(
            ReportInputException.class,
            e ->
                assertThat(e.mismatches())
                    .containsExactly(
                        "1 option ids of the plan are not in the scenario, e.g. o-not-in-theater",
                        "1 options of the scenario are not in the plan, e.g. " + first.optionId()));
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open) + open.length();
    return text.substring(start, text.indexOf(close, start));
  }

  private static String sha256(String text) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(digest);
  }
}
