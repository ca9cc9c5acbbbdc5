package org.scplan.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.BalanceScope;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.ObligationRule;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SecurityCooperationOffice;
import org.scplan.scenario.SolutionOption;
import org.scplan.valuation.Candidate;
import org.scplan.valuation.Valuation;

/**
 * A scenario flattened into arrays indexed by option, candidate, partner, program and horizon year,
 * in the model units of docs/MODEL.md §6: money in units of the policy's resolution (costs rounded
 * up, limits rounded down), SCO workload in tenths of a person-week (same rounding). The greedy
 * baseline and the CP-SAT model both work on this, so every plan that one finds feasible the other
 * does too. Immutable after construction.
 */
public final class AllocationInstance {
  /** Tenths of a person-week per person-week. */
  public static final int WORKLOAD_SCALE = 10;

  /** Stands for "no limit" in unit arrays. */
  public static final long UNLIMITED = Long.MAX_VALUE / 4;

  public final Scenario scenario;
  public final Valuation valuation;
  public final int firstFiscalYear;
  public final int years;
  public final long resolution;

  public final SolutionOption[] options;
  public final int[] optionGap;
  public final int[] optionPartner;

  /** The option indices sorted by option id, the order a plan lists its options in. */
  public final int[] optionsInIdOrder;

  /** Candidates per option, in {@link Valuation#candidates} order. */
  public final Candidate[][] candidates;

  /** Program index per option and candidate. */
  public final int[][] candidateProgram;

  /** Start year index (FY − first FY) per option and candidate. */
  public final int[][] candidateStart;

  /** Cost units per year offset from the start (rounded up per year). */
  public final long[][] costUnits;

  /** Total cost units of an option obligated at start (rounded up once). */
  public final long[] totalCostUnits;

  /** Total cost per option in dollars (the balance rules count exact dollars). */
  private final long[] totalCostDollars;

  public final long[] sustainmentUnits;
  public final long[] workloadTenths;

  /** Options per gap. */
  public final int[][] gapOptions;

  public final double[] gapMaximumValue;

  public final Partner[] partners;
  public final long[] absorptiveUnits;
  public final long[] sustainmentBudgetUnits;
  public final int[] partnerSco;
  public final long[] scoCapacityTenths;

  public final Program[] programs;
  public final long[] programPartnerCapUnits;

  /** Appropriations per program, with their budget in units and their window. */
  public final AppropriationLine[][] appropriations;

  public final BalanceRule[] balanceRules;

  /** Whether option o is covered by balance rule r: {@code covered[r][o]}. */
  public final boolean[][] covered;

  /** Groups of mutually exclusive options (only groups with two or more options). */
  public final int[][] exclusionGroups;

  /** Prerequisites per option: pairs (prerequisite option index, lag years). */
  public final int[][][] prerequisites;

  /** Locked candidate index per option, or −1. */
  public final int[] lockedCandidate;

  private final Map<String, Integer> optionIndex = new HashMap<>();
  private final Map<String, Integer> programIndex = new HashMap<>();

  /** One appropriation in model units, with the FYs it can be obligated in. */
  public record AppropriationLine(
      int index,
      Appropriation appropriation,
      long budgetUnits,
      int firstFiscalYear,
      int lastFiscalYear,
      boolean expiresInHorizon) {}

  private final boolean rounded;

  /** Flattens a validated scenario and its valuation at the policy's money resolution. */
  public AllocationInstance(Valuation valuation) {
    this(valuation, valuation.scenario().policy().moneyResolutionDollars());
  }

