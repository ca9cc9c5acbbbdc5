package org.scplan.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scplan.explain.CrowdingCause;
import org.scplan.explain.Rule;
import org.scplan.explain.RuleKind;
import org.scplan.scenario.BalanceRule;

/**
 * Which limits stop an unfunded option from joining a plan as it stands. For every candidate of the
 * option it adds the candidate's use to the plan's use of every resource, in the model units of
 * {@link AllocationInstance} (the units the allocators decide in), and lists each limit that would
 * be exceeded with the shortfall; program money is paid year by year from the appropriations
 * available, soonest expiring first, as in {@link ResourceLedger}. The candidate reported is the
 * one with the fewest broken limits (then the highest value). Immutable after construction.
 */
public final class CrowdingAnalysis {
  private final AllocationInstance instance;
  private final int[] chosen;
  private final int years;
  private final long[][] programUnits;
  private final long[][] partnerCost;
  private final long[][] partnerSustainment;
  private final long[][][] programPartnerUnits;
  private final long[][] scoWork;
  private final long[][] coveredDollars;
  private final long[] totalDollars;
  private final double[] gapValue;

  /** A limit that would be exceeded, with the shortfall in its own unit (see BindingLimit). */
  public record Breach(Rule rule, double shortfall) {}

  /**
   * The outcome for one option: the cause, the candidate analysed (−1 for PREREQUISITE_TIMING), the
   * limits it breaks there and the points adding it would gain.
   */
  public record Result(
      CrowdingCause cause, int candidate, List<Breach> breaches, double marginalGain) {
    public Result {
      breaches = List.copyOf(breaches);
    }
  }

