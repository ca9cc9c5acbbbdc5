package org.scplan.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.scplan.plan.AppropriationDraw;
import org.scplan.plan.AppropriationUse;
import org.scplan.plan.FundedOption;
import org.scplan.plan.GapOutcome;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanTotals;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.support.AtomicFiles;
import org.scplan.support.CsvText;

/**
 * Writes a {@link Plan} as CSV files for spreadsheets and briefings, one per table; {@code
 * docs/CSV.md} lists every column. Money in whole US dollars, values in weighted risk points,
 * fractions 0–1, fiscal years in full; numbers that are not whole rounded to {@value #DECIMALS}
 * decimals.
 *
 * <ul>
 *   <li>{@code plan-summary.csv}: one row: status, headline figures, totals, solver statistics;
 *   <li>{@code funded-options.csv}: each funded option with program, start, completion, total
 *       obligated and value;
 *   <li>{@code funded-option-years.csv}: cost executed and dollars obligated per option and FY;
 *   <li>{@code draws.csv}: dollars drawn per option, appropriation FY and obligation FY;
 *   <li>{@code unfunded-options.csv}: each unfunded option with its reason code and reason;
 *   <li>{@code gap-outcomes.csv}: weight, value, closure and residual risk per gap;
 *   <li>{@code appropriation-use.csv}: per appropriation, obligated, lapsed, left after the
 *       horizon;
 *   <li>{@code obligations-by-program-and-fiscal-year.csv}: the funding matrix, a column per FY
 *       ({@code FY2027}…) and a {@code total} column, a row per program and a {@value
 *       #ALL_PROGRAMS} row;
 *   <li>{@code totals-by-partner.csv} and {@code totals-by-sco.csv}: dollars (and, per partner,
 *       points) per partner and SCO.
 * </ul>
 *
 * <p>Thread-safe: the class holds no state.
 */
public final class PlanCsv {
  /** The {@code programId} of the matrix's total row. */
  public static final String ALL_PROGRAMS = "(all programs)";

  /** Decimals of every number that is not whole: points, 0–1 fractions, seconds. */
  static final int DECIMALS = 6;

  private PlanCsv() {}

  private static final List<String> FILE_NAMES =
      List.of(
          "plan-summary.csv",
          "funded-options.csv",
          "funded-option-years.csv",
          "draws.csv",
          "unfunded-options.csv",
          "gap-outcomes.csv",
          "appropriation-use.csv",
          "obligations-by-program-and-fiscal-year.csv",
          "totals-by-partner.csv",
          "totals-by-sco.csv");

  /** The file names written, in order. */
  public static List<String> fileNames() {
    return FILE_NAMES;
  }

  /**
   * Writes the plan's tables into {@code folder} (created if need be), each file atomically; other
   * files in the folder are left alone.
   *
   * @throws IllegalArgumentException if a number in the plan is NaN or infinite
   * @throws AtomicFiles.NotARegularFileException when a table's path holds a link, FIFO, device or
   *     folder; nothing is written then
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(Plan plan, Path folder) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(folder, "folder");
    Map<String, List<String[]>> tables = tables(plan);
    AtomicFiles.requireReplaceable(files(folder));
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder + ": " + e.getMessage(), e);
    }
    tables.forEach((name, rows) -> AtomicFiles.write(folder.resolve(name), CsvText.print(rows)));
  }

  /** The files {@link #write} writes into {@code folder}, for callers that check them first. */
  public static Path[] files(Path folder) {
    return FILE_NAMES.stream().map(folder::resolve).toArray(Path[]::new);
  }

  /** The text of each table, by file name, for callers that write elsewhere. */
  public static Map<String, String> texts(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    Map<String, String> texts = new LinkedHashMap<>();
    tables(plan).forEach((name, rows) -> texts.put(name, CsvText.print(rows)));
    return texts;
  }

