package org.scplan.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.scplan.scenario.BalanceRule;

/**
 * Running use of every limited resource by a set of funded candidates, in the model units of {@link
 * AllocationInstance}: program money (checked as a flow over appropriations, soonest expiring
 * first), partner absorptive capacity and sustainment budget, per-partner program caps, SCO staff
 * and balance rules. Lets a heuristic add and remove candidates and ask which limit, if any, is
 * broken. Not thread-safe.
 */
public final class ResourceLedger {
  private final AllocationInstance instance;
  private final int years;
  private final long[][] programUnits;
  private final long[][] partnerCost;
  private final long[][] partnerSustainment;
  private final Map<Long, long[]> programPartnerUnits = new HashMap<>();
  private final long[][] scoWork;
  private final long[][] coveredDollars;
  private final long[] totalDollars;

  /** An empty ledger: nothing funded. */
  public ResourceLedger(AllocationInstance instance) {
    this.instance = instance;
    this.years = instance.years;
    programUnits = new long[instance.programs.length][years];
    partnerCost = new long[instance.partners.length][years];
    partnerSustainment = new long[instance.partners.length][years];
    scoWork = new long[instance.scoCapacityTenths.length][years];
    coveredDollars = new long[instance.balanceRules.length][years];
    totalDollars = new long[years];
  }

  /** Adds ({@code sign = 1}) or removes ({@code sign = −1}) a funded candidate. */
  public void apply(int option, int candidate, int sign) {
    int program = instance.candidateProgram[option][candidate];
    int partner = instance.optionPartner[option];
    int sco = instance.partnerSco[partner];
    long[] cap = programPartnerUnits.computeIfAbsent(key(program, partner), k -> new long[years]);
    for (int y = 0; y < years; y++) {
      long units = instance.obligationUnits(option, candidate, y);
      programUnits[program][y] += sign * units;
      cap[y] += sign * units;
      partnerCost[partner][y] += sign * instance.costUnitsIn(option, candidate, y);
      if (instance.sustainedIn(option, candidate, y)) {
        partnerSustainment[partner][y] += sign * instance.sustainmentUnits[option];
      }
      if (instance.runsIn(option, candidate, y)) {
        scoWork[sco][y] += sign * instance.workloadTenths[option];
      }
      long dollars = instance.obligationDollars(option, candidate, y);
      totalDollars[y] += sign * dollars;
      for (int r = 0; r < coveredDollars.length; r++) {
        if (instance.covered[r][option]) {
          coveredDollars[r][y] += sign * dollars;
        }
      }
    }
  }

  /**
   * The first limit broken by the resources a candidate touches, in words, or {@code null} when all
   * hold. Balance-rule minimums are checked only when {@code checkMinimums} is set: a plan under
   * construction may not have reached them yet.
   */
  public String violationAround(int option, int candidate, boolean checkMinimums) {
    int program = instance.candidateProgram[option][candidate];
    int partner = instance.optionPartner[option];
    String money = moneyShortfall(program);
    if (money != null) {
      return money;
    }
    long[] cap = programPartnerUnits.get(key(program, partner));
    for (int y = 0; y < years; y++) {
      if (partnerCost[partner][y] > instance.absorptiveUnits[partner]) {
        return "absorptive capacity of partner "
            + instance.partners[partner].id()
            + " in FY"
            + fiscalYear(y);
      }
      if (partnerSustainment[partner][y] > instance.sustainmentBudgetUnits[partner]) {
        return "sustainment budget of partner "
            + instance.partners[partner].id()
            + " in FY"
            + fiscalYear(y);
      }
      if (cap != null && cap[y] > instance.programPartnerCapUnits[program]) {
        return "per-partner cap of program "
            + instance.programs[program].id()
            + " in FY"
            + fiscalYear(y);
      }
      int sco = instance.partnerSco[partner];
      if (scoWork[sco][y] > instance.scoCapacityTenths[sco]) {
        return "staff capacity of SCO "
            + instance.scenario.securityCooperationOffices().get(sco).id()
            + " in FY"
            + fiscalYear(y);
      }
    }
    return balanceViolation(checkMinimums);
  }

  /** The first balance rule broken, or {@code null}. */
  public String balanceViolation(boolean checkMinimums) {
    for (int r = 0; r < coveredDollars.length; r++) {
      BalanceRule rule = instance.balanceRules[r];
      if (instance.perYear(r)) {
        for (int y = 0; y < years; y++) {
          if (breaks(rule, coveredDollars[r][y], totalDollars[y], checkMinimums)) {
            return "balance rule " + rule.id() + " in FY" + fiscalYear(y);
          }
        }
      } else if (breaks(
          rule,
          Arrays.stream(coveredDollars[r]).sum(),
          Arrays.stream(totalDollars).sum(),
          checkMinimums)) {
        return "balance rule " + rule.id() + " over the horizon";
      }
    }
    return null;
  }