  /**
   * Flattens a validated scenario and its valuation, counting money in units of {@code resolution}
   * dollars (1: exact dollars).
   */
  public AllocationInstance(Valuation valuation, long resolution) {
    this.valuation = valuation;
    this.scenario = valuation.scenario();
    this.firstFiscalYear = scenario.horizon().firstFiscalYear();
    this.years = scenario.horizon().length();
    this.resolution = resolution;
    int lastFiscalYear = scenario.horizon().lastFiscalYear();

    partners = scenario.partners().toArray(new Partner[0]);
    Map<String, Integer> partnerIndex = new HashMap<>();
    for (int i = 0; i < partners.length; i++) {
      partnerIndex.put(partners[i].id(), i);
    }
    List<SecurityCooperationOffice> offices = scenario.securityCooperationOffices();
    Map<String, Integer> scoIndex = new HashMap<>();
    scoCapacityTenths = new long[offices.size()];
    for (int i = 0; i < offices.size(); i++) {
      scoIndex.put(offices.get(i).id(), i);
      scoCapacityTenths[i] =
          (long)
              Math.floor(offices.get(i).staffCapacityPersonWeeksPerYear() * WORKLOAD_SCALE + 1e-9);
    }
    absorptiveUnits = new long[partners.length];
    sustainmentBudgetUnits = new long[partners.length];
    partnerSco = new int[partners.length];
    for (int i = 0; i < partners.length; i++) {
      absorptiveUnits[i] = limitUnits(partners[i].absorptiveCapacityPerYear());
      sustainmentBudgetUnits[i] = limitUnits(partners[i].sustainmentBudgetPerYear());
      partnerSco[i] = scoIndex.get(partners[i].scoId());
    }

    programs = scenario.programs().toArray(new Program[0]);
    programPartnerCapUnits = new long[programs.length];
    appropriations = new AppropriationLine[programs.length][];
    for (int p = 0; p < programs.length; p++) {
      programIndex.put(programs[p].id(), p);
      programPartnerCapUnits[p] = limitUnits(programs[p].perPartnerAnnualCap());
      List<AppropriationLine> lines = new ArrayList<>();
      List<Appropriation> list = programs[p].appropriations();
      for (int a = 0; a < list.size(); a++) {
        Appropriation appropriation = list.get(a);
        int first = Math.max(appropriation.fiscalYear(), firstFiscalYear);
        int last = Math.min(appropriation.lastAvailableFiscalYear(), lastFiscalYear);
        if (first <= last) {
          lines.add(
              new AppropriationLine(
                  a,
                  appropriation,
                  appropriation.amount() / resolution,
                  first,
                  last,
                  appropriation.lastAvailableFiscalYear() <= lastFiscalYear));
        }
      }
      appropriations[p] = lines.toArray(new AppropriationLine[0]);
    }

    Map<String, Integer> gapIndex = new HashMap<>();
    List<CapabilityGap> gaps = scenario.gaps();
    gapMaximumValue = new double[gaps.size()];
    for (int g = 0; g < gaps.size(); g++) {
      gapIndex.put(gaps.get(g).id(), g);
      gapMaximumValue[g] = valuation.maximumValue(gaps.get(g).id());
    }

    options = scenario.options().toArray(new SolutionOption[0]);
    int n = options.length;
    optionGap = new int[n];
    optionPartner = new int[n];
    candidates = new Candidate[n][];
    candidateProgram = new int[n][];
    candidateStart = new int[n][];
    costUnits = new long[n][];
    totalCostUnits = new long[n];
    totalCostDollars = new long[n];
    sustainmentUnits = new long[n];
    workloadTenths = new long[n];
    optionsInIdOrder =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparing(o -> options[o].id()))
            .mapToInt(Integer::intValue)
            .toArray();
    List<List<Integer>> optionsOfGap = new ArrayList<>();
    for (int g = 0; g < gaps.size(); g++) {
      optionsOfGap.add(new ArrayList<>());
    }
    for (int o = 0; o < n; o++) {
      SolutionOption option = options[o];
      optionIndex.put(option.id(), o);
      optionGap[o] = gapIndex.get(option.gapId());
      optionPartner[o] = partnerIndex.get(gaps.get(optionGap[o]).partnerId());
      optionsOfGap.get(optionGap[o]).add(o);
      List<Candidate> list = valuation.candidates(option.id());
      candidates[o] = list.toArray(new Candidate[0]);
      candidateProgram[o] = new int[list.size()];
      candidateStart[o] = new int[list.size()];
      for (int c = 0; c < list.size(); c++) {
        candidateProgram[o][c] = programIndex.get(list.get(c).programId());
        candidateStart[o][c] = list.get(c).startFiscalYear() - firstFiscalYear;
      }
      costUnits[o] = new long[option.durationYears()];
      for (int i = 0; i < option.durationYears(); i++) {
        costUnits[o][i] = ceilUnits(option.cost(i));
      }
      totalCostDollars[o] = option.totalCost();
      totalCostUnits[o] = ceilUnits(totalCostDollars[o]);
      sustainmentUnits[o] = ceilUnits(option.sustainmentCostPerYear());
      workloadTenths[o] =
          (long) Math.ceil(option.scoWorkloadPersonWeeksPerYear() * WORKLOAD_SCALE - 1e-9);
    }
    gapOptions = new int[gaps.size()][];
    for (int g = 0; g < gaps.size(); g++) {
      gapOptions[g] = optionsOfGap.get(g).stream().mapToInt(Integer::intValue).toArray();
    }

