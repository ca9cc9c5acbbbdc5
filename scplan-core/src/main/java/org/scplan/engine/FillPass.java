package org.scplan.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.scplan.explain.CrowdingCause;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.CapabilityGap;
import org.scplan.time.Deadline;
import org.scplan.valuation.ReasonCode;
import org.scplan.valuation.UnfundedReason;

/**
 * The last step before any allocator returns a plan (docs/MODEL.md §6, "Fill pass"): in exact
 * dollars, it funds every unfunded option that fits beside the plan and raises the net objective
 * (risk reduced minus the lapse penalty), best first, so that what the model's rounding to money
 * units or a solve cut short left out is recovered; then it states each remaining option's reason
 * as a fact about the completed plan: CROWDED_OUT only when every start the option could have
 * breaks a named limit. Deterministic; stateless.
 */
public final class FillPass {
  /** Smallest net gain, in points, that counts as adding value (below it lies doubles' noise). */
  public static final double MINIMUM_GAIN = 1e-9;

  private final AllocationInstance exact;
  private final ResourceLedger ledger;
  private final int[] chosen;
  private final int[] groupOf;
  private final boolean[] groupUsed;
  private final double[] gapValue;
  private final double lapsePenaltyPerDollar;
  private final Deadline deadline;
  private boolean cutShort;

