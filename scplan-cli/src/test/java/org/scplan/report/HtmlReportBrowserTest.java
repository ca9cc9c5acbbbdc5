package org.scplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.scenario.CombatantCommand;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Scenario;

/**
 * Opens the HTML report of the embedded theater in headless Chromium (Debian's package, no
 * download) and checks what a planner sees: Gantt rows and bars, charts, working filters, no
 * console errors and no network requests. Saves screenshots under {@code target/browser/}. Fails,
 * never skips, when Chromium is missing: the message says what to install.
 *
 * <p>One browser serves every test, in order: the theater report's own checks first (console and
 * network records then cover its load and every filter interaction), then pages that are meant to
 * misbehave, each judged on its own slice of the records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HtmlReportBrowserTest {
  private static final Path OUTPUT = ExampleFiles.TARGET.resolve("browser");

  private HeadlessChromium browser;
  private PlanReport report;
  private Path page;
  private Path profile;

  @BeforeAll
  void openReport() throws Exception {
    report = ExampleFiles.theaterReport();
    Files.createDirectories(OUTPUT);
    page = OUTPUT.resolve("notional-theater-report.html").toAbsolutePath();
    Files.writeString(page, HtmlReport.render(report));
    profile = Files.createTempDirectory(OUTPUT, "chromium-profile-");
    browser = HeadlessChromium.launch(profile, OUTPUT.resolve("chromium.log"));
    browser.viewport(1400, 1000);
    browser.open(page.toUri().toString());
  }

  @AfterAll
  void closeBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (profile != null) {
      deleteProfile();
    }
  }

  /**
   * Removes the throw-away Chromium profile. A helper process that is still exiting can add a file
   * while the tree is walked, so the removal is retried for a few seconds; the profile lies under
   * target/, so one that still cannot be removed is reported, not failed on.
   */
  private void deleteProfile() throws java.io.IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (var files = Files.walk(profile)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
        return;
      } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
        if (attempt == 20) {
          System.out.println("Could not remove the Chromium profile " + profile + ": " + e);
          return;
        }
        Thread.sleep(250);
      }
    }
  }

  private int count(String selector) {
    return browser.evaluate("document.querySelectorAll('" + selector + "').length").asInt();
  }

  /** How many elements match and are laid out (not hidden by the filters). */
  private int visible(String selector) {
    return browser
        .evaluate(
            "Array.from(document.querySelectorAll('"
                + selector
                + "')).filter(e => e.getClientRects().length > 0).length")
        .asInt();
  }

  private Set<String> visibleAttribute(String selector, String attribute) {
    JsonNode values =
        browser.evaluate(
            "Array.from(document.querySelectorAll('"
                + selector
                + "')).filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('"
                + attribute
                + "'))");
    Set<String> set = new TreeSet<>();
    values.forEach(v -> set.add(v.asText()));
    return set;
  }

  private List<String> texts(String selector) {
    List<String> texts = new ArrayList<>();
    browser
        .evaluate(
            "Array.from(document.querySelectorAll('"
                + selector
                + "')).map(e => e.textContent.trim())")
        .forEach(v -> texts.add(v.asText()));
    return texts;
  }

  private double top(String selector) {
    return browser
        .evaluate("document.querySelector('" + selector + "').getBoundingClientRect().top")
        .asDouble();
  }

  private double bottom(String selector) {
    return browser
        .evaluate("document.querySelector('" + selector + "').getBoundingClientRect().bottom")
        .asDouble();
  }

  private void choose(String selectId, String value) {
    browser.evaluate(
        "(() => { const s = document.getElementById('"
            + selectId
            + "'); s.value = '"
            + value
            + "'; s.dispatchEvent(new Event('change', {bubbles: true})); })()");
  }

  private long chartTotal() {
    return browser
        .evaluate("Number(document.getElementById('funding-chart').getAttribute('data-total'))")
        .asLong();
  }

  private long obligationsInHorizon(Set<String> partnerIds) {
    long total = 0;
    for (FundedOption funded : report.plan().fundedOptions()) {
      if (partnerIds.contains(funded.partnerId())) {
        for (var entry : funded.obligationsByFiscalYear().entrySet()) {
          if (entry.getKey() >= report.firstFiscalYear()
              && entry.getKey() <= report.lastFiscalYear()) {
            total += entry.getValue();
          }
        }
      }
    }
    return total;
  }

  private Set<String> partnersOf(CombatantCommand command) {
    return report.partners().stream()
        .filter(p -> p.combatantCommand() == command)
        .map(Partner::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @Order(1)
  void report_showsGanttChartsAndTables_forEveryPartnerAndOption() {
    Plan plan = report.plan();
    assertThat(count("tr.g-partner")).isEqualTo(report.partners().size());
    assertThat(count("tr.g-option")).isEqualTo(plan.fundedOptions().size());
    assertThat(count("tr.g-option td.bar")).isEqualTo(plan.fundedOptions().size());
    assertThat(visible("tr.g-option td.bar")).isEqualTo(plan.fundedOptions().size());
    assertThat(count("table.gantt thead th.fy"))
        .isEqualTo(report.lastFiscalYear() - report.firstFiscalYear() + 1);
    assertThat(count("#funding-chart svg rect.segment")).isPositive();
    assertThat(chartTotal())
        .isEqualTo(
            obligationsInHorizon(
                report.partners().stream().map(Partner::id).collect(Collectors.toSet())));
    assertThat(count("table.appropriations tbody tr")).isEqualTo(plan.appropriations().size());
    assertThat(count("table.heat tbody tr")).isEqualTo(report.partners().size());
    assertThat(count("table.unfunded tbody tr")).isEqualTo(plan.unfundedOptions().size());
    Set<CombatantCommand> commands = new TreeSet<>();
    report.partners().forEach(p -> commands.add(p.combatantCommand()));
    assertThat(count("#filter-ccmd option")).isEqualTo(commands.size() + 1);
    assertThat(count("#filter-partner option")).isEqualTo(report.partners().size() + 1);
    assertThat(browser.evaluate("document.getElementById('filter-status').textContent").asText())
        .isEqualTo(
            report.partners().size()
                + " partners, "
                + plan.fundedOptions().size()
                + " funded activities");
  }

  @Test
  @Order(2)
  void filters_byCommandThenPartner_showOnlyTheirRowsAndFunding() throws Exception {
    CombatantCommand command = CombatantCommand.CENTCOM;
    Set<String> partners = partnersOf(command);
    assertThat(partners).hasSizeGreaterThan(1);
    long fundedThere =
        report.plan().fundedOptions().stream()
            .filter(f -> partners.contains(f.partnerId()))
            .count();
    try {
      choose("filter-ccmd", command.name());

      assertThat(visibleAttribute("main [data-partner]", "data-ccmd"))
          .containsExactly(command.name());
      assertThat(visibleAttribute("tr.g-partner", "data-partner")).isEqualTo(partners);
      assertThat(visible("tr.g-option")).isEqualTo(fundedThere);
      assertThat(visible("table.heat tbody tr")).isEqualTo(partners.size());
      assertThat(visible("table.unfunded tbody tr"))
          .isEqualTo(
              report.plan().unfundedOptions().stream()
                  .filter(u -> partners.contains(u.partnerId()))
                  .count());
      assertThat(chartTotal()).isEqualTo(obligationsInHorizon(partners));
      assertThat(
              browser.evaluate(
                  "Array.from(document.querySelectorAll('#filter-partner option'))"
                      + ".filter(o => o.value && !o.hidden).map(o => o.value)"))
          .hasSize(partners.size());
      browser.screenshot(
          OUTPUT.resolve(
              "notional-theater-report-"
                  + command.name().toLowerCase(java.util.Locale.ROOT)
                  + ".png"));

      String partner = partners.iterator().next();
      choose("filter-partner", partner);

      assertThat(visibleAttribute("main [data-partner]", "data-partner")).containsExactly(partner);
      assertThat(visible("tr.g-option")).isEqualTo(report.funded(partner).size());
      assertThat(chartTotal()).isEqualTo(obligationsInHorizon(Set.of(partner)));

      choose("filter-ccmd", CombatantCommand.AFRICOM.name());

      assertThat(browser.evaluate("document.getElementById('filter-partner').value").asText())
          .as("a partner outside the chosen command is deselected")
          .isEmpty();
      assertThat(visibleAttribute("main [data-partner]", "data-ccmd")).containsExactly("AFRICOM");
    } finally {
      browser.evaluate("document.getElementById('filter-reset').click()");
    }
    assertThat(visible("tr.g-option")).isEqualTo(report.plan().fundedOptions().size());
  }

  @Test
  @Order(3)
  void report_makesNoNetworkRequestsAndNoConsoleErrors_andSavesScreenshot() throws Exception {
    Path screenshot = OUTPUT.resolve("notional-theater-report.png");
    browser.screenshot(screenshot);

    assertThat(browser.consoleErrors()).isEmpty();
    assertThat(browser.requestsByPages())
        .as("requests other than the report files opened")
        .isEmpty();
    assertThat(browser.requestedUrls())
        .as("the report file itself was requested")
        .contains(page.toUri().toString());
    assertThat(
            browser
                .evaluate(
                    "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
                .asText())
        .startsWith("default-src 'none'");
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    System.out.println("Screenshot of the HTML report: " + screenshot.toAbsolutePath());
  }

  @Test
  @Order(3)
  void firstScreen_at1400x900_showsSummaryContentsAndTheFundingChart() throws Exception {
    browser.viewport(1400, 900);
    try {
      browser.evaluate("window.scrollTo(0, 0)");

      assertThat(bottom("#summary .cards")).isLessThanOrEqualTo(900);
      assertThat(bottom("nav.contents")).isLessThanOrEqualTo(900);
      assertThat(count("nav.contents a")).isEqualTo(5);
      assertThat(top("#funding-chart svg")).isLessThan(900 - 100);
      browser.screenshotOfViewport(OUTPUT.resolve("notional-theater-report-first-screen.png"));
    } finally {
      browser.viewport(1400, 1000);
    }
  }

  @Test
  @Order(3)
  void fundingChart_roundTicksAndALegendWithEveryWholeProgramName() {
    List<String> names = report.scenario().programs().stream().map(p -> p.name()).toList();

    assertThat(texts("#funding-legend li")).containsExactlyElementsOf(names);
    assertThat(
            browser
                .evaluate(
                    "Array.from(document.querySelectorAll('#funding-legend li'))"
                        + ".filter(e => e.scrollWidth > e.clientWidth + 1"
                        + " || e.getClientRects().length === 0).length")
                .asInt())
        .as("legend entries cut off or hidden")
        .isZero();
    List<String> ticks = texts("#funding-chart text.tick");
    assertThat(ticks.get(0)).isEqualTo("$0");
    assertThat(ticks.subList(1, ticks.size()))
        .allSatisfy(tick -> assertThat(tick).matches("\\$(\\d+|\\d+\\.5)[MK]"));
  }

  @Test
  @Order(3)
  void visibleText_namesNotIds_whereANameExists() {
    Scenario theater = report.scenario();
    Set<String> ids = new TreeSet<>();
    ids.add(theater.id());
    theater.partners().forEach(p -> ids.add(p.id()));
    theater.gaps().forEach(g -> ids.add(g.id()));
    theater.options().forEach(o -> ids.add(o.id()));
    theater.options().stream()
        .map(o -> o.exclusionGroup())
        .filter(java.util.Objects::nonNull)
        .forEach(ids::add);
    theater.programs().forEach(p -> ids.add(p.id()));
    theater.objectives().forEach(o -> ids.add(o.id()));
    theater.linesOfEffort().forEach(l -> ids.add(l.id()));
    theater.endStates().forEach(e -> ids.add(e.id()));
    theater.securityCooperationOffices().forEach(s -> ids.add(s.id()));
    String text = browser.evaluate("document.body.innerText").asText();

    assertThat(ids)
        .as("ids a person would read on the page")
        .filteredOn(
            id ->
                java.util.regex.Pattern.compile(
                        "(?<![\\w-])" + java.util.regex.Pattern.quote(id) + "(?![\\w-])")
                    .matcher(text)
                    .find())
        .isEmpty();
    assertThat(count("tr.g-option td.program[title]"))
        .isEqualTo(report.plan().fundedOptions().size());
  }

  @Test
  @Order(3)
  void partnerRows_collapseAndExpand() {
    String partner = report.partners().get(0).id();
    String button = "tr.g-partner[data-partner=\"" + partner + "\"] button.toggle";
    int rows = report.funded(partner).size();
    assertThat(rows).isPositive();
    try {
      browser.evaluate("document.querySelector('" + button + "').click()");

      assertThat(visible("tr.g-option")).isEqualTo(report.plan().fundedOptions().size() - rows);
      assertThat(
              browser
                  .evaluate(
                      "document.querySelector('" + button + "').getAttribute('aria-expanded')")
                  .asText())
          .isEqualTo("false");
    } finally {
      browser.evaluate("document.querySelector('" + button + "').click()");
    }
    assertThat(visible("tr.g-option")).isEqualTo(report.plan().fundedOptions().size());
  }

  @Test
  @Order(5)
  void harness_seesBlockedFetchesConsoleErrorsAndRequests() throws Exception {
    Path blocked = OUTPUT.resolve("harness-blocked.html").toAbsolutePath();
    Files.writeString(
        blocked,
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
            + "</head><body><img src=\"http://127.0.0.1:9/blocked.png\"><script>console.log(1)</script></body></html>");
    Path open = OUTPUT.resolve("harness-open.html").toAbsolutePath();
    Files.writeString(
        open,
        "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/fetched.png\">"
            + "<script>console.error('planted')</script></body></html>");
    int errorsBefore = browser.consoleErrors().size();
    try {
      browser.open(blocked.toUri().toString());
      browser.open(open.toUri().toString());

      List<String> errors = browser.consoleErrors();
      assertThat(errors.subList(errorsBefore, errors.size()))
          .anyMatch(e -> e.contains("Content Security Policy"))
          .anyMatch(e -> e.contains("planted"));
      assertThat(browser.requestsByPages()).contains("http://127.0.0.1:9/fetched.png");
    } finally {
      browser.open(page.toUri().toString());
    }
  }

  @Test
  @Order(4)
  void hostileNames_renderAsText_withoutRunningOrLoadingAnything() throws Exception {
    Scenario theater = org.scplan.examples.NotionalTheater.scenario();
    String hostile = "Bandaria</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    List<Partner> partners = new ArrayList<>();
    for (Partner p : theater.partners()) {
      partners.add(
          p.id().equals("p-bandaria")
              ? new Partner(
                  p.id(),
                  hostile,
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
    Scenario scenario =
        theater.toBuilder()
            .name("<b>Theater</b> <iframe src=\"https://example.com\">")
            .partners(partners)
            .build();
    Path hostilePage = OUTPUT.resolve("hostile-names-report.html").toAbsolutePath();
    Files.writeString(
        hostilePage,
        HtmlReport.render(PlanReport.of(scenario, GreedyAllocator.allocate(scenario))));
    int errorsBefore = browser.consoleErrors().size();
    int requestsBefore = browser.requestedUrls().size();
    try {
      browser.open(hostilePage.toUri().toString());

      assertThat(count("img")).isZero();
      assertThat(count("iframe")).isZero();
      assertThat(count("b")).isZero();
      assertThat(count("script")).isEqualTo(2);
      assertThat(
              browser
                  .evaluate(
                      "document.querySelector('tr.g-partner[data-partner=\"p-bandaria\"] th').textContent")
                  .asText())
          .startsWith(hostile);
      assertThat(browser.evaluate("document.title").asText())
          .contains("<iframe src=\"https://example.com\">");
      assertThat(browser.consoleErrors().subList(errorsBefore, browser.consoleErrors().size()))
          .isEmpty();
      assertThat(browser.requestedUrls().subList(requestsBefore, browser.requestedUrls().size()))
          .containsExactly(hostilePage.toUri().toString());
    } finally {
      browser.open(page.toUri().toString());
    }
  }
}
