package org.scplan.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.CapabilityGap;
import org.scplan.scenario.LockedDecision;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.support.Messages;
import org.scplan.valuation.Candidate;
import org.scplan.valuation.ReasonCode;
import org.scplan.valuation.UnfundedReason;
import org.scplan.valuation.Valuation;

/**
 * Builds a complete {@link Plan} from funding decisions: costs and obligations by FY, draws on
 * appropriations (money expiring soonest first, in exact dollars), values, gap outcomes,
 * appropriation use, totals, and a reason for every unfunded option. It never rejects decisions: a
 * plan that breaks a rule is still assembled, and {@link PlanChecker} says what is wrong with it.
 * Stateless and thread-safe.
 */
public final class PlanAssembler {
  private PlanAssembler() {}

  /**
   * Assembles the plan. With a status that has no plan ({@link PlanStatus#INFEASIBLE}, {@link
   * PlanStatus#UNKNOWN}) {@code decisions} must be empty and every option gets reason NO_PLAN with
   * {@code noPlanDetail}.
   */
  public static Plan assemble(
      Valuation valuation,
      List<FundingDecision> decisions,
      PlanStatus status,
      SolverStatistics statistics,
      String noPlanDetail) {
    Scenario scenario = valuation.scenario();
    Map<String, SolutionOption> optionsById = new HashMap<>();
    scenario.options().forEach(o -> optionsById.put(o.id(), o));
    Map<String, CapabilityGap> gapsById = new HashMap<>();
    scenario.gaps().forEach(g -> gapsById.put(g.id(), g));
    Map<String, Partner> partnersById = new HashMap<>();
    scenario.partners().forEach(p -> partnersById.put(p.id(), p));
    Map<String, Program> programsById = new HashMap<>();
    scenario.programs().forEach(p -> programsById.put(p.id(), p));
    Set<String> lockedIds = new HashSet<>();
    for (LockedDecision lock : scenario.lockedDecisions()) {
      lockedIds.add(lock.optionId());
    }

    List<FundingDecision> sorted = new ArrayList<>(decisions);
    sorted.sort(Comparator.comparing(FundingDecision::optionId));
    Map<String, FundingDecision> decisionByOption = new HashMap<>();
    sorted.forEach(d -> decisionByOption.put(d.optionId(), d));

    Map<String, TreeMap<Integer, Long>> obligationsByOption = new HashMap<>();
    for (FundingDecision decision : sorted) {
      SolutionOption option = optionsById.get(decision.optionId());
      Program program = programsById.get(decision.programId());
      long[] profile = Valuation.obligationProfile(option, program.obligationRule());
      TreeMap<Integer, Long> byYear = new TreeMap<>();
      for (int i = 0; i < profile.length; i++) {
        if (profile[i] != 0) {
          byYear.put(decision.startFiscalYear() + i, profile[i]);
        }
      }
      obligationsByOption.put(decision.optionId(), byYear);
    }

    Map<String, List<AppropriationDraw>> drawsByOption = new HashMap<>();
    List<AppropriationUse> uses = new ArrayList<>();
    for (Program program : scenario.programs()) {
      drawMoney(scenario, program, sorted, obligationsByOption, drawsByOption, uses);
    }

    List<FundedOption> funded = new ArrayList<>();
    Map<String, Double> valueByGap = new HashMap<>();
    Map<String, Double> closureByGap = new HashMap<>();
    for (FundingDecision decision : sorted) {
      SolutionOption option = optionsById.get(decision.optionId());
      CapabilityGap gap = gapsById.get(option.gapId());
      Candidate candidate =
          valuation
              .candidate(option.id(), decision.programId(), decision.startFiscalYear())
              .orElse(null);
      double value = candidate == null ? 0.0 : candidate.value();
      TreeMap<Integer, Long> cost = new TreeMap<>();
      for (int i = 0; i < option.durationYears(); i++) {
        if (option.cost(i) != 0) {
          cost.put(decision.startFiscalYear() + i, option.cost(i));
        }
      }
      funded.add(
          new FundedOption(
              option.id(),
              gap.id(),
              gap.partnerId(),
              decision.programId(),
              decision.startFiscalYear(),
              Valuation.completion(option, decision.startFiscalYear()),
              cost,
              obligationsByOption.get(option.id()),
              value,
              drawsByOption.getOrDefault(option.id(), List.of()),
              lockedIds.contains(option.id())));
      valueByGap.merge(gap.id(), value, Double::sum);
      closureByGap.merge(gap.id(), option.closure(), Double::sum);
    }

    List<GapOutcome> gapOutcomes = new ArrayList<>();
    double riskReduced = 0;
    Map<String, Double> riskByPartner = new TreeMap<>();
    for (CapabilityGap gap : scenario.gaps()) {
      double weight = valuation.weight(gap.id());
      double maximum = valuation.maximumValue(gap.id());
      double value = Math.min(maximum, valueByGap.getOrDefault(gap.id(), 0.0));
      double closure = Math.min(1.0, closureByGap.getOrDefault(gap.id(), 0.0));
      gapOutcomes.add(
          new GapOutcome(
              gap.id(), gap.partnerId(), weight, maximum, value, closure, weight - value));
      riskReduced += value;
      riskByPartner.merge(gap.partnerId(), value, Double::sum);
    }
    gapOutcomes.sort(Comparator.comparing(GapOutcome::gapId));

    List<UnfundedOption> unfunded = new ArrayList<>();
    Map<String, String> fundedByGroup = new HashMap<>();
    for (FundingDecision decision : sorted) {
      String group = optionsById.get(decision.optionId()).exclusionGroup();
      if (group != null) {
        fundedByGroup.putIfAbsent(group, decision.optionId());
      }
    }
    for (SolutionOption option : scenario.options()) {
      if (decisionByOption.containsKey(option.id())) {
        continue;
      }
      CapabilityGap gap = gapsById.get(option.gapId());
      UnfundedReason reason =
          status.hasPlan()
              ? reasonUnfunded(valuation, option, optionsById, decisionByOption, fundedByGroup)
              : new UnfundedReason(ReasonCode.NO_PLAN, noPlanDetail);
      unfunded.add(new UnfundedOption(option.id(), gap.id(), gap.partnerId(), reason));
    }
    unfunded.sort(Comparator.comparing(UnfundedOption::optionId));

    uses.sort(
        Comparator.comparing(AppropriationUse::programId)
            .thenComparingInt(AppropriationUse::fiscalYear));
    PlanTotals totals = totals(scenario, funded, uses, riskByPartner, partnersById);
    return new Plan(
        scenario.id(),
        status,
        valuation.totalWeightAtStake(),
        riskReduced,
        funded,
        unfunded,
        gapOutcomes,
        uses,
        totals,
        statistics);
  }