  private FillPass(AllocationInstance exact, int[] start, Deadline deadline) {
    this.exact = exact;
    this.deadline = deadline;
    this.ledger = new ResourceLedger(exact);
    this.chosen = start.clone();
    this.groupOf = new int[exact.options.length];
    Arrays.fill(groupOf, -1);
    for (int g = 0; g < exact.exclusionGroups.length; g++) {
      for (int o : exact.exclusionGroups[g]) {
        groupOf[o] = g;
      }
    }
    this.groupUsed = new boolean[exact.exclusionGroups.length];
    this.gapValue = new double[exact.gapOptions.length];
    this.lapsePenaltyPerDollar = exact.scenario.policy().lapsePenaltyPointsPerMillion() / 1e6;
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] >= 0) {
        take(o, chosen[o]);
      }
    }
  }

  /**
   * The decisions {@code chosen} (candidate per option, −1: unfunded; a plan that keeps every rule)
   * with every addition that fits in exact dollars and gains value made, best first: in passes,
   * each ranking the unfunded options by their best net gain (then scenario order) and funding them
   * in that order while each still fits and gains, until a pass funds nothing.
   */
  public static int[] fill(AllocationInstance instance, int[] chosen) {
    FillPass pass = new FillPass(instance.inExactDollars(), chosen, Deadline.none());
    pass.run();
    return pass.chosen.clone();
  }

  /**
   * Fills {@code chosen}, assembles the plan with {@code status} and {@code statistics}, and states
   * the reasons of the options left unfunded as facts about it (see {@link #withReasons}).
   */
  public static Plan complete(
      AllocationInstance instance, int[] chosen, PlanStatus status, SolverStatistics statistics) {
    int[] filled = fill(instance, chosen);
    Plan plan =
        PlanAssembler.assemble(
            instance.valuation, GreedySearch.decisions(instance, filled), status, statistics, "");
    return withReasons(instance, filled, plan);
  }

  /**
   * {@code plan} completed by the fill pass, with its status and statistics; a plan without
   * decisions (INFEASIBLE, UNKNOWN) is returned as it is.
   */
  public static Plan complete(AllocationInstance instance, Plan plan) {
    return complete(instance, plan, Deadline.none());
  }

  /**
   * {@code plan} completed as by {@link #complete(AllocationInstance, Plan)} within {@code
   * deadline}: the time limit holds over the fill pass too. When the deadline ends first, the plan
   * keeps the additions made by then and the reasons its assembly gave (a fitting option may then
   * be left unfunded; the caller says so), and is returned as it is when the deadline had already
   * ended.
   */
  public static Plan complete(AllocationInstance instance, Plan plan, Deadline deadline) {
    if (!plan.status().hasPlan() || deadline.expired()) {
      return plan;
    }
    FillPass pass = new FillPass(instance.inExactDollars(), chosenOf(instance, plan), deadline);
    pass.run();
    int[] filled = pass.chosen.clone();
    Plan assembled =
        PlanAssembler.assemble(
            instance.valuation,
            GreedySearch.decisions(instance, filled),
            plan.status(),
            plan.solver(),
            "");
    return pass.cutShort ? assembled : withReasons(instance, filled, assembled);
  }

  /** The candidate index per option that {@code plan} funds (−1: unfunded or not a candidate). */
  public static int[] chosenOf(AllocationInstance instance, Plan plan) {
    int[] chosen = new int[instance.options.length];
    Arrays.fill(chosen, -1);
    plan.fundedOptions()
        .forEach(
            funded -> {
              int o = instance.optionIndex(funded.optionId());
              for (int c = 0; c < instance.candidates[o].length; c++) {
                if (instance.candidates[o][c].programId().equals(funded.programId())
                    && instance.candidates[o][c].startFiscalYear() == funded.startFiscalYear()) {
                  chosen[o] = c;
                }
              }
            });
    return chosen;
  }

  /**
   * The plan with the reason of every option the assembler called CROWDED_OUT checked against the
   * plan in exact dollars: CROWDED_OUT naming the limits its best start would break (every start
   * breaks one), BLOCKED_BY_PREREQUISITE when its funded prerequisites start too late for every
   * start, or GAP_ALREADY_CLOSED when it fits but its gap already holds its maximum value. Other
   * reasons are facts the assembler established and stay.
   */
  public static Plan withReasons(AllocationInstance instance, int[] chosen, Plan plan) {
    if (!plan.status().hasPlan()) {
      return plan;
    }
    AllocationInstance exact = instance.inExactDollars();
    CrowdingAnalysis crowding = new CrowdingAnalysis(exact, chosen);
    List<UnfundedOption> unfunded = new ArrayList<>();
    for (UnfundedOption option : plan.unfundedOptions()) {
      if (option.reason().code() != ReasonCode.CROWDED_OUT) {
        unfunded.add(option);
        continue;
      }
      int o = exact.optionIndex(option.optionId());
      CrowdingAnalysis.Result result = crowding.analyse(o);
      unfunded.add(
          new UnfundedOption(
              option.optionId(), option.gapId(), option.partnerId(), reason(exact, o, result)));
    }
    return new Plan(
        plan.scenarioId(),
        plan.status(),
        plan.totalWeightAtStake(),
        plan.riskReduced(),
        plan.fundedOptions(),
        unfunded,
        plan.gaps(),
        plan.appropriations(),
        plan.totals(),
        plan.solver());
  }

  private static UnfundedReason reason(
      AllocationInstance exact, int option, CrowdingAnalysis.Result result) {
    if (result.cause() == CrowdingCause.PREREQUISITE_TIMING) {
      return new UnfundedReason(
          ReasonCode.BLOCKED_BY_PREREQUISITE,
          "Its prerequisites are funded, but start too late for every start year it could have.");
    }
    if (result.cause() == CrowdingCause.GAP_ALREADY_CLOSED) {
      return new UnfundedReason(
          ReasonCode.GAP_ALREADY_CLOSED,
          "Its gap '"
              + gapName(exact, exact.options[option].gapId())
              + "' already holds its maximum value, so funding it would retire nothing more.");
    }
    if (result.cause() == CrowdingCause.FITS_BUT_NOT_FOUND) {
      throw new IllegalStateException(
          "option '"
              + exact.options[option].id()
              + "' fits and adds value after the fill pass; this is a bug in scplan");
    }
    var candidate = exact.candidates[option][result.candidate()];
    StringJoiner limits = new StringJoiner("; ");
    for (CrowdingAnalysis.Breach breach : result.breaches()) {
      limits.add(breach.rule().name());
    }
    long cost = exact.options[option].totalCost();
    return new UnfundedReason(
        ReasonCode.CROWDED_OUT,
        String.format(
            Locale.ROOT,
            "Crowded out: funded by program '%s' from FY%d it would retire %.3f points for $%,d,"
                + " but exceed %s; every other start it could have breaks a limit too.",
            Rules.programName(exact, candidate.programId()),
            candidate.startFiscalYear(),
            result.marginalGain(),
            cost,
            limits));
  }

  private static String gapName(AllocationInstance exact, String gapId) {
    return exact.scenario.gaps().stream()
        .filter(gap -> gap.id().equals(gapId))
        .map(CapabilityGap::description)
        .findFirst()
        .orElse(gapId);
  }

  /** An addition that fits and gains: the option, its candidate and the net gain in points. */
  private record Addition(int option, int candidate, double gain) {}

  private void run() {
    while (true) {
      List<Addition> ranked = new ArrayList<>();
      for (int o = 0; o < chosen.length; o++) {
        // Checked every 1,024 options: on 100,000 options a pass takes seconds.
        if ((o & 1023) == 0 && deadline.expired()) {
          cutShort = true;
          return;
        }
        Addition best = best(o);
        if (best != null) {
          ranked.add(best);
        }
      }
      if (ranked.isEmpty()) {
        return;
      }
      ranked.sort(
          Comparator.comparingDouble((Addition addition) -> -addition.gain())
              .thenComparingInt(Addition::option));
      for (Addition entry : ranked) {
        Addition best = best(entry.option());
        if (best != null) {
          take(best.option(), best.candidate());
        }
      }
    }
  }

  /**
   * The option's candidate that fits beside the plan with the highest net gain above {@link
   * #MINIMUM_GAIN} (ties: the earlier candidate), or {@code null}.
   */
  private Addition best(int option) {
    if (chosen[option] >= 0 || (groupOf[option] >= 0 && groupUsed[groupOf[option]])) {
      return null;
    }
    Addition best = null;
    for (int c = 0; c < exact.candidates[option].length; c++) {
      if (!prerequisitesEarlyEnough(option, c)) {
        continue;
      }
      int program = exact.candidateProgram[option][c];
      long lapsedBefore = ledger.lapsedUnits(program);
      ledger.apply(option, c, 1);
      boolean fits = ledger.brokenRowAround(option, c, true) < 0;
      long lapsedAfter = fits ? ledger.lapsedUnits(program) : lapsedBefore;
      ledger.apply(option, c, -1);
      if (!fits) {
        continue;
      }
      double gain = valueGain(option, c) + lapsePenaltyPerDollar * (lapsedBefore - lapsedAfter);
      if (gain > MINIMUM_GAIN && (best == null || gain > best.gain())) {
        best = new Addition(option, c, gain);
      }
    }
    return best;
  }

  private double valueGain(int option, int candidate) {
    int gap = exact.optionGap[option];
    double cap = exact.gapMaximumValue[gap];
    return Math.min(cap, gapValue[gap] + exact.candidates[option][candidate].value())
        - Math.min(cap, gapValue[gap]);
  }

  private boolean prerequisitesEarlyEnough(int option, int candidate) {
    for (int[] prerequisite : exact.prerequisites[option]) {
      int before = prerequisite[0];
      if (chosen[before] < 0
          || exact.candidateStart[before][chosen[before]] + prerequisite[1]
              > exact.candidateStart[option][candidate]) {
        return false;
      }
    }
    return true;
  }

  private void take(int option, int candidate) {
    ledger.apply(option, candidate, 1);
    chosen[option] = candidate;
    if (groupOf[option] >= 0) {
      groupUsed[groupOf[option]] = true;
    }
    gapValue[exact.optionGap[option]] += exact.candidates[option][candidate].value();
  }
}
