package org.scplan.cli;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.scplan.plan.AppropriationUse;
import org.scplan.plan.Plan;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.valuation.ReasonCode;

/**
 * The readable summary {@code scplan solve} prints: risk reduced against the total at stake, funded
 * and unfunded counts with reasons, solver status and gap, optimizer against greedy, obligations by
 * program and fiscal year, and money lapsing. Every figure is taken from the plan, never recomputed
 * differently.
 */
final class PlanSummary {
  private PlanSummary() {}

  /**
   * "Name (scenario id), FY2027–FY2031", without the horizon when the name already states it (with
   * an en dash or a hyphen), so that it is printed once.
   */
  static String header(String name, String id, int first, int last) {
    String horizon = "FY" + first + "–FY" + last;
    boolean named = name.contains(horizon) || name.contains("FY" + first + "-FY" + last);
    return name + " (scenario " + id + ")" + (named ? "" : ", " + horizon);
  }

  static String format(Scenario scenario, Plan plan) {
    StringBuilder text = new StringBuilder();
    int first = scenario.horizon().firstFiscalYear();
    int last = scenario.horizon().lastFiscalYear();
    long commands = scenario.partners().stream().map(Partner::combatantCommand).distinct().count();
    line(text, "%s", header(scenario.name(), scenario.id(), first, last));
    line(
        text,
        "  %d partners in %d combatant commands, %d gaps, %d options, %d programs",
        scenario.partners().size(),
        commands,
        scenario.gaps().size(),
        scenario.options().size(),
        scenario.programs().size());
    text.append('\n');

    line(
        text,
        "Risk reduced        %,.2f of %,.2f weighted risk points at stake (%.1f %%)",
        plan.riskReduced(),
        plan.totalWeightAtStake(),
        100 * plan.riskReducedShare());
    line(
        text,
        "Options             %d funded, %d unfunded",
        plan.fundedOptions().size(),
        plan.unfundedOptions().size());
    Map<ReasonCode, Integer> reasons = new EnumMap<>(ReasonCode.class);
    for (UnfundedOption unfunded : plan.unfundedOptions()) {
      reasons.merge(unfunded.reason().code(), 1, Integer::sum);
    }
    if (!reasons.isEmpty()) {
      StringBuilder byReason = new StringBuilder();
      reasons.entrySet().stream()
          .sorted(
              Map.Entry.<ReasonCode, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(
              e ->
                  byReason
                      .append(byReason.length() == 0 ? "" : ", ")
                      .append(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                      .append(' ')
                      .append(e.getValue()));
      line(text, "  unfunded by reason: %s", byReason);
    }
    SolverStatistics solver = plan.solver();
    line(
        text,
        "Solver              %s, gap %s, %.2f s (%d %s, seed %d), %,d decisions, %,d constraints",
        plan.status(),
        solver.relativeGap() == null
            ? "unknown"
            : String.format(Locale.ROOT, "%.3f %%", 100 * solver.relativeGap()),
        solver.wallTimeSeconds(),
        solver.workers(),
        solver.workers() == 1 ? "worker" : "workers",
        solver.seed(),
        solver.booleanVariables(),
        solver.constraints());
    if (solver.bestBound() != null) {
      line(
          text,
          "  objective %.4f points, proven bound %.4f points (net of the lapse penalty)",
          solver.objective(),
          solver.bestBound());
    }
    if (!solver.note().isEmpty()) {
      line(text, "  note: %s", solver.note());
    }
    if (solver.greedyRiskReduced() != null) {
      double greedy = solver.greedyRiskReduced();
      if (greedy > 0) {
        line(
            text,
            "Optimizer vs greedy %,.2f vs %,.2f points: ratio %.3f (%+.1f %%)",
            plan.riskReduced(),
            greedy,
            plan.riskReduced() / greedy,
            100 * (plan.riskReduced() / greedy - 1));
      } else {
        line(text, "Optimizer vs greedy %,.2f vs %,.2f points", plan.riskReduced(), greedy);
      }
    }
    text.append('\n');

    line(text, "Obligations by program and fiscal year (thousands of dollars)");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-22s", "program"));
    for (int year = first; year <= last; year++) {
      header.append(String.format(Locale.ROOT, "%11s", "FY" + year));
    }
    header.append(String.format(Locale.ROOT, "%12s", "total"));
    line(text, "%s", header);
    Map<Integer, Long> columnTotals = new TreeMap<>();
    for (Program program : scenario.programs()) {
      Map<Integer, Long> byYear =
          plan.totals().obligationsByProgramAndFiscalYear().getOrDefault(program.id(), Map.of());
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "  %-22s", truncate(program.id(), 22)));
      long total = 0;
      for (int year = first; year <= last; year++) {
        long amount = byYear.getOrDefault(year, 0L);
        row.append(String.format(Locale.ROOT, "%,11d", thousands(amount)));
        total += amount;
        columnTotals.merge(year, amount, Long::sum);
      }
      row.append(String.format(Locale.ROOT, "%,12d", thousands(total)));
      line(text, "%s", row);
    }
    StringBuilder totalRow = new StringBuilder(String.format(Locale.ROOT, "  %-22s", "total"));
    for (int year = first; year <= last; year++) {
      totalRow.append(
          String.format(Locale.ROOT, "%,11d", thousands(columnTotals.getOrDefault(year, 0L))));
    }
    totalRow.append(String.format(Locale.ROOT, "%,12d", thousands(plan.totals().totalObligated())));
    line(text, "%s", totalRow);
    text.append('\n');

    long expiring = 0;
    long availableAfter = 0;
    StringBuilder lapses = new StringBuilder();
    for (AppropriationUse use : plan.appropriations()) {
      availableAfter += use.availableAfterHorizon();
      if (use.lastAvailableFiscalYear() != null && use.lastAvailableFiscalYear() <= last) {
        expiring += use.amount();
      }
      if (use.lapsed() > 0) {
        lapses.append(
            String.format(
                Locale.ROOT,
                "  %s FY%d: $%,d of $%,d lapses at the end of FY%d%n",
                use.programId(),
                use.fiscalYear(),
                use.lapsed(),
                use.amount(),
                use.lastAvailableFiscalYear()));
      }
    }
    line(text, "Money lapsing inside the horizon");
    if (lapses.length() == 0) {
      line(text, "  none: every appropriation expiring by FY%d is obligated in full", last);
    } else {
      text.append(lapses);
    }
    line(
        text,
        "  total lapsing $%,d (%.1f %% of the $%,d expiring inside the horizon); $%,d stays available after FY%d",
        plan.totals().totalLapsed(),
        expiring == 0 ? 0.0 : 100.0 * plan.totals().totalLapsed() / expiring,
        expiring,
        availableAfter,
        last);
    return text.toString();
  }

  private static long thousands(long dollars) {
    return Math.round(dollars / 1_000.0);
  }

  private static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  private static void line(StringBuilder text, String format, Object... arguments) {
    text.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