    balanceRules = scenario.balanceRules().toArray(new BalanceRule[0]);
    covered = new boolean[balanceRules.length][n];
    // By tag, so that each option's tags are looked up once instead of once per rule.
    Map<String, List<Integer>> rulesByTag = new HashMap<>();
    for (int r = 0; r < balanceRules.length; r++) {
      for (String tag : balanceRules[r].tags()) {
        rulesByTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(r);
      }
    }
    for (int o = 0; o < n; o++) {
      for (String tag : options[o].tags()) {
        for (int r : rulesByTag.getOrDefault(tag, List.of())) {
          covered[r][o] = true;
        }
      }
    }

    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int o = 0; o < n; o++) {
      if (options[o].exclusionGroup() != null) {
        groups.computeIfAbsent(options[o].exclusionGroup(), k -> new ArrayList<>()).add(o);
      }
    }
    exclusionGroups =
        groups.values().stream()
            .filter(members -> members.size() > 1)
            .map(members -> members.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);

    prerequisites = new int[n][][];
    for (int o = 0; o < n; o++) {
      List<Prerequisite> list = options[o].prerequisites();
      prerequisites[o] = new int[list.size()][];
      for (int i = 0; i < list.size(); i++) {
        prerequisites[o][i] =
            new int[] {optionIndex.get(list.get(i).optionId()), list.get(i).lagYears()};
      }
    }

    rounded = resolution > 1 && roundsAnything();

    lockedCandidate = new int[n];
    Arrays.fill(lockedCandidate, -1);
    for (LockedDecision lock : scenario.lockedDecisions()) {
      int o = optionIndex.get(lock.optionId());
      for (int c = 0; c < candidates[o].length; c++) {
        if (candidates[o][c].programId().equals(lock.programId())
            && candidates[o][c].startFiscalYear() == lock.startFiscalYear()) {
          lockedCandidate[o] = c;
        }
      }
    }
  }

  /**
   * Whether some cost, sustainment cost, budget, capacity, cap or appropriation amount is not a
   * whole number of money units, so that the model's limits differ from the dollar rules.
   */
  public boolean rounded() {
    return rounded;
  }

  /** The same scenario counted in exact dollars: this instance if its resolution is $1. */
  public AllocationInstance inExactDollars() {
    return resolution == 1 ? this : new AllocationInstance(valuation, 1);
  }

  private boolean roundsAnything() {
    List<Long> amounts = new ArrayList<>();
    for (Partner partner : partners) {
      amounts.add(partner.absorptiveCapacityPerYear());
      amounts.add(partner.sustainmentBudgetPerYear());
    }
    for (Program program : programs) {
      amounts.add(program.perPartnerAnnualCap());
      program.appropriations().forEach(a -> amounts.add(a.amount()));
    }
    for (SolutionOption option : options) {
      amounts.add(option.sustainmentCostPerYear());
      amounts.add(option.totalCost());
      for (int i = 0; i < option.durationYears(); i++) {
        amounts.add(option.cost(i));
      }
    }
    return amounts.stream().anyMatch(dollars -> dollars != null && dollars % resolution != 0);
  }

  /** Index of the option with this id. */
  public int optionIndex(String optionId) {
    return optionIndex.get(optionId);
  }

  /** Index of the program with this id. */
  public int programIndex(String programId) {
    return programIndex.get(programId);
  }

  /** The obligation rule of the candidate's program. */
  public ObligationRule rule(int option, int candidate) {
    return programs[candidateProgram[option][candidate]].obligationRule();
  }

  /**
   * Obligation units of the candidate in horizon year index {@code year} (FY − first FY):
   * INCREMENTAL obligates each year's cost, FULL_AT_START the total in the start year.
   */
  public long obligationUnits(int option, int candidate, int year) {
    int offset = year - candidateStart[option][candidate];
    if (rule(option, candidate) == ObligationRule.FULL_AT_START) {
      return offset == 0 ? totalCostUnits[option] : 0;
    }
    return offset >= 0 && offset < costUnits[option].length ? costUnits[option][offset] : 0;
  }

  /**
   * Fills {@code byYear} (one entry per horizon year) with the candidate's obligation units, as
   * {@link #obligationUnits(int, int, int)} gives them year by year, visiting only the years it
   * obligates in.
   */
  public void obligationUnits(int option, int candidate, long[] byYear) {
    Arrays.fill(byYear, 0);
    int start = candidateStart[option][candidate];
    if (rule(option, candidate) == ObligationRule.FULL_AT_START) {
      if (start >= 0 && start < years) {
        byYear[start] = totalCostUnits[option];
      }
      return;
    }
    int end = Math.min(years, start + costUnits[option].length);
    for (int y = Math.max(0, start); y < end; y++) {
      byYear[y] = costUnits[option][y - start];
    }
  }

  /**
   * Fills {@code byYear} (one entry per horizon year) with the candidate's obligation dollars, as
   * {@link #obligationDollars(int, int, int)} gives them year by year.
   */
  public void obligationDollars(int option, int candidate, long[] byYear) {
    Arrays.fill(byYear, 0);
    int start = candidateStart[option][candidate];
    if (rule(option, candidate) == ObligationRule.FULL_AT_START) {
      if (start >= 0 && start < years) {
        byYear[start] = totalCostDollars[option];
      }
      return;
    }
    int end = Math.min(years, start + options[option].durationYears());
    for (int y = Math.max(0, start); y < end; y++) {
      byYear[y] = options[option].cost(y - start);
    }
  }

  /** Obligation dollars of the candidate in horizon year index {@code year}. */
  public long obligationDollars(int option, int candidate, int year) {
    int offset = year - candidateStart[option][candidate];
    if (rule(option, candidate) == ObligationRule.FULL_AT_START) {
      return offset == 0 ? totalCostDollars[option] : 0;
    }
    return options[option].cost(offset);
  }

  /** Cost units executed in horizon year index {@code year} (drives absorptive capacity). */
  public long costUnitsIn(int option, int candidate, int year) {
    int offset = year - candidateStart[option][candidate];
    return offset >= 0 && offset < costUnits[option].length ? costUnits[option][offset] : 0;
  }

  /** Whether the option runs in horizon year index {@code year} (drives SCO workload). */
  public boolean runsIn(int option, int candidate, int year) {
    int offset = year - candidateStart[option][candidate];
    return offset >= 0 && offset < options[option].durationYears();
  }

  /**
   * Whether the option's capability is complete before horizon year index {@code year}
   * (sustainment).
   */
  public boolean sustainedIn(int option, int candidate, int year) {
    return candidates[option][candidate].completionFiscalYear() < firstFiscalYear + year;
  }

  /** Whether a balance rule is per fiscal year. */
  public boolean perYear(int rule) {
    return balanceRules[rule].scope() == BalanceScope.PER_FISCAL_YEAR;
  }

  /** Rounds dollars up to units. */
  public long ceilUnits(long dollars) {
    return dollars / resolution + (dollars % resolution == 0 ? 0 : 1);
  }

  private long limitUnits(Long dollars) {
    return dollars == null ? UNLIMITED : dollars / resolution;
  }

  /** Share in ten-thousandths, as balance rules apply it. */
  public static long shareBasisPoints(double share) {
    return Math.round(share * 10_000);
  }
}
