package org.scplan.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.support.CsvText;

/** The plan as spreadsheet tables: every option once, money adding up to the plan's totals. */
class PlanCsvTest {
  private static Plan plan;

  @TempDir Path directory;

  @BeforeAll
  static void planTheater() {
    plan = GreedyAllocator.allocate(NotionalTheater.scenario());
    assertThat(PlanChecker.check(NotionalTheater.scenario(), plan)).isEmpty();
  }

  private static List<String[]> rows(Map<String, String> texts, String file) throws Exception {
    return CsvText.parse(texts.get(file)).stream().map(CsvText.Record::cells).toList();
  }

  private static long sum(List<String[]> rows, String column) {
    int index = List.of(rows.get(0)).indexOf(column);
    return rows.stream().skip(1).mapToLong(row -> Long.parseLong(row[index])).sum();
  }

  @Test
  void write_everyFileInFolder() throws Exception {
    PlanCsv.write(plan, directory);

    for (String name : PlanCsv.fileNames()) {
      assertThat(directory.resolve(name)).exists();
    }
    assertThat(PlanCsv.texts(plan).keySet()).containsExactlyElementsOf(PlanCsv.fileNames());
    assertThat(Files.readString(directory.resolve("plan-summary.csv")))
        .startsWith("scenarioId,status,")
        .contains(NotionalTheater.scenario().id());
  }

  @Test
  void tables_coverEveryOptionAndAddUpToTheTotals() throws Exception {
    Map<String, String> texts = PlanCsv.texts(plan);
    long totalObligated = plan.totals().totalObligated();

    assertThat(rows(texts, "funded-options.csv")).hasSize(plan.fundedOptions().size() + 1);
    assertThat(rows(texts, "unfunded-options.csv")).hasSize(plan.unfundedOptions().size() + 1);
    assertThat(rows(texts, "unfunded-options.csv").stream().skip(1))
        .allSatisfy(row -> assertThat(row[3]).isNotBlank())
        .allSatisfy(row -> assertThat(row[4]).isNotBlank());
    assertThat(sum(rows(texts, "funded-options.csv"), "totalObligated")).isEqualTo(totalObligated);
    assertThat(sum(rows(texts, "draws.csv"), "amount")).isEqualTo(totalObligated);
    assertThat(sum(rows(texts, "funded-option-years.csv"), "obligated")).isEqualTo(totalObligated);
    assertThat(sum(rows(texts, "appropriation-use.csv"), "obligated")).isEqualTo(totalObligated);
    assertThat(sum(rows(texts, "appropriation-use.csv"), "lapsed"))
        .isEqualTo(plan.totals().totalLapsed());
    assertThat(rows(texts, "gap-outcomes.csv")).hasSize(plan.gaps().size() + 1);

    List<String[]> matrix = rows(texts, "obligations-by-program-and-fiscal-year.csv");
    String[] totalRow = matrix.get(matrix.size() - 1);
    assertThat(totalRow[0]).isEqualTo(PlanCsv.ALL_PROGRAMS);
    assertThat(Long.parseLong(totalRow[totalRow.length - 1])).isEqualTo(totalObligated);
    assertThat(sum(matrix.subList(0, matrix.size() - 1), "total")).isEqualTo(totalObligated);
  }

  @Test
  void fundedOptionYears_matchEachOptionsObligations() throws Exception {
    List<String[]> years = rows(PlanCsv.texts(plan), "funded-option-years.csv");
    FundedOption first = plan.fundedOptions().get(0);

    List<String[]> mine = years.stream().filter(row -> row[0].equals(first.optionId())).toList();

    assertThat(mine).isNotEmpty();
    for (String[] row : mine) {
      int fiscalYear = Integer.parseInt(row[2]);
      assertThat(Long.parseLong(row[4]))
          .isEqualTo(first.obligationsByFiscalYear().getOrDefault(fiscalYear, 0L));
      assertThat(Long.parseLong(row[3]))
          .isEqualTo(first.costByFiscalYear().getOrDefault(fiscalYear, 0L));
    }
  }

  @Test
  void decimal_binaryNoise_roundedToSixDecimals() {
    assertThat(PlanCsv.decimal(3.9536640000000016)).isEqualTo("3.953664");
    assertThat(PlanCsv.decimal(0.8999999999999999)).isEqualTo("0.9");
    assertThat(PlanCsv.decimal(1.0)).isEqualTo("1");
    assertThat(PlanCsv.decimal(-0.0)).isEqualTo("0");
    assertThat(PlanCsv.decimal(1e-9)).isEqualTo("0");
  }

  @Test
  void write_theaterPlan_noCellCarriesMoreThanSixDecimals() {
    Map<String, String> texts = PlanCsv.texts(plan);

    assertThat(texts.values())
        .allSatisfy(text -> assertThat(text).doesNotContainPattern("\\d\\.\\d{7,}"));
  }
}