  /**
   * Draws each FY's obligations of the program from the appropriations available that FY,
   * soonest-expiring first, which minimises lapse for the given obligations. If money runs short
   * the last available appropriation is overdrawn, so that the checker reports the overspend
   * instead of the assembler hiding it.
   */
  private static void drawMoney(
      Scenario scenario,
      Program program,
      List<FundingDecision> sorted,
      Map<String, TreeMap<Integer, Long>> obligationsByOption,
      Map<String, List<AppropriationDraw>> drawsByOption,
      List<AppropriationUse> uses) {
    List<Appropriation> lines = program.appropriations();
    long[] remaining = new long[lines.size()];
    for (int a = 0; a < lines.size(); a++) {
      remaining[a] = lines.get(a).amount();
    }
    Integer[] order = new Integer[lines.size()];
    for (int a = 0; a < order.length; a++) {
      order[a] = a;
    }
    java.util.Arrays.sort(
        order,
        Comparator.<Integer>comparingInt(a -> lines.get(a).lastAvailableFiscalYear())
            .thenComparingInt(a -> lines.get(a).fiscalYear())
            .thenComparingInt(a -> a));
    TreeMap<Integer, List<FundingDecision>> byYear = new TreeMap<>();
    for (FundingDecision decision : sorted) {
      if (decision.programId().equals(program.id())) {
        for (int year : obligationsByOption.get(decision.optionId()).keySet()) {
          byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(decision);
        }
      }
    }
    for (Map.Entry<Integer, List<FundingDecision>> entry : byYear.entrySet()) {
      int year = entry.getKey();
      for (FundingDecision decision : entry.getValue()) {
        long need = obligationsByOption.get(decision.optionId()).get(year);
        List<AppropriationDraw> draws =
            drawsByOption.computeIfAbsent(decision.optionId(), k -> new ArrayList<>());
        int lastAvailable = -1;
        for (int a : order) {
          if (!lines.get(a).availableIn(year)) {
            continue;
          }
          lastAvailable = a;
          long take = Math.min(need, remaining[a]);
          if (take > 0) {
            draws.add(new AppropriationDraw(lines.get(a).fiscalYear(), year, take));
            remaining[a] -= take;
            need -= take;
          }
          if (need == 0) {
            break;
          }
        }
        if (need > 0 && lastAvailable >= 0) {
          draws.add(new AppropriationDraw(lines.get(lastAvailable).fiscalYear(), year, need));
          remaining[lastAvailable] -= need;
        }
      }
    }
    int horizonLast = scenario.horizon().lastFiscalYear();
    for (int a = 0; a < lines.size(); a++) {
      Appropriation line = lines.get(a);
      long obligated = line.amount() - remaining[a];
      long left = Math.max(0, remaining[a]);
      boolean expires = line.lastAvailableFiscalYear() <= horizonLast;
      uses.add(
          new AppropriationUse(
              program.id(),
              line.fiscalYear(),
              line.amount(),
              line.noYear() ? null : line.lastAvailableFiscalYear(),
              obligated,
              expires ? left : 0,
              expires ? 0 : left));
    }
  }

