package org.scplan.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scplan.explain.CrowdingCause;
import org.scplan.explain.Rule;

/**
 * Which limits stop an unfunded option from joining a plan as it stands. For every candidate of the
 * option it adds the candidate's terms in the {@link LimitRows} to the plan's use of them, as a
 * {@link ResourceLedger} counts it, in the model units of {@link AllocationInstance} (the units the
 * allocators decide in), and lists each limit that would be exceeded with the shortfall; program
 * money is paid year by year from the appropriations available, soonest expiring first ({@link
 * LimitRows#pay}). The candidate reported is the one with the fewest broken limits (then the
 * highest value). Immutable after construction.
 */
public final class CrowdingAnalysis {
  private final AllocationInstance instance;
  private final int[] chosen;
  private final ResourceLedger ledger;
  private final LimitRows rows;
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
    ledger = new ResourceLedger(instance);
    rows = ledger.rows();
    gapValue = new double[instance.gapOptions.length];
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] >= 0) {
        ledger.apply(o, chosen[o], 1);
        gapValue[instance.optionGap[o]] += instance.candidates[o][chosen[o]].value();
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
    List<Broken> bestBroken = null;
    for (int c = 0; c < instance.candidates[option].length; c++) {
      if (!prerequisitesEarlyEnough(option, c)) {
        continue;
      }
      List<Broken> broken = broken(option, c);
      if (best < 0
          || broken.size() < bestBroken.size()
          || (broken.size() == bestBroken.size()
              && instance.candidates[option][c].value()
                  > instance.candidates[option][best].value())) {
        best = c;
        bestBroken = broken;
      }
    }
    if (best < 0) {
      return new Result(CrowdingCause.PREREQUISITE_TIMING, -1, List.of(), 0.0);
    }
    double gain = marginalGain(option, best);
    if (!bestBroken.isEmpty()) {
      return new Result(CrowdingCause.BINDING_LIMITS, best, worded(bestBroken), gain);
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

  /**
   * Every limit the candidate would exceed if added, with the shortfall: money first, then the rows
   * it uses in {@link LimitRows#reportOrder}. The plan it is added to keeps every limit, so only
   * the rows the candidate uses can break.
   */
  public List<Breach> breaches(int option, int candidate) {
    return worded(broken(option, candidate));
  }

  /**
   * A limit found broken before its rule is worded (an option's candidates are compared by how many
   * they break, and only the one reported needs the words): the appropriation {@code line} of
   * {@code program}, or else ({@code program} −1) the limit row {@code row}.
   */
  private record Broken(int program, int line, int row, double shortfall) {}

  private List<Broken> broken(int option, int candidate) {
    List<Broken> found = new ArrayList<>();
    moneyShortfalls(instance.candidateProgram[option][candidate], option, candidate, found);
    long[] added = new long[instance.years];
    instance.obligationDollars(option, candidate, added);
    List<long[]> overRows = new ArrayList<>();
    rows.forEachTerm(
        option,
        candidate,
        LimitRows.LIMITS,
        (row, coefficient) -> {
          long use = ledger.use(row) + coefficient;
          if (use > rows.upper(row)) {
            overRows.add(new long[] {row, use - rows.upper(row)});
          } else if (use < rows.lower(row)) {
            overRows.add(new long[] {row, rows.lower(row) - use});
          }
        });
    overRows.sort(java.util.Comparator.comparingLong(entry -> rows.reportOrder((int) entry[0])));
    for (long[] entry : overRows) {
      int row = (int) entry[0];
      int year = rows.year(row);
      long obligated = ledger.obligatedDollars(year);
      if (year >= 0) {
        obligated += added[year];
      } else {
        for (long dollars : added) {
          obligated += dollars;
        }
      }
      found.add(new Broken(-1, -1, row, rows.shortfall(row, entry[1], obligated)));
    }
    return found;
  }

  private List<Breach> worded(List<Broken> broken) {
    Map<Rule, Double> found = new LinkedHashMap<>();
    for (Broken limit : broken) {
      if (limit.program() >= 0) {
        found.merge(
            Rules.appropriation(instance, limit.program(), limit.line()),
            limit.shortfall(),
            Double::sum);
      } else {
        found.put(rows.rule(limit.row()), limit.shortfall());
      }
    }
    List<Breach> breaches = new ArrayList<>();
    found.forEach((rule, shortfall) -> breaches.add(new Breach(rule, shortfall)));
    return breaches;
  }

  /**
   * Adds to {@code found}, per appropriation line raised, the dollars the candidate leaves unpaid.
   */
  private void moneyShortfalls(int program, int option, int candidate, List<Broken> found) {
    AllocationInstance.AppropriationLine[] lines = instance.appropriations[program];
    long[] needs = ledger.needs(program);
    for (int y = 0; y < needs.length; y++) {
      needs[y] += instance.obligationUnits(option, candidate, y);
    }
    long[] unpaid = rows.pay(program, needs, new long[lines.length], null);
    for (int y = 0; y < unpaid.length; y++) {
      int fiscalYear = instance.firstFiscalYear + y;
      if (unpaid[y] > 0) {
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
          addShortfall(found, program, raise, (double) unpaid[y] * instance.resolution);
        }
      }
    }
  }

  /** Sums shortfalls of the same line in the order they are found, as the rules' map did. */
  private static void addShortfall(List<Broken> found, int program, int line, double dollars) {
    for (int i = 0; i < found.size(); i++) {
      Broken earlier = found.get(i);
      if (earlier.program() == program && earlier.line() == line) {
        found.set(i, new Broken(program, line, -1, earlier.shortfall() + dollars));
        return;
      }
    }
    found.add(new Broken(program, line, -1, dollars));
  }

  private static boolean available(AllocationInstance.AppropriationLine line, int fiscalYear) {
    return line.firstFiscalYear() <= fiscalYear && fiscalYear <= line.lastFiscalYear();
  }
}
