package org.scplan.cli;

import java.util.List;
import java.util.Locale;
import org.scplan.assessment.Adjustment;
import org.scplan.assessment.AdjustmentKind;
import org.scplan.assessment.Assessment;
import org.scplan.assessment.ExecutionReplan;
import org.scplan.whatif.Churn;
import org.scplan.whatif.FundingChange;
import org.scplan.whatif.MoneyChange;
import org.scplan.whatif.PlanDiff;
import org.scplan.whatif.Removal;
import org.scplan.whatif.ReplanOutcome;
import org.scplan.whatif.RiskChange;

/**
 * The readable form of a {@link PlanDiff} ({@code scplan whatif}, {@code scplan diff}) and of a
 * re-plan's churn. Every figure is taken from the diff, so the printed lines add up to the printed
 * totals.
 */
final class DiffReport {
  private DiffReport() {}

  /**
   * The diff as text; {@code before} and {@code after} say which plan is which (file names, or
   * "base plan" and "changed plan"), each followed by its scenario id.
   */
  static String format(PlanDiff diff, List<Removal> removals, String before, String after) {
    StringBuilder text = new StringBuilder();
    line(
        text,
        "Plan diff: %s (scenario %s) -> %s (scenario %s)",
        before,
        diff.scenarioBefore(),
        after,
        diff.scenarioAfter());
    line(
        text,
        "Risk reduced        %,.2f -> %,.2f points (%+,.2f)",
        diff.riskReducedBefore(),
        diff.riskReducedAfter(),
        diff.riskReducedChange());
    line(
        text,
        "Weight at stake     %,.2f -> %,.2f points",
        diff.weightAtStakeBefore(),
        diff.weightAtStakeAfter());
    line(
        text,
        "Obligated           $%,d -> $%,d (%+,d)",
        diff.obligatedBefore(),
        diff.obligatedAfter(),
        diff.obligatedChange());
    line(
        text,
        "Lapsing             $%,d -> $%,d (%+,d)",
        diff.lapsedBefore(),
        diff.lapsedAfter(),
        diff.lapsedChange());
    line(
        text,
        "Options             %d added, %d cut, %d moved or re-programmed, %d unchanged",
        diff.changes(FundingChange.Kind.ADDED).size(),
        diff.changes(FundingChange.Kind.CUT).size(),
        diff.changes().size()
            - diff.changes(FundingChange.Kind.ADDED).size()
            - diff.changes(FundingChange.Kind.CUT).size(),
        diff.unchangedFunded());
    if (!removals.isEmpty()) {
      text.append('\n');
      line(text, "Removed from the scenario by the delta (%d)", removals.size());
      for (Removal removal : removals) {
        line(text, "  %s", removal);
      }
    }
    if (!diff.changes().isEmpty()) {
      text.append('\n');
      line(text, "Funding changes");
      for (FundingChange change : diff.changes()) {
        line(text, "  %-26s %s", change.kind(), describe(change));
      }
    }
    riskTable(text, "Risk reduced by partner (points)", diff.riskByPartner());
    riskTable(text, "Risk reduced by combatant command (points)", diff.riskByCombatantCommand());
    boolean header = false;
    for (MoneyChange money : diff.moneyByProgramAndFiscalYear()) {
      if (money.change() == 0) {
        continue;
      }
      if (!header) {
        text.append('\n');
        line(text, "Obligations by program and fiscal year (changed lines)");
        header = true;
      }
      line(
          text,
          "  %-24s FY%d  $%,15d -> $%,15d  %+,15d",
          money.programId(),
          money.fiscalYear(),
          money.before(),
          money.after(),
          money.change());
    }
    line(
        text,
        "  %-24s        %s  %+,15d",
        "total",
        " ".repeat(37),
        diff.obligatedChangeByProgramSum());
    return text.toString();
  }

  static String churn(ReplanOutcome outcome) {
    Churn churn = outcome.churn();
    StringBuilder text = new StringBuilder("\n");
    line(
        text,
        "Re-planning in FY%d (stability penalty %.2f points per changed option)",
        churn.currentFiscalYear(),
        outcome.stabilityPenaltyPoints());
    line(
        text,
        "  %d obligated (locked), %d kept, %d moved, %d dropped, %d added",
        churn.obligated().size(),
        churn.kept().size(),
        churn.moved().size(),
        churn.dropped().size(),
        churn.added().size());
    for (FundingChange change : churn.moved()) {
      line(text, "  moved    %s", describe(change));
    }
    for (FundingChange change : churn.dropped()) {
      line(text, "  dropped  %s", describe(change));
    }
    for (FundingChange change : churn.added()) {
      line(text, "  added    %s", describe(change));
    }
    for (Removal removal : outcome.removals()) {
      line(text, "  no longer possible: %s", removal);
    }
    return text.toString();
  }

  /** What re-planning from execution changed before solving, with the assessment's headlines. */
  static String adjustments(ExecutionReplan replan) {
    Assessment assessment = replan.assessment();
    StringBuilder text = new StringBuilder("\n");
    line(
        text,
        "Execution through FY%d: $%,d obligated of $%,d planned; $%,d lapsed, $%,d at risk",
        assessment.throughFiscalYear(),
        assessment.obligatedToDate(),
        assessment.plannedToDate(),
        assessment.lapsed(),
        assessment.atRisk());
    line(text, "What the execution and its assessment changed (%d)", replan.adjustments().size());
    long locked =
        replan.adjustments().stream()
            .filter(a -> a.kind() == AdjustmentKind.OBLIGATED_LOCKED)
            .count();
    line(
        text,
        "  %-19s %d activities that obligated money, at their program and start, no cost left in"
            + " past FYs (listed in the reports)",
        "obligated locked",
        locked);
    for (Adjustment adjustment : replan.adjustments()) {
      if (adjustment.kind() != AdjustmentKind.OBLIGATED_LOCKED) {
        line(
            text,
            "  %-19s %s: %s",
            adjustment.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
            adjustment.id(),
            adjustment.description());
      }
    }
    return text.toString();
  }

  private static String describe(FundingChange change) {
    String before =
        change.programBefore() == null
            ? "-"
            : change.programBefore() + " FY" + change.startBefore();
    String after =
        change.programAfter() == null ? "-" : change.programAfter() + " FY" + change.startAfter();
    return String.format(
        Locale.ROOT,
        "%s: %s -> %s, $%,d -> $%,d, %.2f -> %.2f points",
        change.optionId(),
        before,
        after,
        change.obligatedBefore(),
        change.obligatedAfter(),
        change.valueBefore(),
        change.valueAfter());
  }

  private static void riskTable(StringBuilder text, String title, List<RiskChange> rows) {
    if (rows.isEmpty()) {
      return;
    }
    text.append('\n');
    line(text, "%s", title);
    double before = 0;
    double after = 0;
    for (RiskChange row : rows) {
      line(
          text,
          "  %-24s %10.2f -> %10.2f  %+9.2f",
          row.key(),
          row.before(),
          row.after(),
          row.change());
      before += row.before();
      after += row.after();
    }
    line(text, "  %-24s %10.2f -> %10.2f  %+9.2f", "total", before, after, after - before);
  }

  private static void line(StringBuilder text, String format, Object... arguments) {
    text.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
