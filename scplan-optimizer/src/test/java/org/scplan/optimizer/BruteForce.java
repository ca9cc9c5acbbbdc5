package org.scplan.optimizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scplan.plan.FundedOption;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.SolverStatistics;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.BalanceRule;
import org.scplan.scenario.BalanceScope;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Partner;
import org.scplan.scenario.PlanningHorizon;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.valuation.Candidate;
import org.scplan.valuation.Valuation;

/**
 * Exhaustive allocation for tiny scenarios, written independently of the CP-SAT model: every
 * assignment of each option to "unfunded" or one of its candidates is assembled into a plan, the
 * independent {@link PlanChecker} decides whether it keeps every rule, and the best exact net
 * objective wins.
 *
 * <p>A locked option is only ever funded as locked (any other assignment breaks {@code
 * LOCKED_DECISION}). Three prunings keep it fast without losing the optimum. Exclusion groups cut
 * assignments that fund two alternatives. Limits that only tighten as options are added cut a
 * branch as soon as the options funded so far break one: per program, in-horizon obligations at
 * most all its appropriations; per partner and FY, cost at most its absorptive capacity; per
 * program, partner and FY, obligations at most the program's cap; per balance rule (and FY if per
 * FY), covered obligations at most its maximum amount (each option's costs and obligations by FY
 * come from {@link PlanAssembler} on that option alone). And a bound cuts the rest of a branch once
 * it cannot beat the best plan found: a plan's net objective is at most its risk retired (lapse
 * penalties only subtract), which per gap is the sum of its funded options' values capped at the
 * gap's maximum value; so per gap the capped sum of the values decided so far and the best value
 * each later option of the gap could add bounds every completion. A plan that does not beat the
 * best objective found is not checked. Feasibility is never pruned: until a feasible plan is found,
 * every assignment is checked. Should the bound ever be wrong, the cross-check's optimizer would
 * beat the "exhaustive" optimum and fail loudly rather than pass quietly.
 */
final class BruteForce {
  /**
   * Best exact net objective (points) and how many complete assignments were assembled into plans;
   * objective null if none is feasible.
   */
  record Result(Double bestObjective, Plan bestPlan, long assignmentsChecked) {}

  /** What funding one candidate takes from one monotone limit, named by {@code key}. */
  private record Usage(String key, long amount) {}

  private static final SolverStatistics STATISTICS =
      SolverStatistics.builder("brute-force").build();

  /** Absorbs the rounding of summing values in another order. */
  private static final double BOUND_SLACK = 1e-9;

  private final Scenario scenario;
  private final Valuation valuation;
  private final List<SolutionOption> options;
  private final List<List<Candidate>> candidates = new ArrayList<>();
  private final FundingDecision[] current;

  /** Per option index and gap: the most the options from that index on can add to the gap. */
  private final double[][] bestValueFrom;

  private final int[] gapOf;
  private final double[] gapMaximum;
  private final double[] valueSoFar;
  private final List<List<Usage>> usages = new ArrayList<>();
  private final Map<String, Long> limits = new HashMap<>();
  private final Map<String, Long> used = new HashMap<>();
  private final int[] firstUsage;
  private final Map<String, LockedDecision> locks = new HashMap<>();
  private final Map<String, Integer> groupUse = new HashMap<>();
  private Double best;
  private Plan bestPlan;
  private long checked;

