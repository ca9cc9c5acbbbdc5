package org.scplan.whatif;

import java.util.ArrayList;
import java.util.List;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.support.Copies;

/**
 * How a re-plan changed the previous plan. Options obligated before the current FY are locked and
 * reported as {@code obligated}; options the previous plan had planned from the current FY on are
 * kept, moved (another start FY or program) or dropped; options new to the plan are added. A moved
 * or dropped option is a <em>changed</em> option, which the stability penalty charges.
 *
 * @param currentFiscalYear the FY of re-planning: starts before it were obligated
 * @param obligated ids of options obligated in the past, kept as locked decisions, sorted
 * @param kept ids of planned options kept with the same program and start, sorted
 * @param moved planned options funded with another start FY or program, sorted by option id
 * @param dropped planned options no longer funded (including options gone from the scenario),
 *     sorted by option id
 * @param added options funded now that the previous plan did not fund, sorted by option id
 */
public record Churn(
    int currentFiscalYear,
    List<String> obligated,
    List<String> kept,
    List<FundingChange> moved,
    List<FundingChange> dropped,
    List<FundingChange> added) {

  public Churn {
    obligated = Copies.list(obligated);
    kept = Copies.list(kept);
    moved = Copies.list(moved);
    dropped = Copies.list(dropped);
    added = Copies.list(added);
  }

  /**
   * The churn from {@code previous} to {@code next} when re-planning in {@code currentFiscalYear}.
   */
  public static Churn between(Plan previous, Plan next, int currentFiscalYear) {
    PlanDiff diff = PlanDiff.between(previous, next);
    List<String> obligated = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (FundedOption option : previous.fundedOptions()) {
      boolean same =
          next.funded(option.optionId())
              .filter(
                  f ->
                      f.programId().equals(option.programId())
                          && f.startFiscalYear() == option.startFiscalYear())
              .isPresent();
      if (same) {
        (option.startFiscalYear() < currentFiscalYear ? obligated : kept).add(option.optionId());
      }
    }
    List<FundingChange> moved = new ArrayList<>();
    List<FundingChange> dropped = new ArrayList<>();
    List<FundingChange> added = new ArrayList<>();
    for (FundingChange change : diff.changes()) {
      switch (change.kind()) {
        case ADDED -> added.add(change);
        case CUT -> dropped.add(change);
        default -> moved.add(change);
      }
    }
    return new Churn(currentFiscalYear, obligated, kept, moved, dropped, added);
  }

  /** Planned options moved or dropped: what the stability penalty charges for. */
  public int changedCount() {
    return moved.size() + dropped.size();
  }
}