  /** Whether every hard limit holds; balance minimums only when {@code checkMinimums}. */
  public boolean feasible(boolean checkMinimums) {
    for (int p = 0; p < programUnits.length; p++) {
      if (moneyShortfall(p) != null) {
        return false;
      }
    }
    for (int partner = 0; partner < partnerCost.length; partner++) {
      for (int y = 0; y < years; y++) {
        if (partnerCost[partner][y] > instance.absorptiveUnits[partner]
            || partnerSustainment[partner][y] > instance.sustainmentBudgetUnits[partner]) {
          return false;
        }
      }
    }
    for (Map.Entry<Long, long[]> entry : programPartnerUnits.entrySet()) {
      int program = (int) (entry.getKey() / instance.partners.length);
      for (long units : entry.getValue()) {
        if (units > instance.programPartnerCapUnits[program]) {
          return false;
        }
      }
    }
    for (int sco = 0; sco < scoWork.length; sco++) {
      for (int y = 0; y < years; y++) {
        if (scoWork[sco][y] > instance.scoCapacityTenths[sco]) {
          return false;
        }
      }
    }
    return balanceViolation(checkMinimums) == null;
  }

  /**
   * Whether the program's obligations can be paid year by year from its appropriations: draws the
   * money expiring soonest first, which is optimal for money available over intervals.
   */
  private String moneyShortfall(int program) {
    AllocationInstance.AppropriationLine[] lines = instance.appropriations[program];
    long[] remaining = new long[lines.length];
    for (int a = 0; a < lines.length; a++) {
      remaining[a] = lines[a].budgetUnits();
    }
    for (int y = 0; y < years; y++) {
      long need = programUnits[program][y];
      if (need <= 0) {
        continue;
      }
      int fiscalYear = fiscalYear(y);
      while (need > 0) {
        int best = -1;
        for (int a = 0; a < lines.length; a++) {
          if (remaining[a] > 0
              && lines[a].firstFiscalYear() <= fiscalYear
              && fiscalYear <= lines[a].lastFiscalYear()
              && (best < 0 || lines[a].lastFiscalYear() < lines[best].lastFiscalYear())) {
            best = a;
          }
        }
        if (best < 0) {
          return "appropriations of program "
              + instance.programs[program].id()
              + " in FY"
              + fiscalYear;
        }
        long take = Math.min(need, remaining[best]);
        remaining[best] -= take;
        need -= take;
      }
    }
    return null;
  }

  /**
   * Units of the program's appropriations that expire inside the horizon and are left undrawn, with
   * the obligations paid as {@link org.scplan.plan.PlanAssembler} pays them: each FY from the
   * appropriation available then that expires soonest (then the oldest, then in scenario order).
   * Assumes the program's obligations fit ({@link #violationAround} found nothing).
   */
  public long lapsedUnits(int program) {
    AllocationInstance.AppropriationLine[] lines = instance.appropriations[program];
    Integer[] order = new Integer[lines.length];
    long[] remaining = new long[lines.length];
    for (int a = 0; a < lines.length; a++) {
      order[a] = a;
      remaining[a] = lines[a].budgetUnits();
    }
    Arrays.sort(
        order,
        java.util.Comparator.<Integer>comparingInt(
                a -> lines[a].appropriation().lastAvailableFiscalYear())
            .thenComparingInt(a -> lines[a].appropriation().fiscalYear())
            .thenComparingInt(a -> lines[a].index()));
    for (int y = 0; y < years; y++) {
      long need = programUnits[program][y];
      int fiscalYear = fiscalYear(y);
      for (int i = 0; i < order.length && need > 0; i++) {
        AllocationInstance.AppropriationLine line = lines[order[i]];
        if (line.firstFiscalYear() <= fiscalYear && fiscalYear <= line.lastFiscalYear()) {
          long take = Math.min(need, remaining[order[i]]);
          remaining[order[i]] -= take;
          need -= take;
        }
      }
    }
    long lapsed = 0;
    for (int a = 0; a < lines.length; a++) {
      if (lines[a].expiresInHorizon()) {
        lapsed += remaining[a];
      }
    }
    return lapsed;
  }

  private static boolean breaks(BalanceRule rule, long covered, long total, boolean checkMinimums) {
    if (rule.maximumShare() != null
        && 10_000L * covered > AllocationInstance.shareBasisPoints(rule.maximumShare()) * total) {
      return true;
    }
    if (rule.maximumAmount() != null && covered > rule.maximumAmount()) {
      return true;
    }
    if (!checkMinimums) {
      return false;
    }
    if (rule.minimumShare() != null
        && 10_000L * covered < AllocationInstance.shareBasisPoints(rule.minimumShare()) * total) {
      return true;
    }
    return rule.minimumAmount() != null && covered < rule.minimumAmount();
  }

  private int fiscalYear(int y) {
    return instance.firstFiscalYear + y;
  }

  private long key(int program, int partner) {
    return (long) program * instance.partners.length + partner;
  }
}
