package org.scplan.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.CsvText;
import org.scplan.testing.SpreadsheetCells;

/**
 * Text that a spreadsheet would run as a formula is written neutralised (a leading single quote)
 * into every CSV the library writes, and read back as it was given.
 */
class CsvInjectionTest {
  /** Hostile cells from OWASP's CSV injection page, and texts that must survive unchanged. */
  static final List<String> HOSTILE =
      List.of(
          "=cmd|' /C calc'!A0",
          "+SUM(1)",
          "@SUM(1+1)",
          "-1+2",
          "=HYPERLINK(\"http://evil.example\",\"click\")",
          "\t=1+1",
          "\r=1+1",
          "'=already quoted",
          "''+twice",
          "'plain quote",
          "-5",
          "+1.5e-3");

  @TempDir Path directory;

  @Test
  void print_formulaCells_getALeadingQuote_andParseGivesThemBack() throws Exception {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"text"});
    HOSTILE.forEach(text -> rows.add(new String[] {text}));

    String printed = CsvText.print(rows);

    assertThat(printed).contains("'=cmd|' /C calc'!A0").contains("'@SUM(1+1)");
    assertThat(printed).contains("\n-5\n").contains("\n+1.5e-3\n").contains("\n'plain quote\n");
    assertThat(SpreadsheetCells.formulas(printed)).isEmpty();
    List<String> read =
        CsvText.parse(printed).stream().skip(1).map(record -> record.cells()[0]).toList();
    assertThat(read).containsExactlyElementsOf(HOSTILE);
  }

  @Test
  void scenarioWorkbook_hostileNames_neutralisedInEveryFile_andRoundTrip() throws IOException {
    Scenario original = hostileTheater();
    Path folder = directory.resolve("hostile");

    ScenarioCsv.write(original, folder);

    assertNoFormulaCell(folder);
    assertThat(Files.readString(folder.resolve("scenario.csv"))).contains("'@SUM(1+1)");
    assertThat(ScenarioCsv.read(folder)).isEqualTo(original);
  }

  @Test
  void planTables_hostileScenarioId_neutralisedInEveryTable() throws IOException {
    Scenario hostile = NotionalTheater.scenario().toBuilder().id("=cmd|' /C calc'!A0").build();
    Plan plan = GreedyAllocator.allocate(hostile);
    Path folder = directory.resolve("plan");

    PlanCsv.write(plan, folder);

    assertNoFormulaCell(folder);
    assertThat(Files.readString(folder.resolve("plan-summary.csv"))).contains("'=cmd|");
  }

  static Scenario hostileTheater() {
    Scenario theater = NotionalTheater.scenario();
    List<SolutionOption> options = new ArrayList<>(theater.options());
    for (int i = 0; i < HOSTILE.size(); i++) {
      options.set(i, options.get(i).toBuilder().name(HOSTILE.get(i)).build());
    }
    return theater.toBuilder().name("@SUM(1+1)").options(options).build();
  }

  private static void assertNoFormulaCell(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        assertThat(SpreadsheetCells.formulas(Files.readString(file))).as(file.toString()).isEmpty();
      }
    }
  }
}