  private BruteForce(Scenario scenario) {
    this.scenario = scenario;
    this.valuation = Valuation.of(scenario);
    this.options = scenario.options();
    for (LockedDecision lock : scenario.lockedDecisions()) {
      locks.put(lock.optionId(), lock);
    }
    for (SolutionOption option : options) {
      List<Candidate> optionCandidates = valuation.candidates(option.id());
      LockedDecision lock = locks.get(option.id());
      candidates.add(
          lock == null
              ? optionCandidates
              : optionCandidates.stream()
                  .filter(
                      c ->
                          c.programId().equals(lock.programId())
                              && c.startFiscalYear() == lock.startFiscalYear())
                  .toList());
    }
    this.current = new FundingDecision[options.size()];
    List<String> gapIds = scenario.gaps().stream().map(g -> g.id()).toList();
    this.gapMaximum = gapIds.stream().mapToDouble(valuation::maximumValue).toArray();
    this.valueSoFar = new double[gapIds.size()];
    this.gapOf = new int[options.size()];
    this.bestValueFrom = new double[options.size() + 1][gapIds.size()];
    for (int i = options.size() - 1; i >= 0; i--) {
      gapOf[i] = gapIds.indexOf(options.get(i).gapId());
      double best = candidates.get(i).stream().mapToDouble(Candidate::value).max().orElse(0.0);
      bestValueFrom[i] = bestValueFrom[i + 1].clone();
      bestValueFrom[i][gapOf[i]] += Math.max(0.0, best);
    }
    PlanningHorizon horizon = scenario.horizon();
    for (Program program : scenario.programs()) {
      for (int year = horizon.firstFiscalYear(); year <= horizon.lastFiscalYear(); year++) {
        long availableFrom = 0;
        long availableUntil = 0;
        for (Appropriation appropriation : program.appropriations()) {
          if (appropriation.lastAvailableFiscalYear() >= year) {
            availableFrom = Math.addExact(availableFrom, appropriation.amount());
          }
          if (appropriation.fiscalYear() <= year) {
            availableUntil = Math.addExact(availableUntil, appropriation.amount());
          }
        }
        limits.put("from|" + program.id() + "|" + year, availableFrom);
        limits.put("until|" + program.id() + "|" + year, availableUntil);
      }
    }
    this.firstUsage = new int[options.size()];
    for (int i = 0; i < options.size(); i++) {
      firstUsage[i] = usages.size();
      for (Candidate candidate : candidates.get(i)) {
        usages.add(usages(candidate));
      }
    }
  }

  private List<Usage> usages(Candidate candidate) {
    Plan alone =
        PlanAssembler.assemble(
            valuation,
            List.of(
                new FundingDecision(
                    candidate.optionId(), candidate.programId(), candidate.startFiscalYear())),
            PlanStatus.FEASIBLE,
            STATISTICS,
            "");
    FundedOption funded = alone.fundedOptions().get(0);
    Program program =
        scenario.programs().stream()
            .filter(p -> p.id().equals(candidate.programId()))
            .findFirst()
            .orElseThrow();
    Partner partner =
        scenario.partners().stream()
            .filter(p -> p.id().equals(funded.partnerId()))
            .findFirst()
            .orElseThrow();
    PlanningHorizon horizon = scenario.horizon();
    List<Usage> result = new ArrayList<>();
    for (Map.Entry<Integer, Long> obligation : funded.obligationsByFiscalYear().entrySet()) {
      int year = obligation.getKey();
      if (year >= horizon.firstFiscalYear() && year <= horizon.lastFiscalYear()) {
        if (program.perPartnerAnnualCap() != null) {
          String key = "cap|" + program.id() + "|" + partner.id() + "|" + year;
          limits.put(key, program.perPartnerAnnualCap());
          result.add(new Usage(key, obligation.getValue()));
        }
      }
    }
    for (int year = horizon.firstFiscalYear(); year <= horizon.lastFiscalYear(); year++) {
      long from = 0;
      long until = 0;
      for (Map.Entry<Integer, Long> obligation : funded.obligationsByFiscalYear().entrySet()) {
        int when = obligation.getKey();
        if (when >= year && when <= horizon.lastFiscalYear()) {
          from += obligation.getValue();
        }
        if (when <= year && when >= horizon.firstFiscalYear()) {
          until += obligation.getValue();
        }
      }
      result.add(new Usage("from|" + program.id() + "|" + year, from));
      result.add(new Usage("until|" + program.id() + "|" + year, until));
    }
    SolutionOption option =
        options.stream().filter(o -> o.id().equals(candidate.optionId())).findFirst().orElseThrow();
    for (BalanceRule rule : scenario.balanceRules()) {
      if (rule.maximumAmount() == null
          || rule.tags().stream().noneMatch(tag -> option.tags().contains(tag))) {
        continue;
      }
      for (Map.Entry<Integer, Long> obligation : funded.obligationsByFiscalYear().entrySet()) {
        int year = obligation.getKey();
        if (year >= horizon.firstFiscalYear() && year <= horizon.lastFiscalYear()) {
          String key =
              "balance|"
                  + rule.id()
                  + (rule.scope() == BalanceScope.PER_FISCAL_YEAR ? "|" + year : "");
          limits.put(key, rule.maximumAmount());
          result.add(new Usage(key, obligation.getValue()));
        }
      }
    }
    if (partner.absorptiveCapacityPerYear() != null) {
      for (Map.Entry<Integer, Long> cost : funded.costByFiscalYear().entrySet()) {
        int year = cost.getKey();
        if (year >= horizon.firstFiscalYear() && year <= horizon.lastFiscalYear()) {
          String key = "absorb|" + partner.id() + "|" + year;
          limits.put(key, partner.absorptiveCapacityPerYear());
          result.add(new Usage(key, cost.getValue()));
        }
      }
    }
    return result;
  }