  /**
   * The name of the option with {@code id}, which a reader knows it by (its id is in the plan);
   * looked up in the index, as a scan per unfunded option made assembly quadratic in the options.
   */
  private static String optionName(Map<String, SolutionOption> optionsById, String id) {
    SolutionOption option = optionsById.get(id);
    return option == null ? id : option.name();
  }

  private static UnfundedReason reasonUnfunded(
      Valuation valuation,
      SolutionOption option,
      Map<String, SolutionOption> optionsById,
      Map<String, FundingDecision> decisionByOption,
      Map<String, String> fundedByGroup) {
    Optional<UnfundedReason> exclusion = valuation.exclusion(option.id());
    if (exclusion.isPresent()) {
      return exclusion.get();
    }
    if (option.exclusionGroup() != null && fundedByGroup.containsKey(option.exclusionGroup())) {
      String chosen = fundedByGroup.get(option.exclusionGroup());
      return new UnfundedReason(
          ReasonCode.EXCLUDED_BY_ALTERNATIVE,
          "Its alternative '" + optionName(optionsById, chosen) + "' is funded instead.");
    }
    for (Prerequisite prerequisite : option.prerequisites()) {
      if (!decisionByOption.containsKey(prerequisite.optionId())) {
        return new UnfundedReason(
            ReasonCode.BLOCKED_BY_PREREQUISITE,
            "Its prerequisite '"
                + optionName(optionsById, prerequisite.optionId())
                + "' is not funded, and this option needs it to start "
                + Messages.yearsEarlier(prerequisite.lagYears(), true)
                + ".");
      }
    }
    List<Candidate> candidates = valuation.candidates(option.id());
    double best = candidates.stream().mapToDouble(Candidate::value).max().orElse(0);
    long cost = option.totalCost();
    return new UnfundedReason(
        ReasonCode.CROWDED_OUT,
        String.format(
            Locale.ROOT,
            "Not funded: it would retire %.3f points for $%,d (%.3f points per $1M), and within the money and capacity limits the funded options retire more.",
            best,
            cost,
            cost == 0 ? 0.0 : best / (cost / 1e6)));
  }

  private static PlanTotals totals(
      Scenario scenario,
      List<FundedOption> funded,
      List<AppropriationUse> uses,
      Map<String, Double> riskByPartner,
      Map<String, Partner> partnersById) {
    Map<String, Long> byPartner = new TreeMap<>();
    Map<String, Long> bySco = new TreeMap<>();
    Map<String, Long> byProgram = new TreeMap<>();
    Map<Integer, Long> byYear = new TreeMap<>();
    Map<String, Map<Integer, Long>> byProgramYear = new TreeMap<>();
    long total = 0;
    for (FundedOption option : funded) {
      String sco = partnersById.get(option.partnerId()).scoId();
      for (Map.Entry<Integer, Long> entry : option.obligationsByFiscalYear().entrySet()) {
        long amount = entry.getValue();
        byPartner.merge(option.partnerId(), amount, Long::sum);
        bySco.merge(sco, amount, Long::sum);
        byProgram.merge(option.programId(), amount, Long::sum);
        byYear.merge(entry.getKey(), amount, Long::sum);
        byProgramYear
            .computeIfAbsent(option.programId(), k -> new TreeMap<>())
            .merge(entry.getKey(), amount, Long::sum);
        total += amount;
      }
    }
    long lapsed = 0;
    for (AppropriationUse use : uses) {
      lapsed += use.lapsed();
    }
    return new PlanTotals(
        byPartner, bySco, byProgram, byYear, byProgramYear, riskByPartner, total, lapsed);
  }
}