  private static Map<String, List<String[]>> tables(Plan plan) {
    Map<String, List<String[]>> tables = new LinkedHashMap<>();
    SolverStatistics solver = plan.solver();
    PlanTotals totals = plan.totals();
    List<String[]> summary =
        table(
            "scenarioId",
            "status",
            "totalWeightAtStake",
            "riskReduced",
            "riskReducedShare",
            "totalObligated",
            "totalLapsed",
            "fundedOptions",
            "unfundedOptions",
            "engine",
            "objective",
            "bestBound",
            "relativeGap",
            "wallTimeSeconds",
            "firstSolutionSeconds",
            "workers",
            "seed",
            "booleanVariables",
            "constraints",
            "greedyRiskReduced",
            "note");
    summary.add(
        row(
            plan.scenarioId(),
            plan.status(),
            plan.totalWeightAtStake(),
            plan.riskReduced(),
            plan.riskReducedShare(),
            totals.totalObligated(),
            totals.totalLapsed(),
            plan.fundedOptions().size(),
            plan.unfundedOptions().size(),
            solver.engine(),
            solver.objective(),
            solver.bestBound(),
            solver.relativeGap(),
            solver.wallTimeSeconds(),
            solver.firstSolutionSeconds(),
            solver.workers(),
            solver.seed(),
            solver.booleanVariables(),
            solver.constraints(),
            solver.greedyRiskReduced(),
            solver.note()));
    tables.put("plan-summary.csv", summary);

    List<String[]> funded =
        table(
            "optionId",
            "gapId",
            "partnerId",
            "programId",
            "startFiscalYear",
            "completionFiscalYear",
            "totalObligated",
            "value",
            "locked");
    List<String[]> years = table("optionId", "programId", "fiscalYear", "cost", "obligated");
    List<String[]> draws =
        table("optionId", "programId", "appropriationFiscalYear", "obligationFiscalYear", "amount");
    for (FundedOption option : plan.fundedOptions()) {
      funded.add(
          row(
              option.optionId(),
              option.gapId(),
              option.partnerId(),
              option.programId(),
              option.startFiscalYear(),
              option.completionFiscalYear(),
              option.totalObligated(),
              option.value(),
              option.locked()));
      TreeSet<Integer> fiscalYears = new TreeSet<>(option.costByFiscalYear().keySet());
      fiscalYears.addAll(option.obligationsByFiscalYear().keySet());
      for (int fiscalYear : fiscalYears) {
        years.add(
            row(
                option.optionId(),
                option.programId(),
                fiscalYear,
                option.costByFiscalYear().getOrDefault(fiscalYear, 0L),
                option.obligationsByFiscalYear().getOrDefault(fiscalYear, 0L)));
      }
      for (AppropriationDraw draw : option.draws()) {
        draws.add(
            row(
                option.optionId(),
                option.programId(),
                draw.appropriationFiscalYear(),
                draw.obligationFiscalYear(),
                draw.amount()));
      }
    }
    tables.put("funded-options.csv", funded);
    tables.put("funded-option-years.csv", years);
    tables.put("draws.csv", draws);

    List<String[]> unfunded = table("optionId", "gapId", "partnerId", "reasonCode", "reason");
    for (UnfundedOption option : plan.unfundedOptions()) {
      unfunded.add(
          row(
              option.optionId(),
              option.gapId(),
              option.partnerId(),
              option.reason().code(),
              option.reason().detail()));
    }
    tables.put("unfunded-options.csv", unfunded);

    List<String[]> gaps =
        table("gapId", "partnerId", "weight", "maximumValue", "value", "closure", "residualRisk");
    for (GapOutcome gap : plan.gaps()) {
      gaps.add(
          row(
              gap.gapId(),
              gap.partnerId(),
              gap.weight(),
              gap.maximumValue(),
              gap.value(),
              gap.closure(),
              gap.residualRisk()));
    }
    tables.put("gap-outcomes.csv", gaps);

    List<String[]> appropriations =
        table(
            "programId",
            "fiscalYear",
            "amount",
            "lastAvailableFiscalYear",
            "obligated",
            "lapsed",
            "availableAfterHorizon");
    for (AppropriationUse use : plan.appropriations()) {
      appropriations.add(
          row(
              use.programId(),
              use.fiscalYear(),
              use.amount(),
              use.lastAvailableFiscalYear() == null
                  ? ScenarioCsv.NO_YEAR
                  : use.lastAvailableFiscalYear(),
              use.obligated(),
              use.lapsed(),
              use.availableAfterHorizon()));
    }
    tables.put("appropriation-use.csv", appropriations);

    tables.put("obligations-by-program-and-fiscal-year.csv", matrix(totals));

    List<String[]> partners = table("partnerId", "obligated", "riskReduced");
    TreeSet<String> partnerIds = new TreeSet<>(totals.obligationsByPartner().keySet());
    partnerIds.addAll(totals.riskReducedByPartner().keySet());
    for (String partnerId : partnerIds) {
      partners.add(
          row(
              partnerId,
              totals.obligationsByPartner().getOrDefault(partnerId, 0L),
              totals.riskReducedByPartner().getOrDefault(partnerId, 0.0)));
    }
    tables.put("totals-by-partner.csv", partners);

    List<String[]> offices = table("scoId", "obligated");
    totals.obligationsBySco().forEach((scoId, dollars) -> offices.add(row(scoId, dollars)));
    tables.put("totals-by-sco.csv", offices);
    return tables;
  }

  /** Programs down, fiscal years across ("FY2027"), a total column and a total row. */
  private static List<String[]> matrix(PlanTotals totals) {
    TreeSet<Integer> fiscalYears = new TreeSet<>(totals.obligationsByFiscalYear().keySet());
    totals
        .obligationsByProgramAndFiscalYear()
        .values()
        .forEach(m -> fiscalYears.addAll(m.keySet()));
    List<String> header = new ArrayList<>();
    header.add("programId");
    fiscalYears.forEach(fiscalYear -> header.add("FY" + fiscalYear));
    header.add("total");
    List<String[]> matrix = new ArrayList<>();
    matrix.add(header.toArray(String[]::new));
    totals
        .obligationsByProgramAndFiscalYear()
        .forEach(
            (programId, byYear) -> {
              List<Object> cells = new ArrayList<>();
              cells.add(programId);
              fiscalYears.forEach(fiscalYear -> cells.add(byYear.getOrDefault(fiscalYear, 0L)));
              cells.add(totals.obligationsByProgram().getOrDefault(programId, 0L));
              matrix.add(row(cells.toArray()));
            });
    List<Object> total = new ArrayList<>();
    total.add(ALL_PROGRAMS);
    fiscalYears.forEach(
        fiscalYear -> total.add(totals.obligationsByFiscalYear().getOrDefault(fiscalYear, 0L)));
    total.add(totals.totalObligated());
    matrix.add(row(total.toArray()));
    return matrix;
  }

  /**
   * {@code value} rounded to {@value #DECIMALS} decimals, without trailing zeros: the sums behind
   * points and fractions carry binary noise ({@code 3.9536640000000016}) that no reader wants, and
   * a millionth of a point is below anything a plan can tell apart.
   */
  static String decimal(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("the number " + value + " cannot be written to CSV");
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  private static List<String[]> table(String... header) {
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    return rows;
  }

  private static String[] row(Object... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      Object cell = cells[i];
      if (cell == null) {
        row[i] = "";
      } else if (cell instanceof Double number) {
        row[i] = decimal(number);
      } else {
        row[i] = cell.toString();
      }
    }
    return row;
  }
}