  /** The most risk any completion of the options decided before {@code index} can retire. */
  private double bound(int index) {
    double total = 0;
    for (int g = 0; g < gapMaximum.length; g++) {
      total += Math.min(gapMaximum[g], valueSoFar[g] + bestValueFrom[index][g]);
    }
    return total;
  }

  /** Takes the candidate's usages, or nothing and false if one would break its limit. */
  private boolean take(List<Usage> candidateUsages) {
    for (Usage usage : candidateUsages) {
      if (used.getOrDefault(usage.key(), 0L) + usage.amount() > limits.get(usage.key())) {
        return false;
      }
    }
    for (Usage usage : candidateUsages) {
      used.merge(usage.key(), usage.amount(), Long::sum);
    }
    return true;
  }

  private void release(List<Usage> candidateUsages) {
    for (Usage usage : candidateUsages) {
      used.merge(usage.key(), -usage.amount(), Long::sum);
    }
  }

  static Result solve(Scenario scenario) {
    BruteForce search = new BruteForce(scenario);
    search.visit(0);
    return new Result(search.best, search.bestPlan, search.checked);
  }

  private void visit(int index) {
    if (index == options.size()) {
      evaluate();
      return;
    }
    if (best != null && bound(index) < best - BOUND_SLACK) {
      return;
    }
    // Funding first finds good plans early, so the bound cuts more.
    String group = options.get(index).exclusionGroup();
    if (group == null || groupUse.getOrDefault(group, 0) == 0) {
      for (int c = 0; c < candidates.get(index).size(); c++) {
        Candidate candidate = candidates.get(index).get(c);
        List<Usage> candidateUsages = usages.get(firstUsage[index] + c);
        if (!take(candidateUsages)) {
          continue;
        }
        current[index] =
            new FundingDecision(
                candidate.optionId(), candidate.programId(), candidate.startFiscalYear());
        if (group != null) {
          groupUse.merge(group, 1, Integer::sum);
        }
        double before = valueSoFar[gapOf[index]];
        valueSoFar[gapOf[index]] += candidate.value();
        visit(index + 1);
        valueSoFar[gapOf[index]] = before;
        release(candidateUsages);
        if (group != null) {
          groupUse.merge(group, -1, Integer::sum);
        }
      }
    }
    current[index] = null;
    if (!locks.containsKey(options.get(index).id())) {
      visit(index + 1);
    }
  }

  private void evaluate() {
    checked++;
    List<FundingDecision> decisions = new ArrayList<>();
    for (FundingDecision decision : current) {
      if (decision != null) {
        decisions.add(decision);
      }
    }
    Plan plan = PlanAssembler.assemble(valuation, decisions, PlanStatus.FEASIBLE, STATISTICS, "");
    double objective =
        plan.riskReduced()
            - scenario.policy().lapsePenaltyPointsPerMillion()
                * plan.totals().totalLapsed()
                / 1_000_000.0;
    if (best != null && objective <= best) {
      return;
    }
    if (!PlanChecker.check(scenario, plan).isEmpty()) {
      return;
    }
    best = objective;
    bestPlan = plan;
  }
}
