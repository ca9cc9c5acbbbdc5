package org.scplan.optimizer.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.CrowdingAnalysis;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.Preparation;
import org.scplan.explain.BindingLimit;
import org.scplan.explain.Counterfactual;
import org.scplan.explain.CrowdingCause;
import org.scplan.explain.InfeasibilityDiagnosis;
import org.scplan.explain.MarginalBasis;
import org.scplan.explain.MarginalValue;
import org.scplan.explain.PlanAnalysis;
import org.scplan.explain.PlanAnalyzer;
import org.scplan.explain.PlanExplanation;
import org.scplan.explain.Rule;
import org.scplan.explain.RuleKind;
import org.scplan.explain.UnfundedExplanation;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.explain.ExplainProgress.Stage;
import org.scplan.optimizer.internal.ExplainSolves;
import org.scplan.optimizer.settings.SolverSettings;
import org.scplan.plan.FundedOption;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.PlanViolation;
import org.scplan.plan.SolverStatistics;
import org.scplan.plan.UnfundedOption;
import org.scplan.scenario.Appropriation;
import org.scplan.scenario.Program;
import org.scplan.scenario.Scenario;
import org.scplan.support.Messages;
import org.scplan.valuation.ReasonCode;
import org.scplan.valuation.UnfundedReason;

/**
 * Explains a plan: why each option is unfunded (naming the binding limit for options crowded out),
 * what a step more money in each program and FY would buy, what forcing the most valuable unfunded
 * options in would cost, and for an infeasible scenario a smallest set of conflicting rules. Also
 * scores and checks a hand-edited plan ({@link #analyze}).
 *
 * <p>Marginal values and counterfactuals are measured by re-solving the CP-SAT model (never from LP
 * duals), each re-solve on one worker with the configured seed and deterministic time limit and
 * warm-started from the reference plan, so results are reproducible. The reference plan is the
 * better of the plan explained and a re-solve of the unchanged scenario under the same limits: a
 * plan cut short by a time limit would otherwise make every re-solve look like a gain. When that
 * re-solve proves the reference optimal, the whole model is re-solved and figures proven optimal
 * are exact ({@link MarginalBasis#PROVEN_OPTIMAL}); otherwise only a neighbourhood of the reference
 * is re-optimised, the same neighbourhood on both sides of each difference ({@link
 * MarginalBasis#NEIGHBOURHOOD}). docs/MODEL.md §9 is the contract.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * Explainer explainer = Explainer.create(ExplainerConfig.defaults());
 * Scenario scenario = NotionalTheater.scenario();
 * PlanExplanation explanation = explainer.explain(scenario);
 * System.out.print(explanation.text(scenario));       // options and programs by name
 * }</pre>
 */
public final class Explainer {
  private final ExplainerConfig config;

  private Explainer(ExplainerConfig config) {
    this.config = config;
  }

  /** An explainer with {@code config}. */
  public static Explainer create(ExplainerConfig config) {
    return new Explainer(Objects.requireNonNull(config, "config"));
  }

  /** The configuration. */
  public ExplainerConfig config() {
    return config;
  }

  /**
   * Allocates with {@link ExplainerConfig#allocator()} and explains the plan found.
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   */
  public PlanExplanation explain(Scenario scenario) {
    return explain(scenario, ExplainListener.NONE);
  }

  /**
   * As {@link #explain(Scenario)}, reporting progress to {@code listener}: stage {@link
   * ExplainProgress.Stage#SOLVING} with the solver's own events first, then as {@link
   * #explain(Scenario, Plan, ExplainListener)}.
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   */
  public PlanExplanation explain(Scenario scenario, ExplainListener listener) {
    Objects.requireNonNull(listener, "listener");
    long started = System.nanoTime();
    listener.onProgress(new ExplainProgress(Stage.SOLVING, 0, 0, 0.0, 0.0, List.of()));
    Plan plan =
        Allocator.create(config.allocator())
            .allocate(scenario, listener::onSolverProgress)
            .withoutTimings();
    return explain(scenario, plan, listener, started);
  }

  /**
   * Explains {@code plan}, a plan of {@code scenario} that keeps every rule (for one that may not,
   * use {@link #analyze}).
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   * @throws IllegalArgumentException if the plan breaks a rule of the scenario
   */
  public PlanExplanation explain(Scenario scenario, Plan plan) {
    return explain(scenario, plan, ExplainListener.NONE);
  }