  /** Analyses additions to the plan whose chosen candidate per option is {@code chosen}. */
  public CrowdingAnalysis(AllocationInstance instance, int[] chosen) {
    this.instance = instance;
    this.chosen = chosen.clone();
    this.years = instance.years;
    programUnits = new long[instance.programs.length][years];
    partnerCost = new long[instance.partners.length][years];
    partnerSustainment = new long[instance.partners.length][years];
    programPartnerUnits = new long[instance.programs.length][instance.partners.length][years];
    scoWork = new long[instance.scoCapacityTenths.length][years];
    coveredDollars = new long[instance.balanceRules.length][years];
    totalDollars = new long[years];
    gapValue = new double[instance.gapOptions.length];
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] >= 0) {
        add(o, chosen[o]);
        gapValue[instance.optionGap[o]] += instance.candidates[o][chosen[o]].value();
      }
    }
  }

  private void add(int option, int candidate) {
    int program = instance.candidateProgram[option][candidate];
    int partner = instance.optionPartner[option];
    int sco = instance.partnerSco[partner];
    for (int y = 0; y < years; y++) {
      long units = instance.obligationUnits(option, candidate, y);
      programUnits[program][y] += units;
      programPartnerUnits[program][partner][y] += units;
      partnerCost[partner][y] += instance.costUnitsIn(option, candidate, y);
      if (instance.sustainedIn(option, candidate, y)) {
        partnerSustainment[partner][y] += instance.sustainmentUnits[option];
      }
      if (instance.runsIn(option, candidate, y)) {
        scoWork[sco][y] += instance.workloadTenths[option];
      }
      long dollars = instance.obligationDollars(option, candidate, y);
      totalDollars[y] += dollars;
      for (int r = 0; r < coveredDollars.length; r++) {
        if (instance.covered[r][option]) {
          coveredDollars[r][y] += dollars;
        }
      }
    }
  }

  /** Points the plan gains by adding the candidate: its value, less what its gap's cap cuts off. */
  public double marginalGain(int option, int candidate) {
    int gap = instance.optionGap[option];
    double cap = instance.gapMaximumValue[gap];
    double before = Math.min(cap, gapValue[gap]);
    double after = Math.min(cap, gapValue[gap] + instance.candidates[option][candidate].value());
    return Math.max(0.0, after - before);
  }

  /** Analyses an unfunded option with at least one candidate. */
  public Result analyse(int option) {
    int best = -1;
    List<Breach> bestBreaches = null;
    for (int c = 0; c < instance.candidates[option].length; c++) {
      if (!prerequisitesEarlyEnough(option, c)) {
        continue;
      }
      List<Breach> breaches = breaches(option, c);
      if (best < 0
          || breaches.size() < bestBreaches.size()
          || (breaches.size() == bestBreaches.size()
              && instance.candidates[option][c].value()
                  > instance.candidates[option][best].value())) {
        best = c;
        bestBreaches = breaches;
      }
    }
    if (best < 0) {
      return new Result(CrowdingCause.PREREQUISITE_TIMING, -1, List.of(), 0.0);
    }
    double gain = marginalGain(option, best);
    if (!bestBreaches.isEmpty()) {
      return new Result(CrowdingCause.BINDING_LIMITS, best, bestBreaches, gain);
    }
    return new Result(
        gain <= 1e-9 ? CrowdingCause.GAP_ALREADY_CLOSED : CrowdingCause.FITS_BUT_NOT_FOUND,
        best,
        List.of(),
        gain);
  }

  /** Whether every prerequisite is funded and starts at least its lag before the candidate. */
  public boolean prerequisitesEarlyEnough(int option, int candidate) {
    for (int[] prerequisite : instance.prerequisites[option]) {
      int before = prerequisite[0];
      if (chosen[before] < 0
          || instance.candidateStart[before][chosen[before]]
              > instance.candidateStart[option][candidate] - prerequisite[1]) {
        return false;
      }
    }
    return true;
  }

  /** Every limit the candidate would exceed if added, with the shortfall. */
  public List<Breach> breaches(int option, int candidate) {
    Map<Rule, Double> found = new LinkedHashMap<>();
    int program = instance.candidateProgram[option][candidate];
    int partner = instance.optionPartner[option];
    int sco = instance.partnerSco[partner];
    moneyShortfalls(program, option, candidate, found);
    for (int y = 0; y < years; y++) {
      long cost = partnerCost[partner][y] + instance.costUnitsIn(option, candidate, y);
      if (instance.costUnitsIn(option, candidate, y) > 0
          && cost > instance.absorptiveUnits[partner]) {
        found.put(
            Rules.absorptive(instance, partner, y),
            (double) (cost - instance.absorptiveUnits[partner]) * instance.resolution);
      }
      if (instance.sustainmentUnits[option] > 0 && instance.sustainedIn(option, candidate, y)) {
        long sustainment = partnerSustainment[partner][y] + instance.sustainmentUnits[option];
        if (sustainment > instance.sustainmentBudgetUnits[partner]) {
          found.put(
              Rules.sustainment(instance, partner, y),
              (double) (sustainment - instance.sustainmentBudgetUnits[partner])
                  * instance.resolution);
        }
      }
      long units = instance.obligationUnits(option, candidate, y);
      long capped = programPartnerUnits[program][partner][y] + units;
      if (units > 0 && capped > instance.programPartnerCapUnits[program]) {
        found.put(
            Rules.programCap(instance, program, partner, y),
            (double) (capped - instance.programPartnerCapUnits[program]) * instance.resolution);
      }
      if (instance.workloadTenths[option] > 0 && instance.runsIn(option, candidate, y)) {
        long work = scoWork[sco][y] + instance.workloadTenths[option];
        if (work > instance.scoCapacityTenths[sco]) {
          found.put(
              Rules.scoStaff(instance, sco, y),
              (work - instance.scoCapacityTenths[sco])
                  / (double) AllocationInstance.WORKLOAD_SCALE);
        }
      }
    }
    balanceBreaches(option, candidate, found);
    List<Breach> breaches = new ArrayList<>();
    found.forEach((rule, shortfall) -> breaches.add(new Breach(rule, shortfall)));
    return breaches;
  }

  /**
   * Pays the program's obligations with the candidate added, year by year, soonest-expiring money
   * first; each unpaid amount is charged to the appropriation that would best take a raise: the one
   * of the obligation's own FY if it is available then, else the available one that lasts longest.
   */
  private void moneyShortfalls(int program, int option, int candidate, Map<Rule, Double> found) {
    AllocationInstance.AppropriationLine[] lines = instance.appropriations[program];
    long[] remaining = new long[lines.length];
    for (int a = 0; a < lines.length; a++) {
      remaining[a] = lines[a].budgetUnits();
    }
    for (int y = 0; y < years; y++) {
      long need = programUnits[program][y] + instance.obligationUnits(option, candidate, y);
      int fiscalYear = instance.firstFiscalYear + y;
      while (need > 0) {
        int soonest = -1;
        for (int a = 0; a < lines.length; a++) {
          if (remaining[a] > 0
              && available(lines[a], fiscalYear)
              && (soonest < 0 || lines[a].lastFiscalYear() < lines[soonest].lastFiscalYear())) {
            soonest = a;
          }
        }
        if (soonest < 0) {
          break;
        }
        long take = Math.min(need, remaining[soonest]);
        remaining[soonest] -= take;
        need -= take;
      }
      if (need > 0) {
        int raise = -1;
        for (int a = 0; a < lines.length; a++) {
          if (!available(lines[a], fiscalYear)) {
            continue;
          }
          if (raise < 0
              || (lines[a].appropriation().fiscalYear() == fiscalYear
                  && lines[raise].appropriation().fiscalYear() != fiscalYear)
              || (lines[raise].appropriation().fiscalYear() != fiscalYear
                  && lines[a].lastFiscalYear() > lines[raise].lastFiscalYear())) {
            raise = a;
          }
        }
        if (raise >= 0) {
          found.merge(
              Rules.appropriation(instance, program, raise),
              (double) need * instance.resolution,
              Double::sum);
        }
      }
    }
  }

  private static boolean available(AllocationInstance.AppropriationLine line, int fiscalYear) {
    return line.firstFiscalYear() <= fiscalYear && fiscalYear <= line.lastFiscalYear();
  }

  private void balanceBreaches(int option, int candidate, Map<Rule, Double> found) {
    for (int r = 0; r < instance.balanceRules.length; r++) {
      BalanceRule rule = instance.balanceRules[r];
      if (instance.perYear(r)) {
        for (int y = 0; y < years; y++) {
          long added = instance.obligationDollars(option, candidate, y);
          if (added != 0) {
            balanceBreach(
                r,
                rule,
                y,
                coveredDollars[r][y] + (instance.covered[r][option] ? added : 0),
                totalDollars[y] + added,
                found);
          }
        }
      } else {
        long added = 0;
        long covered = 0;
        long total = 0;
        for (int y = 0; y < years; y++) {
          added += instance.obligationDollars(option, candidate, y);
          covered += coveredDollars[r][y];
          total += totalDollars[y];
        }
        if (added != 0) {
          balanceBreach(
              r,
              rule,
              -1,
              covered + (instance.covered[r][option] ? added : 0),
              total + added,
              found);
        }
      }
    }
  }

  private void balanceBreach(
      int r, BalanceRule rule, int year, long covered, long total, Map<Rule, Double> found) {
    if (rule.maximumShare() != null) {
      long basis = AllocationInstance.shareBasisPoints(rule.maximumShare());
      if (10_000L * covered > basis * total) {
        found.put(
            Rules.balance(instance, r, RuleKind.BALANCE_MAXIMUM_SHARE, year),
            Math.ceil(10_000.0 * covered / total) - basis);
      }
    }
    if (rule.maximumAmount() != null && covered > rule.maximumAmount()) {
      found.put(
          Rules.balance(instance, r, RuleKind.BALANCE_MAXIMUM_AMOUNT, year),
          (double) (covered - rule.maximumAmount()));
    }
    if (rule.minimumShare() != null) {
      long basis = AllocationInstance.shareBasisPoints(rule.minimumShare());
      if (10_000L * covered < basis * total) {
        found.put(
            Rules.balance(instance, r, RuleKind.BALANCE_MINIMUM_SHARE, year),
            basis - Math.floor(10_000.0 * covered / total));
      }
    }
  }
}
