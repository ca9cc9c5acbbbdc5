package org.scplan.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.examples.NotionalTheater;
import org.scplan.support.CsvText;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/** Bad workbooks: every problem at once, each located by file, row and column. */
class ScenarioCsvErrorsTest {
  @TempDir Path directory;
  private Path folder;

  @BeforeEach
  void writeTheater() {
    folder = directory.resolve("theater");
    ScenarioCsv.write(NotionalTheater.scenario(), folder);
  }

  /** Sets the cell of {@code row} (1 = header) in {@code column} of {@code file}. */
  private void setCell(String file, int row, String column, String value) throws Exception {
    List<String[]> rows = rows(file);
    int index = Arrays.asList(rows.get(0)).indexOf(column);
    assertThat(index).as(column + " in " + file).isNotNegative();
    rows.get(row - 1)[index] = value;
    Files.writeString(folder.resolve(file), CsvText.print(rows));
  }

  private String cell(String file, int row, String column) throws Exception {
    List<String[]> rows = rows(file);
    return rows.get(row - 1)[Arrays.asList(rows.get(0)).indexOf(column)];
  }

  private List<String[]> rows(String file) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (CsvText.Record record : CsvText.parse(Files.readString(folder.resolve(file)))) {
      rows.add(record.cells());
    }
    return rows;
  }

  private List<Problem> problems() {
    ScenarioValidationException thrown =
        catchThrowableOfType(ScenarioValidationException.class, () -> ScenarioCsv.read(folder));
    assertThat(thrown).as("read must fail").isNotNull();
    return thrown.problems();
  }

  @Test
  void plantedErrors_inSeveralFiles_allReportedWithFileRowAndColumn() throws Exception {
    // cell problems
    setCell("partners.csv", 3, "combatantCommand", "AFRICON");
    setCell("gaps.csv", 2, "likelihood", "high");
    setCell("options.csv", 2, "closure", "70%");
    setCell("option-costs.csv", 2, "cost", "1,500,000");
    setCell("appropriations.csv", 2, "yearsAvailable", "");
    setCell("balance-rules.csv", 2, "scope", "YEARLY");
    setCell("option-costs.csv", 4, "optionId", "o-nowhere");
    // rule problems found by the validator, located back in the files
    setCell("partners.csv", 2, "propensity", "1.5");
    setCell("gaps.csv", 3, "partnerId", "p-atlantis");
    setCell("appropriations.csv", 3, "amount", "-5");
    setCell("prerequisites.csv", 2, "lagYears", "-1");
    setCell("locked-decisions.csv", 2, "startFiscalYear", "27");
    setCell("policy.csv", 2, "minimumDesire", "2");
    // header and file problems
    Files.writeString(
        folder.resolve("scos.csv"),
        Files.readString(folder.resolve("scos.csv")).replaceFirst("name,", "nmae,"));
    Files.writeString(folder.resolve("partner.csv"), "id\np-1\n");

    List<Problem> problems = problems();

    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "partner.csv: Unknown CSV file 'partner.csv'. Did you mean 'partners.csv'?",
            "scos.csv row 1, nmae: Unknown column 'nmae'. Did you mean 'name'?",
            "scos.csv row 1, name: Required column 'name' is missing. Maybe add a column named"
                + " 'name'.",
            "partners.csv row 3, combatantCommand: 'AFRICON' is not one of AFRICOM, CENTCOM,"
                + " EUCOM, INDOPACOM, NORTHCOM, SOUTHCOM. Did you mean 'AFRICOM'?",
            "gaps.csv row 2, likelihood: 'high' is not a whole number. Maybe give a whole"
                + " number.",
            "options.csv row 2, closure: '70%' is not a number. Maybe give a fraction, not a"
                + " percentage (0.7 for 70 %).",
            "option-costs.csv row 2, cost: '1,500,000' is not whole dollars. Maybe write the"
                + " number plainly, without '$', spaces or thousands separators.",
            "option-costs.csv row 4, optionId: refers to unknown option 'o-nowhere' (not in"
                + " options.csv). Maybe give the id of an option in options.csv.",
            "appropriations.csv row 2, yearsAvailable: is required but the cell is empty. Maybe"
                + " give the period of availability in FYs (1, 2, 5…), or 'no-year' for money"
                + " available until expended.",
            "balance-rules.csv row 2, scope: 'YEARLY' is not one of PER_FISCAL_YEAR, HORIZON.",
            "policy.csv row 2 (Policy), minimumDesire: must be in 0..1, but was 2.0. Maybe give a"
                + " fraction, not a percentage: 2 % is 0.02.",
            "partners.csv row 2 (Partner 'p-bandaria'), propensity: must be in 0..1, but was 1.5."
                + " Maybe give a fraction in 0..1 (e.g. 0.7 for 70 %).",
            "gaps.csv row 3 (CapabilityGap 'g-bandaria-border-mobility'), partnerId: refers to"
                + " unknown Partner 'p-atlantis'. Maybe check the id for a typo, or add a Partner"
                + " with id 'p-atlantis'.",
            "prerequisites.csv row 2 (SolutionOption '"
                + cell("prerequisites.csv", 2, "optionId")
                + "'), lagYears: must be ≥ 0 FYs, but was -1. Maybe give the least FYs between the"
                + " two starts; 0 allows the same FY.",
            "appropriations.csv row 3 (Program 'prog-333' appropriation FY2029), amount: must be"
                + " ≥ 0 dollars, but was -5. Maybe money is in whole dollars and never negative.",
            "locked-decisions.csv row 2 (LockedDecision for option 'o-bandaria-border-isr-kle'),"
                + " startFiscalYear: must be a fiscal year in 1900..2200, but was 27. Maybe write"
                + " the year in full: FY27 is 2027.");
    assertThat(problems).hasSize(16);
  }

  @Test
  void duplicateOptionId_locatedOnTheRepeat() throws Exception {
    String firstOption = cell("options.csv", 2, "id");
    setCell("options.csv", 3, "id", firstOption);

    assertThat(problems())
        .extracting(Problem::location, Problem::field)
        .contains(tuple("options.csv row 3 (SolutionOption '" + firstOption + "')", "id"));
  }

  @Test
  void costYearMissing_locatedOnTheYearAfterTheGap_withoutFollowOnProblems() throws Exception {
    String option = cell("options.csv", 4, "id");
    List<String[]> costs = rows("option-costs.csv");
    int yearOneRow = 0;
    int yearTwoRow = 0;
    for (int i = 1; i < costs.size(); i++) {
      if (costs.get(i)[0].equals(option)) {
        yearOneRow = costs.get(i)[1].equals("1") ? i + 1 : yearOneRow;
        yearTwoRow = costs.get(i)[1].equals("2") ? i + 1 : yearTwoRow;
      }
    }
    setCell("option-costs.csv", yearOneRow, "year", "7");

    assertThat(problems())
        .extracting(Problem::toString)
        .containsExactly(
            "option-costs.csv row "
                + yearTwoRow
                + ", year: option '"
                + option
                + "' has a cost for year 2 but none for year 1. Maybe give a row for every year"
                + " from 1 to the last; a cost of 0 for a year without spending.");
  }

  @Test
  void missingScenarioFileAndBrokenQuote_reported() throws Exception {
    Files.delete(folder.resolve("scenario.csv"));
    Files.writeString(
        folder.resolve("scos.csv"), "id,name,staffCapacityPersonWeeksPerYear\n\"x,y\n");

    assertThat(problems())
        .extracting(Problem::toString)
        .anyMatch(text -> text.startsWith("scenario.csv: The file is missing"))
        .anyMatch(
            text ->
                text.startsWith(
                    "scos.csv line 2: Not valid CSV: the double quote that opens a value here is"
                        + " never closed."));
  }

  @Test
  void strayQuoteInPartners_oneProblemAtTheLineItOpens_noFollowOns() throws Exception {
    Path partners = folder.resolve("partners.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(partners));
    lines.set(2, lines.get(2).replaceFirst(",", ",\""));
    Files.write(partners, lines);

    List<Problem> problems = problems();

    assertThat(problems).extracting(Problem::location).containsExactly("partners.csv line 3");
    assertThat(problems.get(0).toString())
        .isEqualTo(
            "partners.csv line 3: Not valid CSV: the double quote that opens a value here is never"
                + " closed. Maybe close the quote, or double it (\"\") where it is part of the"
                + " value; until then the rows of the other files that refer to this one are not"
                + " checked.");
  }

  @Test
  void strayQuoteInPartners_otherFilesCellProblemsStillReported() throws Exception {
    setCell("gaps.csv", 2, "likelihood", "high");
    Path partners = folder.resolve("partners.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(partners));
    lines.set(2, lines.get(2).replaceFirst(",", ",\""));
    Files.write(partners, lines);

    assertThat(problems())
        .extracting(Problem::location)
        .containsExactly("partners.csv line 3", "gaps.csv row 2");
  }

  @Test
  void zipWithPathTraversal_isRefused() throws IOException {
    Path zip = directory.resolve("evil.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("../../etc/scenario.csv"));
      out.write("id,firstFiscalYear,lastFiscalYear\ns,2027,2029\n".getBytes());
      out.closeEntry();
    }

    ScenarioValidationException thrown =
        catchThrowableOfType(ScenarioValidationException.class, () -> ScenarioCsv.read(zip));

    assertThat(thrown.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).endsWith("entry '../../etc/scenario.csv'");
              assertThat(p.message()).contains("climbs out of the archive");
            });
  }

  @Test
  void zipBomb_isRefusedWithoutInflatingIt() throws IOException {
    Path zip = directory.resolve("bomb.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("scenario.csv"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 80; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }

    ScenarioValidationException thrown =
        catchThrowableOfType(ScenarioValidationException.class, () -> ScenarioCsv.read(zip));

    assertThat(thrown.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("larger than 64 MiB"));
  }

  @Test
  void highlyCompressedEntry_isRefusedAsBomb() throws IOException {
    Path zip = directory.resolve("ratio.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("scenario.csv"));
      out.write(new byte[8 * 1024 * 1024]);
      out.closeEntry();
    }

    ScenarioValidationException thrown =
        catchThrowableOfType(ScenarioValidationException.class, () -> ScenarioCsv.read(zip));

    assertThat(thrown.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("a zip bomb?"));
  }
}