  /**
   * As {@link #explain(Scenario, Plan)}, reporting progress to {@code listener}, in this order:
   * {@link ExplainProgress.Stage#REASONS} with the unfunded options' reasons (before any re-solve),
   * then one event per re-solve in the stages {@code REFERENCE}, {@code MARGINAL_VALUES} and {@code
   * COUNTERFACTUALS} (or {@code DIAGNOSIS} for a scenario without a plan), then {@code DONE}. The
   * explanation is the same with or without a listener.
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   * @throws IllegalArgumentException if the plan breaks a rule of the scenario
   */
  public PlanExplanation explain(Scenario scenario, Plan plan, ExplainListener listener) {
    Objects.requireNonNull(listener, "listener");
    return explain(scenario, plan, listener, System.nanoTime());
  }

  private PlanExplanation explain(
      Scenario scenario, Plan plan, ExplainListener listener, long started) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(plan, "plan");
    AllocationInstance instance = Preparation.prepare(scenario);
    List<PlanViolation> violations = PlanChecker.check(scenario, plan);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(
          "The plan breaks "
              + Messages.count(violations.size(), "rule")
              + " of scenario '"
              + scenario.id()
              + "', first: "
              + violations.get(0)
              + ". Maybe it was edited by hand: use analyze(scenario, plan) to list every violation.");
    }
    if (!plan.status().hasPlan()) {
      listener.onProgress(
          new ExplainProgress(Stage.DIAGNOSIS, 0, 0, seconds(started), 0.0, List.of()));
      InfeasibilityDiagnosis diagnosis = diagnose(scenario);
      List<UnfundedExplanation> unfunded = new ArrayList<>();
      for (UnfundedOption option : plan.unfundedOptions()) {
        unfunded.add(
            new UnfundedExplanation(
                option.optionId(),
                option.gapId(),
                option.partnerId(),
                option.reason().code(),
                null,
                option.reason().detail(),
                bestValue(instance, instance.optionIndex(option.optionId())),
                0.0,
                instance.options[instance.optionIndex(option.optionId())].totalCost(),
                null,
                null,
                List.of()));
      }
      listener.onProgress(
          new ExplainProgress(
              Stage.DONE,
              diagnosis.solves(),
              diagnosis.solves(),
              seconds(started),
              seconds(started),
              List.of()));
      return new PlanExplanation(
          scenario.id(),
          plan,
          unfunded,
          List.of(),
          List.of(),
          diagnosis,
          method(diagnosis.solves(), ""));
    }
    return new Run(scenario, instance, plan, listener, started).explain();
  }

  /**
   * Diagnoses why {@code scenario} admits no plan: a smallest set of conflicting rules found, or
   * {@code infeasible == false} when a plan exists (or infeasibility could not be proven within the
   * limits).
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   */
  public InfeasibilityDiagnosis diagnose(Scenario scenario) {
    AllocationInstance instance = Preparation.prepare(scenario);
    ExplainSolves.Diagnosis found = ExplainSolves.diagnose(instance, limits());
    String words;
    if (!found.infeasible()) {
      words =
          "No conflict: a plan satisfying every rule exists (or infeasibility was not proven within the deterministic limit of "
              + config.deterministicTimeLimit()
              + ").";
    } else {
      StringBuilder text = new StringBuilder();
      text.append(
          found.rules().size() == 1
              ? "This rule cannot hold in any plan: "
              : "These " + found.rules().size() + " rules cannot all hold together: ");
      text.append(String.join("; ", found.rules().stream().map(Rule::name).toList())).append(". ");
      text.append(
          found.minimal()
              ? "Relaxing any one of them admits a plan (each was checked by a re-solve without it)."
              : "Not every member could be shown necessary within the limits; the set may not be minimal.");
      text.append(" Maybe unlock a decision, lower a balance minimum or raise a limit.");
      words = text.toString();
    }
    return new InfeasibilityDiagnosis(
        found.infeasible(), found.rules(), found.minimal(), found.solves(), words);
  }

  /**
   * Scores and checks a plan that may have been edited by hand; see {@link PlanAnalyzer}.
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   */
  public PlanAnalysis analyze(Scenario scenario, Plan plan) {
    return PlanAnalyzer.analyze(scenario, plan);
  }

  private SolverSettings limits() {
    return config.resolveSettings();
  }

  private String method(int solves, String extra) {
    return String.format(
            Locale.ROOT,
            "CP-SAT re-solves (never LP duals), each on %d worker%s with seed %d, deterministic time limit %s and wall safety limit %ss, warm-started from the reference plan; marginal-value step $%,d; %d solves.",
            limits().workers(),
            limits().workers() == 1 ? "" : "s",
            limits().seed(),
            config.deterministicTimeLimit(),
            limits().timeLimit().toSeconds(),
            config.stepDollars(),
            solves)
        + extra;
  }

  /** The options' names, quoted and joined, for ids of {@code instance}'s options. */
  private static String optionNames(AllocationInstance instance, List<String> ids) {
    List<String> names = new ArrayList<>();
    for (String id : ids) {
      names.add("'" + instance.options[instance.optionIndex(id)].name() + "'");
    }
    return String.join(", ", names);
  }

  private static String programName(AllocationInstance instance, String programId) {
    for (Program program : instance.programs) {
      if (program.id().equals(programId)) {
        return program.name();
      }
    }
    return programId;
  }

  private static double bestValue(AllocationInstance instance, int option) {
    double best = 0;
    for (var candidate : instance.candidates[option]) {
      best = Math.max(best, candidate.value());
    }
    return best;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static SolverStatistics statistics() {
    return SolverStatistics.builder("explain").build();
  }

  /** One explanation in progress. */
  private final class Run {
    private final Scenario scenario;
    private final AllocationInstance instance;
    private final Plan plan;
    private final int[] chosen;
    private int solves;
    private int[] referenceChosen;
    private double referenceObjective;
    private boolean referenceProven;
    private String referenceNote = "";
    private final Map<String, MarginalValue> marginalByLine = new HashMap<>();
    private final ExplainListener listener;
    private final long started;
    private long resolvesStarted;
    private Stage stage = Stage.REASONS;
    private int planned;

    Run(
        Scenario scenario,
        AllocationInstance instance,
        Plan plan,
        ExplainListener listener,
        long started) {
      this.scenario = scenario;
      this.instance = instance;
      this.plan = plan;
      this.chosen = chosen(instance, plan);
      this.listener = listener;
      this.started = started;
    }

    PlanExplanation explain() {
      boolean resolves = config.marginalValues() || config.counterfactuals() > 0;
      // The reasons need no re-solve: they are reported first, and measured again below only to
      // add the marginal values of their binding limits.
      Map<String, CrowdingAnalysis.Result> crowdingByOption = new HashMap<>();
      List<UnfundedExplanation> unfunded = explainUnfunded(crowdingByOption);
      planned = planned(resolves, false, unfunded);
      report(Stage.REASONS, unfunded);
      resolvesStarted = System.nanoTime();
      if (resolves) {
        stage = Stage.REFERENCE;
        reference();
        planned = planned(resolves, referenceProven, unfunded);
      }
      List<MarginalValue> marginalValues = List.of();
      if (config.marginalValues()) {
        stage = Stage.MARGINAL_VALUES;
        marginalValues = marginalValues();
        crowdingByOption.clear();
        unfunded = explainUnfunded(crowdingByOption);
      }
      List<Counterfactual> counterfactuals = List.of();
      if (resolves) {
        stage = Stage.COUNTERFACTUALS;
        counterfactuals = counterfactuals(unfunded, crowdingByOption);
      }
      List<UnfundedOption> refined = new ArrayList<>();
      for (UnfundedExplanation explanation : unfunded) {
        refined.add(
            new UnfundedOption(
                explanation.optionId(),
                explanation.gapId(),
                explanation.partnerId(),
                new UnfundedReason(explanation.code(), explanation.detail())));
      }
      Plan explained =
          new Plan(
              plan.scenarioId(),
              plan.status(),
              plan.totalWeightAtStake(),
              plan.riskReduced(),
              plan.fundedOptions(),
              refined,
              plan.gaps(),
              plan.appropriations(),
              plan.totals(),
              plan.solver());
      PlanChecker.verify(scenario, explained);
      // Some planned re-solves may have been skipped; at the end the count is the one run.
      planned = solves;
      report(Stage.DONE, List.of());
      return new PlanExplanation(
          scenario.id(),
          explained,
          unfunded,
          marginalValues,
          counterfactuals,
          null,
          method(solves, referenceNote));
    }

    private List<UnfundedExplanation> explainUnfunded(
        Map<String, CrowdingAnalysis.Result> crowdingByOption) {
      CrowdingAnalysis crowding = new CrowdingAnalysis(instance, chosen);
      List<UnfundedExplanation> unfunded = new ArrayList<>();
      for (UnfundedOption option : plan.unfundedOptions()) {
        unfunded.add(explainUnfunded(option, crowding, crowdingByOption));
      }
      return unfunded;
    }

    /**
     * Re-solves the explanation runs: the reference, per program with money in the horizon one per
     * FY (and one for its neighbourhood while the reference is not proven optimal), and the
     * counterfactuals.
     */
    private int planned(boolean resolves, boolean proven, List<UnfundedExplanation> unfunded) {
      if (!resolves) {
        return 0;
      }
      int count = 1;
      if (config.marginalValues()) {
        for (Program program : instance.programs) {
          long years =
              program.appropriations().stream()
                  .mapToInt(Appropriation::fiscalYear)
                  .filter(
                      y ->
                          y >= scenario.horizon().firstFiscalYear()
                              && y <= scenario.horizon().lastFiscalYear())
                  .distinct()
                  .count();
          count += years == 0 ? 0 : (int) years + (proven ? 0 : 1);
        }
      }
      long candidates =
          unfunded.stream()
              .filter(u -> instance.candidates[instance.optionIndex(u.optionId())].length > 0)
              .count();
      return count + (int) Math.min(config.counterfactuals(), candidates);
    }

    /** One re-solve finished: counted and reported. */
    private void solved() {
      solves++;
      report(stage, List.of());
    }

    private void report(Stage at, List<UnfundedExplanation> reasons) {
      listener.onProgress(
          new ExplainProgress(
              at,
              solves,
              Math.max(solves, planned),
              seconds(started),
              resolvesStarted == 0 ? 0.0 : seconds(resolvesStarted),
              reasons));
    }

    /** The reference plan: the better of the plan explained and a re-solve from it. */
    private void reference() {
      referenceChosen = chosen;
      Plan assembled = assemble(instance, chosen);
      referenceObjective = GreedySearch.netObjective(instance, assembled);
      ExplainSolves.Solved control = ExplainSolves.resolve(instance, chosen, -1, limits());
      solved();
      referenceProven = control.status() == PlanStatus.OPTIMAL;
      if (control.chosen() != null) {
        Plan controlPlan = assemble(instance, control.chosen());
        double objective = GreedySearch.netObjective(instance, controlPlan);
        if (objective > referenceObjective + 1e-7) {
          referenceNote =
              String.format(
                  Locale.ROOT,
                  " The re-solve of the unchanged scenario found a plan %.3f points better than the plan explained (%.3f vs %.3f); marginal values and counterfactuals are measured from that better plan.",
                  objective - referenceObjective,
                  objective,
                  referenceObjective);
          referenceChosen = control.chosen();
          referenceObjective = objective;
        }
      }
      referenceNote +=
          referenceProven
              ? " The reference plan is proven optimal: marginal values and counterfactuals are exact whenever their re-solve is proven optimal too (basis PROVEN_OPTIMAL)."
              : " The reference plan is not proven optimal: marginal values re-optimise the options each program can fund and counterfactuals the options sharing a partner or program with the forced option, everything else fixed (basis NEIGHBOURHOOD).";
    }

    private List<MarginalValue> marginalValues() {
      List<MarginalValue> values = new ArrayList<>();
      int first = scenario.horizon().firstFiscalYear();
      int last = scenario.horizon().lastFiscalYear();
      for (int p = 0; p < instance.programs.length; p++) {
        Program program = instance.programs[p];
        TreeSet<Integer> years = new TreeSet<>();
        for (Appropriation appropriation : program.appropriations()) {
          if (appropriation.fiscalYear() >= first && appropriation.fiscalYear() <= last) {
            years.add(appropriation.fiscalYear());
          }
        }
        if (years.isEmpty()) {
          continue;
        }
        boolean[] free = null;
        int[] control = referenceChosen;
        double controlObjective = referenceObjective;
        if (!referenceProven) {
          free = new boolean[instance.options.length];
          for (int o = 0; o < free.length; o++) {
            for (int c = 0; c < instance.candidates[o].length; c++) {
              free[o] |= instance.candidateProgram[o][c] == p;
            }
          }
          ExplainSolves.Solved local =
              ExplainSolves.resolve(instance, referenceChosen, free, -1, limits());
          solved();
          if (local.chosen() != null) {
            double objective =
                GreedySearch.netObjective(instance, assemble(instance, local.chosen()));
            if (objective > controlObjective + 1e-7) {
              control = local.chosen();
              controlObjective = objective;
            }
          }
        }
        for (int year : years) {
          MarginalValue value = marginalValue(program, year, free, control, controlObjective);
          values.add(value);
          marginalByLine.put(program.id() + "@" + year, value);
        }
      }
      return values;
    }

    private MarginalValue marginalValue(
        Program program, int year, boolean[] free, int[] control, double controlObjective) {
      Scenario raised = raise(scenario, program.id(), year, config.stepDollars());
      AllocationInstance raisedInstance = Preparation.prepare(raised);
      int[] hint = translate(instance, control, raisedInstance);
      ExplainSolves.Solved solved = ExplainSolves.resolve(raisedInstance, hint, free, -1, limits());
      solved();
      Plan kept = assemble(raisedInstance, hint);
      int[] best = hint;
      Plan bestPlan = kept;
      PlanStatus status = solved.status();
      if (solved.chosen() != null) {
        Plan found = assemble(raisedInstance, solved.chosen());
        if (GreedySearch.netObjective(raisedInstance, found)
            > GreedySearch.netObjective(raisedInstance, kept) + 1e-7) {
          best = solved.chosen();
          bestPlan = found;
        }
      } else {
        status = PlanStatus.FEASIBLE;
      }
      MarginalBasis basis =
          free == null && status == PlanStatus.OPTIMAL
              ? MarginalBasis.PROVEN_OPTIMAL
              : MarginalBasis.NEIGHBOURHOOD;
      double objectiveGain = GreedySearch.netObjective(raisedInstance, bestPlan) - controlObjective;
      double riskGain = bestPlan.riskReduced() - assemble(instance, control).riskReduced();
      List<String> added = new ArrayList<>();
      List<String> dropped = new ArrayList<>();
      for (int o = 0; o < best.length; o++) {
        boolean now = best[o] >= 0;
        boolean before = hint[o] >= 0;
        if (now && !before) {
          added.add(raisedInstance.options[o].id());
        } else if (before && !now) {
          dropped.add(raisedInstance.options[o].id());
        }
      }
      added.sort(null);
      dropped.sort(null);
      double perMillion = Math.max(0.0, riskGain) / (config.stepDollars() / 1e6);
      String words =
          String.format(
                  Locale.ROOT,
                  "$%,d more in program '%s' FY%d would retire %.3f more points (%.3f per $1M)",
                  config.stepDollars(),
                  program.name(),
                  year,
                  riskGain,
                  perMillion)
              + (added.isEmpty()
                  ? ", funding nothing new"
                  : ", funding " + optionNames(raisedInstance, added))
              + (dropped.isEmpty() ? "" : " and dropping " + optionNames(raisedInstance, dropped))
              + (basis == MarginalBasis.PROVEN_OPTIMAL
                  ? " (exact: both plans proven optimal)."
                  : status == PlanStatus.OPTIMAL
                      ? " (local: the options this program can fund re-optimised around the reference plan, proven optimal there)."
                      : " (local: the options this program can fund re-optimised around the reference plan until the limit).");
      return new MarginalValue(
          program.id(),
          year,
          config.stepDollars(),
          objectiveGain,
          riskGain,
          perMillion,
          added,
          dropped,
          status,
          basis,
          words);
    }

    private UnfundedExplanation explainUnfunded(
        UnfundedOption option,
        CrowdingAnalysis crowding,
        Map<String, CrowdingAnalysis.Result> crowdingByOption) {
      int o = instance.optionIndex(option.optionId());
      double best = bestValue(instance, o);
      long cost = instance.options[o].totalCost();
      UnfundedReason reason = option.reason();
      if (reason.code() != ReasonCode.CROWDED_OUT) {
        return new UnfundedExplanation(
            option.optionId(),
            option.gapId(),
            option.partnerId(),
            reason.code(),
            null,
            reason.detail(),
            best,
            0.0,
            cost,
            null,
            null,
            List.of());
      }
      CrowdingAnalysis.Result result = crowding.analyse(o);
      crowdingByOption.put(option.optionId(), result);
      if (result.cause() == CrowdingCause.PREREQUISITE_TIMING) {
        return new UnfundedExplanation(
            option.optionId(),
            option.gapId(),
            option.partnerId(),
            ReasonCode.BLOCKED_BY_PREREQUISITE,
            null,
            "Its prerequisites are funded, but start too late for any of its start years: "
                + prerequisiteStarts(o)
                + ".",
            best,
            0.0,
            cost,
            null,
            null,
            List.of());
      }
      var candidate = instance.candidates[o][result.candidate()];
      double gain = result.marginalGain();
      double gainPerMillion = cost == 0 ? 0.0 : gain / (cost / 1e6);
      List<BindingLimit> limits = new ArrayList<>();
      for (CrowdingAnalysis.Breach breach : result.breaches()) {
        Double marginal = null;
        if (breach.rule().kind() == RuleKind.APPROPRIATION) {
          MarginalValue value =
              marginalByLine.get(breach.rule().subjectId() + "@" + breach.rule().fiscalYear());
          marginal = value == null ? null : value.pointsPerMillion();
        }
        limits.add(
            new BindingLimit(
                breach.rule(), breach.shortfall(), marginal, limitWords(breach, marginal)));
      }
      String at =
          String.format(
              Locale.ROOT,
              "program '%s' from FY%d",
              programName(instance, candidate.programId()),
              candidate.startFiscalYear());
      String worth =
          String.format(
              Locale.ROOT,
              "it would add %.3f points for $%,d (%.3f points per $1M)",
              gain,
              cost,
              gainPerMillion);
      String detail =
          switch (result.cause()) {
            case GAP_ALREADY_CLOSED ->
                String.format(
                    Locale.ROOT,
                    "Crowded out: its gap '%s' is already closed to its maximum value by the funded options, so adding it (%s) would retire nothing more.",
                    gapWords(option.gapId()),
                    at);
            case FITS_BUT_NOT_FOUND ->
                "Not funded, although it fits beside the funded options at "
                    + at
                    + " and "
                    + worth
                    + ": the solve stopped at its limit ("
                    + plan.status()
                    + ") before finding the better plan that includes it.";
            default -> crowdedWords(at, worth, gainPerMillion, limits);
          };
      return new UnfundedExplanation(
          option.optionId(),
          option.gapId(),
          option.partnerId(),
          ReasonCode.CROWDED_OUT,
          result.cause(),
          detail,
          best,
          gain,
          cost,
          candidate.programId(),
          candidate.startFiscalYear(),
          limits);
    }

    private String crowdedWords(
        String at, String worth, double gainPerMillion, List<BindingLimit> limits) {
      StringBuilder text =
          new StringBuilder("Crowded out at ").append(at).append(": adding it would exceed ");
      List<String> parts = new ArrayList<>();
      for (BindingLimit limit : limits) {
        parts.add(limit.words());
      }
      text.append(String.join("; ", parts)).append("; ").append(worth).append('.');
      Double marginal =
          limits.stream()
              .map(BindingLimit::marginalValuePerMillion)
              .filter(Objects::nonNull)
              .max(Double::compare)
              .orElse(null);
      if (marginal != null) {
        if (gainPerMillion < marginal) {
          text.append(
              String.format(
                  Locale.ROOT,
                  " The marginal value of that money is %.3f points per $1M, more than this option's %.3f: the money buys more elsewhere.",
                  marginal,
                  gainPerMillion));
        } else {
          text.append(
              String.format(
                  Locale.ROOT,
                  " Per dollar it is worth more than the marginal $%,d of that money (%.3f points per $1M), but it needs more money than a step frees, and funding it would mean dropping funded options (see its counterfactual, if listed).",
                  config.stepDollars(),
                  marginal));
        }
      } else if (limits.stream().allMatch(l -> l.rule().kind() != RuleKind.APPROPRIATION)) {
        text.append(" The funded options that use these limits retire more value with them.");
      }
      return text.toString();
    }

    private String gapWords(String gapId) {
      return scenario.gaps().stream()
          .filter(g -> g.id().equals(gapId))
          .map(g -> g.description().isBlank() ? g.id() : g.description())
          .findFirst()
          .orElse(gapId);
    }

    private String limitWords(CrowdingAnalysis.Breach breach, Double marginal) {
      RuleKind kind = breach.rule().kind();
      String amount =
          switch (kind) {
            case SCO_STAFF -> String.format(Locale.ROOT, "%.1f person-weeks", breach.shortfall());
            case BALANCE_MAXIMUM_SHARE, BALANCE_MINIMUM_SHARE ->
                String.format(Locale.ROOT, "%.2f percentage points", breach.shortfall() / 100);
            default -> String.format(Locale.ROOT, "$%,.0f", breach.shortfall());
          };
      return breach.rule().name()
          + " by "
          + amount
          + (marginal == null
              ? ""
              : String.format(Locale.ROOT, " (marginal value %.3f points per $1M)", marginal));
    }

    private String prerequisiteStarts(int option) {
      List<String> parts = new ArrayList<>();
      for (int[] prerequisite : instance.prerequisites[option]) {
        int before = prerequisite[0];
        parts.add(
            String.format(
                Locale.ROOT,
                "'%s' starts FY%d and this option must start %s",
                instance.options[before].name(),
                instance.firstFiscalYear + instance.candidateStart[before][chosen[before]],
                Messages.yearsLater(prerequisite[1], true)));
      }
      return String.join(", ", parts);
    }

    private List<Counterfactual> counterfactuals(
        List<UnfundedExplanation> unfunded, Map<String, CrowdingAnalysis.Result> crowdingByOption) {
      List<UnfundedExplanation> ranked = new ArrayList<>();
      for (UnfundedExplanation explanation : unfunded) {
        if (instance.candidates[instance.optionIndex(explanation.optionId())].length > 0) {
          ranked.add(explanation);
        }
      }
      ranked.sort(
          Comparator.comparingDouble(UnfundedExplanation::bestValue)
              .reversed()
              .thenComparing(UnfundedExplanation::optionId));
      List<Counterfactual> counterfactuals = new ArrayList<>();
      for (UnfundedExplanation explanation :
          ranked.subList(0, Math.min(config.counterfactuals(), ranked.size()))) {
        counterfactuals.add(
            counterfactual(explanation, crowdingByOption.get(explanation.optionId())));
      }
      return counterfactuals;
    }

    private Counterfactual counterfactual(
        UnfundedExplanation explanation, CrowdingAnalysis.Result crowding) {
      int o = instance.optionIndex(explanation.optionId());
      boolean[] free = null;
      if (!referenceProven) {
        java.util.Set<Integer> programs = new java.util.HashSet<>();
        for (int c = 0; c < instance.candidates[o].length; c++) {
          programs.add(instance.candidateProgram[o][c]);
        }
        free = new boolean[instance.options.length];
        for (int other = 0; other < free.length; other++) {
          free[other] = instance.optionPartner[other] == instance.optionPartner[o];
          for (int c = 0; c < instance.candidates[other].length && !free[other]; c++) {
            free[other] = programs.contains(instance.candidateProgram[other][c]);
          }
        }
      }
      ExplainSolves.Solved solved =
          ExplainSolves.resolve(instance, referenceChosen, free, o, limits());
      solved();
      MarginalBasis basis =
          free == null
                  && (solved.status() == PlanStatus.OPTIMAL
                      || solved.status() == PlanStatus.INFEASIBLE)
              ? MarginalBasis.PROVEN_OPTIMAL
              : MarginalBasis.NEIGHBOURHOOD;
      Long moneyToFit = null;
      if (crowding != null
          && crowding.cause() == CrowdingCause.BINDING_LIMITS
          && crowding.breaches().stream()
              .allMatch(b -> b.rule().kind() == RuleKind.APPROPRIATION)) {
        moneyToFit =
            Math.round(
                crowding.breaches().stream().mapToDouble(CrowdingAnalysis.Breach::shortfall).sum());
      }
      if (solved.chosen() == null) {
        String words =
            solved.status() == PlanStatus.INFEASIBLE
                ? "'"
                    + instance.options[o].name()
                    + "' cannot be funded in any plan that keeps every rule."
                : "'"
                    + instance.options[o].name()
                    + "': no plan funding it was found within the re-solve's limit.";
        return new Counterfactual(
            explanation.optionId(),
            solved.status(),
            null,
            null,
            0.0,
            0.0,
            0.0,
            null,
            moneyToFit,
            List.of(),
            basis,
            words);
      }
      Plan forced = assemble(instance, solved.chosen());
      var candidate = instance.candidates[o][solved.chosen()[o]];
      double loss = Math.max(0.0, referenceObjective - GreedySearch.netObjective(instance, forced));
      double lostElsewhere = loss + candidate.value();
      double factor = lostElsewhere / candidate.value();
      List<String> displaced = new ArrayList<>();
      for (int other = 0; other < referenceChosen.length; other++) {
        if (referenceChosen[other] >= 0 && solved.chosen()[other] < 0) {
          displaced.add(instance.options[other].id());
        }
      }
      displaced.sort(null);
      String words =
          String.format(
                  Locale.ROOT,
                  "Forcing '%s' in (program '%s' from FY%d, worth %.3f points) costs the plan %s%.3f points net: the other options lose %.3f. It would be funded if its value rose %.2f-fold (its gap's priority raised by that factor)",
                  instance.options[o].name(),
                  programName(instance, candidate.programId()),
                  candidate.startFiscalYear(),
                  candidate.value(),
                  basis == MarginalBasis.PROVEN_OPTIMAL ? "" : "(by a neighbourhood re-solve) ",
                  loss,
                  lostElsewhere,
                  factor)
              + (moneyToFit == null
                  ? ""
                  : String.format(
                      Locale.ROOT,
                      ", or if its program had $%,d more in the year(s) it binds",
                      moneyToFit))
              + (displaced.isEmpty()
                  ? "."
                  : "; it displaces " + optionNames(instance, displaced) + ".");
      return new Counterfactual(
          explanation.optionId(),
          solved.status(),
          candidate.programId(),
          candidate.startFiscalYear(),
          candidate.value(),
          loss,
          lostElsewhere,
          factor,
          moneyToFit,
          displaced,
          basis,
          words);
    }
  }

  /** The chosen candidate per option (−1 unfunded) of a plan that keeps every rule. */
  static int[] chosen(AllocationInstance instance, Plan plan) {
    int[] chosen = new int[instance.options.length];
    java.util.Arrays.fill(chosen, -1);
    for (FundedOption funded : plan.fundedOptions()) {
      int o = instance.optionIndex(funded.optionId());
      for (int c = 0; c < instance.candidates[o].length; c++) {
        if (instance.candidates[o][c].programId().equals(funded.programId())
            && instance.candidates[o][c].startFiscalYear() == funded.startFiscalYear()) {
          chosen[o] = c;
        }
      }
    }
    return chosen;
  }

  /** The same decisions in another instance of a scenario with the same options. */
  private static int[] translate(AllocationInstance from, int[] chosen, AllocationInstance to) {
    int[] translated = new int[to.options.length];
    java.util.Arrays.fill(translated, -1);
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] < 0) {
        continue;
      }
      var candidate = from.candidates[o][chosen[o]];
      int target = to.optionIndex(candidate.optionId());
      for (int c = 0; c < to.candidates[target].length; c++) {
        if (to.candidates[target][c].programId().equals(candidate.programId())
            && to.candidates[target][c].startFiscalYear() == candidate.startFiscalYear()) {
          translated[target] = c;
        }
      }
    }
    return translated;
  }

  private static Plan assemble(AllocationInstance instance, int[] chosen) {
    List<FundingDecision> decisions = GreedySearch.decisions(instance, chosen);
    return PlanAssembler.assemble(
        instance.valuation, decisions, PlanStatus.FEASIBLE, statistics(), "");
  }

  /**
   * {@code scenario} with {@code dollars} more in the first appropriation of {@code programId} for
   * {@code fiscalYear}.
   */
  static Scenario raise(Scenario scenario, String programId, int fiscalYear, long dollars) {
    List<Program> programs = new ArrayList<>();
    for (Program program : scenario.programs()) {
      if (!program.id().equals(programId)) {
        programs.add(program);
        continue;
      }
      List<Appropriation> appropriations = new ArrayList<>();
      boolean done = false;
      for (Appropriation appropriation : program.appropriations()) {
        if (!done && appropriation.fiscalYear() == fiscalYear) {
          appropriations.add(
              new Appropriation(
                  fiscalYear,
                  Math.addExact(appropriation.amount(), dollars),
                  appropriation.yearsAvailable()));
          done = true;
        } else {
          appropriations.add(appropriation);
        }
      }
      programs.add(program.toBuilder().appropriations(appropriations).build());
    }
    return scenario.toBuilder().programs(programs).build();
  }
}
