package org.scplan.optimizer;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import org.scplan.engine.AllocationInstance;
import org.scplan.engine.FillPass;
import org.scplan.engine.GreedySearch;
import org.scplan.engine.LagrangianBound;
import org.scplan.engine.Preparation;
import org.scplan.engine.RelaxationGuidedSearch;
import org.scplan.optimizer.internal.CpSatModel;
import org.scplan.optimizer.internal.CpSatSolve;
import org.scplan.optimizer.internal.MemoryBudget;
import org.scplan.optimizer.internal.ModelBuild;
import org.scplan.optimizer.internal.PartnerNeighbourhoods;
import org.scplan.optimizer.internal.RelaxationContinuation;
import org.scplan.optimizer.internal.ReportedPlans;
import org.scplan.optimizer.internal.SolveControl;
import org.scplan.optimizer.progress.NativeLibraryException;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.plan.FundingDecision;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanAssembler;
import org.scplan.plan.PlanChecker;
import org.scplan.plan.PlanStatus;
import org.scplan.plan.SolverStatistics;
import org.scplan.scenario.Scenario;
import org.scplan.time.Deadline;
import org.scplan.whatif.Churn;
import org.scplan.whatif.RepairedPlan;
import org.scplan.whatif.ReplanOutcome;
import org.scplan.whatif.Replanning;

/**
 * Allocates program money to solution options with OR-Tools CP-SAT: validates the scenario, runs
 * the greedy baseline and gives its plan to the solver as a hint, solves within the configured
 * limits, and returns a {@link Plan} that the independent {@link PlanChecker} has verified, with
 * every unfunded option's reason and the solver's statistics (status, objective, bound, gap, times,
 * greedy value). Stateless and thread-safe: one allocator may run many solves at once, each with
 * its own solver.
 *
 * <p>Example (compiled and run as-is by the test suite):
 *
 * <pre>{@code
 * Allocator allocator = Allocator.create(AllocatorConfig.builder()
 *     .timeLimit(Duration.ofSeconds(10))
 *     .workers(2)
 *     .build());
 * Plan plan = allocator.allocate(NotionalTheater.scenario());
 * System.out.printf("%s: %.1f of %.1f points retired (%.0f%%)%n",
 *     plan.status(), plan.riskReduced(), plan.totalWeightAtStake(), 100 * plan.riskReducedShare());
 * plan.unfundedOptions().forEach(u -> System.out.println(u.optionId() + ": " + u.reason().detail()));
 * }</pre>
 */
public final class Allocator {
  /**
   * Share of the time limit that the relaxation and the guided start (price-guided greedy orders,
   * ruin and recreate) may take on a large model before CP-SAT starts (wall-clock solves only; a
   * deterministic-limit solve always runs them to the end). Measured on the generated theater
   * preset at 10 s: with 0.5 the plans were 0.2–0.8 % better than with 0.3, because CP-SAT adds
   * little to a good start on these models within the limit (docs/BENCHMARKS.md).
   */
  private static final double RELAXATION_SHARE = 0.5;

  /**
   * Where partner neighbourhoods run on a model below {@link #LARGE_NEIGHBOURHOOD_MODEL}, CP-SAT's
   * whole-model search gets this share of the time left after the relaxation (if any), the
   * neighbourhoods the rest. Measured at 10 s on `theater` seeds 1–2 and 12 partners seed 1
   * (docs/BENCHMARKS.md, sixth round): 0.3 gave better plans than 0.5 on all three; 0.05 and 0.15
   * were no better.
   */
  private static final double NEIGHBOURHOOD_START = 0.3;

  /**
   * From this many Booleans on, CP-SAT's whole-model search is skipped and the neighbourhoods get
   * all the time after the relaxation. Below it, CP-SAT's bound can be the better one: on 25
   * partners (7,738 Booleans) at 10 s the gap was 3.7–3.9 % with it and 5.4–6.4 % without. On 30
   * partners (12,002) its bound was 0.4 % tighter, but the plan 1.1 % better without it (gap 7.80 →
   * 7.15 %); from 14,000 Booleans on the relaxation's bound was the tighter one, and on `theater`
   * (17,000–19,700 Booleans) the whole-model search added at most 0.2 points to the guided start in
   * its 2.4–3.4 s, while rounds given that time made 10-s plans 0.41 % better over 20 runs (15
   * better) and the 60-s plan of seed 1 0.4 % better (docs/BENCHMARKS.md, eighth round). On
   * `global` (183,000 Booleans) at 60 s, given 5 % of the time, it found no plan and ran 1.2 s past
   * its limit while loading the model (seventh round).
   */
  private static final int LARGE_NEIGHBOURHOOD_MODEL = 10_000;

  /**
   * On models too small for the relaxation, partner neighbourhoods follow CP-SAT's share from this
   * many Booleans on. At 10 s on the embedded notional theater (1,206 Booleans), solver seeds 1–5,
   * they made every plan better, by 0.6 % in all (gaps 0.80–2.26 % → 0.57–0.91 %), and on generated
   * scenarios of 3–5 partners (1,092–1,492) by 0.0–1.4 %; but a 2-partner one (560 Booleans), which
   * CP-SAT proves optimal in 5 s, lost its proof and 0.001 % of its plan (docs/BENCHMARKS.md,
   * eighth round).
   */
  private static final int SMALL_NEIGHBOURHOOD_MODEL = 1_000;

  /**
   * CP-SAT deterministic work of one partner round at a deterministic limit (units): the rounds of
   * such a solve share what the whole-model search leaves of the limit, so that it searches as a
   * wall-clock solve does yet stops at the same plan under any load. Measured on `theater` seed 1
   * (docs/BENCHMARKS.md, comparisons).
   */
  static final double ROUND_WORK = 0.25;

  /**
   * Share of its objective a plan solved from a start plan may give up so that options stay where
   * the start plan had them (0.01 %). Far below the search's own spread (0.1–2 % between 10-s
   * solves of the embedded theater) and below the 0.1 % noise floor that comparisons aim at, so a
   * diff loses no finding to it, yet it lets a diff drop moves between near-equal candidates (a
   * start one FY later at the same value) that only the search's path chose.
   */
  static final double STABILITY_TOLERANCE = 1e-4;

  private final AllocatorConfig config;

  private Allocator(AllocatorConfig config) {
    this.config = config;
  }

  /** An allocator with {@code config}. */
  public static Allocator create(AllocatorConfig config) {
    return new Allocator(java.util.Objects.requireNonNull(config, "config"));
  }

  /**
   * For a process about to exit (a shutdown hook after Ctrl-C, say): stops every solve of this JVM
   * through CP-SAT's own stop, refuses new ones, and waits up to {@code timeout} for the native
   * solvers to return, so that none outlives the JVM (one that does can abort the process). The
   * allocations under way then return their best plans so far; allocations started afterwards get
   * no CP-SAT solve. Returns whether every solve returned in time.
   */
  public static boolean stopAllSolves(java.time.Duration timeout) {
    return SolveControl.stopAllAndAwait(timeout.toNanos());
  }

  /** The configuration. */
  public AllocatorConfig config() {
    return config;
  }

  /** Allocates without progress reports; see {@link #allocate(Scenario, ProgressListener)}. */
  public Plan allocate(Scenario scenario) {
    return allocate(scenario, ProgressListener.NONE);
  }

  /**
   * Allocates, reporting progress to {@code listener} from a solver thread.
   *
   * @return a checked plan; status OPTIMAL, FEASIBLE (time limit hit; the gap says how far from
   *     proven), INFEASIBLE (no plan satisfies the rules) or UNKNOWN (none found in time)
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   * @throws NativeLibraryException if OR-Tools cannot be loaded on this platform
   */
  public Plan allocate(Scenario scenario, ProgressListener listener) {
    return allocate(scenario, listener, Deadline.none());
  }

  /**
   * Allocates from a start plan, typically the plan of the other side of a comparison
   * (docs/MODEL.md §8, comparisons): {@code start} is repaired to {@code scenario} ({@link
   * RepairedPlan}) and is the floor of the result: the plan returned has at least the repaired
   * start's net objective (CP-SAT keeps its usual hint, which searched better from there). Among
   * plans within {@link #STABILITY_TOLERANCE} of the best found, options are then moved back to
   * their decision in {@code start} where that keeps every rule, so that a diff against {@code
   * start} lists what the scenario forced.
   *
   * @param start a plan, usually of another scenario; decisions naming options or programs this
   *     scenario lacks are dropped
   * @return a checked plan, as {@link #allocate(Scenario, ProgressListener)} returns
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid
   * @throws NativeLibraryException if OR-Tools cannot be loaded on this platform
   */
  public Plan allocate(Scenario scenario, Plan start, ProgressListener listener) {
    java.util.Objects.requireNonNull(start, "start");
    return allocate(
        scenario,
        RepairedPlan.decisions(start),
        List.of(),
        0.0,
        listener,
        new SolveControl(),
        Deadline.none());
  }

  /**
   * Allocates as {@link #allocate(Scenario, ProgressListener)} within {@code deadline} as well as
   * the configured time limit (whichever ends first): for callers whose budget started earlier,
   * such as a command line that counts reading the scenario against its {@code --time-limit}. Every
   * stage answers to it; when it ends before CP-SAT has a plan, the plan is the greedy baseline's,
   * as far as it got (status FEASIBLE, checked), or none (status UNKNOWN, "not solved in time").
   */
  public Plan allocate(Scenario scenario, ProgressListener listener, Deadline deadline) {
    return allocate(scenario, null, List.of(), 0.0, listener, new SolveControl(), deadline);
  }

  /**
   * Starts allocating on a new thread and returns at once; the handle gives the plan and cancels
   * the search. Progress goes to {@code listener} from solver threads.
   *
   * <pre>{@code
   * AllocationHandle handle = allocator.allocateAsync(scenario, ProgressListener.NONE);
   * // ... later, from any thread: stop and take the best plan found so far
   * handle.cancel();
   * Plan plan = handle.join();
   * }</pre>
   *
   * @return a handle whose {@link AllocationHandle#join()} returns the plan as {@link
   *     #allocate(Scenario, ProgressListener)} would, or the best plan found before {@link
   *     AllocationHandle#cancel()} (status FEASIBLE unless optimality was already proven)
   */
  public AllocationHandle allocateAsync(Scenario scenario, ProgressListener listener) {
    return allocateAsync(scenario, listener, Deadline.none());
  }

  /**
   * {@link #allocateAsync(Scenario, ProgressListener)} within {@code deadline} as well as the
   * configured time limit, as {@link #allocate(Scenario, ProgressListener, Deadline)}.
   */
  public AllocationHandle allocateAsync(
      Scenario scenario, ProgressListener listener, Deadline deadline) {
    java.util.Objects.requireNonNull(scenario, "scenario");
    java.util.Objects.requireNonNull(listener, "listener");
    java.util.Objects.requireNonNull(deadline, "deadline");
    SolveControl control = new SolveControl();
    CompletableFuture<Plan> plan = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                plan.complete(
                    allocate(scenario, null, List.of(), 0.0, listener, control, deadline));
              } catch (RuntimeException | Error e) {
                plan.completeExceptionally(e);
              }
            },
            "scplan-allocation-" + scenario.id());
    thread.setDaemon(true);
    thread.start();
    return new AllocationHandle(plan, control);
  }

  /**
   * Re-plans from a previous plan (docs/MODEL.md §8): the previous plan's obligations before the
   * current FY are locked, nothing new starts before it, and each planned decision moved or dropped
   * costs the stability penalty in the objective. The plan is checked against the re-planned
   * scenario ({@link ReplanOutcome#scenario()}); its statistics' objective and bound include the
   * stability term (points for kept decisions).
   *
   * @throws org.scplan.validation.ScenarioValidationException if the scenario is invalid or the
   *     previous plan cannot be carried into it (see {@link Replanning#prepare})
   * @throws NativeLibraryException if OR-Tools cannot be loaded on this platform
   */
  public ReplanOutcome replan(Scenario scenario, Replanning replanning, ProgressListener listener) {
    return replan(scenario, replanning, listener, Deadline.none());
  }

  /**
   * {@link #replan(Scenario, Replanning, ProgressListener)} within {@code deadline} as well as the
   * configured time limit, as {@link #allocate(Scenario, ProgressListener, Deadline)}.
   */
  public ReplanOutcome replan(
      Scenario scenario, Replanning replanning, ProgressListener listener, Deadline deadline) {
    Replanning.Setup setup = replanning.prepare(scenario);
    Plan plan =
        allocate(
            setup.scenario(),
            null,
            setup.planned(),
            replanning.stabilityPenaltyPoints(),
            listener,
            new SolveControl(),
            deadline);
    return new ReplanOutcome(
        setup.scenario(),
        plan,
        Churn.between(replanning.previous(), plan, replanning.currentFiscalYear()),
        setup.removals(),
        replanning.stabilityPenaltyPoints());
  }

  /**
   * Rounds of {@link #ROUND_WORK} units that fit in the deterministic limit after {@code spent}
   * units of whole-model search.
   */
  private int roundsWithin(double spent) {
    return (int) Math.floor((config.deterministicTimeLimit() - spent) / ROUND_WORK + 1e-9);
  }

  /**
   * Allocates from the repaired {@code start} decisions (or none: null), rewarding each of the
   * {@code planned} decisions kept by {@code penalty} points, within {@code given} and the
   * configured time limit.
   */
  private Plan allocate(
      Scenario scenario,
      List<FundingDecision> start,
      List<FundingDecision> planned,
      double stabilityPenalty,
      ProgressListener listener,
      SolveControl control,
      Deadline given) {
    long started = System.nanoTime();
    // One budget for every stage; a cancellation ends it as the time limit would, except for the
    // greedy baseline (milliseconds), so that a cancelled solve still has its plan.
    Deadline timeLimit = given.within(config.timeLimit());
    Deadline deadline = timeLimit.orWhen(control::cancelled);
    control.limitTo(deadline);
    AllocationInstance instance = Preparation.prepare(scenario);
    int[] keptCandidate = keptCandidates(instance, planned);
    GreedySearch.Result greedy = GreedySearch.run(instance, timeLimit);
    boolean greedyCutShort = timeLimit.expired();
    boolean wallClock = config.deterministicTimeLimit() == null;
    int candidates = LagrangianBound.candidateCount(instance);
    // Where CP-SAT's whole-model search gets no time (below), the whole model is not built: the
    // neighbourhoods build models of their own. On `global` seed 1 that spares 57 MiB of live heap
    // and the build's garbage (docs/BENCHMARKS.md, memory).
    boolean neighbourhoodsAlone =
        greedy.found() && planned.isEmpty() && candidates >= LARGE_NEIGHBOURHOOD_MODEL;
    // Within a memory budget, fewer workers first, then no whole model where the neighbourhoods
    // can search alone (a wall-clock solve with the relaxation).
    boolean relaxable =
        greedy.found()
            && planned.isEmpty()
            && candidates >= RelaxationGuidedSearch.MINIMUM_CANDIDATES;
    MemoryBudget memory =
        MemoryBudget.choose(
            config.maxMemory(),
            candidates,
            config.workers(),
            relaxable,
            !neighbourhoodsAlone,
            relaxable);
    int workers = memory.workers();
    boolean wholeModel = memory.wholeModel();
    // The relaxation works on one core; the model is built on the other meanwhile (started before
    // the greedy plan's fill and check). Small models too are built apart, so that the wait for
    // OR-Tools' natives answers to the deadline.
    ModelBuild build =
        wholeModel ? ModelBuild.inBackground(instance, deadline) : ModelBuild.nativesInBackground();
    ReportedPlans reported = new ReportedPlans(listener, started);
    // The baseline's plan is checked and reported as the first plan, and its figure taken (that
    // of the plan GreedyAllocator returns, after its fill pass as far as the time limit lets it
    // run), on a thread of its own: on `global` seed 1 the fill pass took 1-2 s more than the
    // rest, which came off the relaxation's share of the time. The relaxation starts once the
    // first plan is out (0.3-0.5 s of CPU on `global`), so that the two do not share the cores
    // while the user waits for a plan (docs/BENCHMARKS.md, memory and first plan).
    CountDownLatch firstPlan = new CountDownLatch(1);
    FutureTask<Baseline> baseline =
        new FutureTask<>(
            () -> {
              Plan greedyPlan;
              try {
                if (!greedy.found()) {
                  return new Baseline(null, null);
                }
                greedyPlan = greedy.toPlan(instance, 0.0);
                PlanChecker.verify(scenario, greedyPlan);
                reported.plan(score(instance, greedyPlan, planned, stabilityPenalty));
              } finally {
                firstPlan.countDown();
              }
              return new Baseline(
                  greedyPlan, FillPass.complete(instance, greedyPlan, timeLimit).riskReduced());
            });
    Thread baselineThread = new Thread(baseline, "scplan-baseline");
    baselineThread.setDaemon(true);
    baselineThread.start();
    awaitUninterruptibly(firstPlan);
    // On large models, the relaxation gives a bound and, from its prices, a better start than the
    // greedy order; its bound holds for the plain objective, not with a stability reward.
    RelaxationGuidedSearch.Outcome relaxation = null;
    boolean relax = relaxable && !deadline.expired();
    if (relax) {
      // A deterministic-limit solve runs the relaxation to its end, unless the hard limit ends it.
      Deadline relaxationStop = wallClock ? deadline.share(RELAXATION_SHARE) : deadline;
      relaxation = RelaxationGuidedSearch.run(instance, greedy, relaxationStop, deadline);
    }
    Baseline finished = joined(baseline);
    Plan greedyPlan = finished.plan();
    Double greedyValue = finished.value();
    Plan startPlan =
        relaxation != null && relaxation.improved()
            ? PlanAssembler.assemble(
                instance.valuation,
                GreedySearch.decisions(instance, relaxation.chosenCandidate()),
                PlanStatus.FEASIBLE,
                provisional(),
                "")
            : greedyPlan;
    // The repaired start is a floor, not CP-SAT's hint: on the 20 % cut of Section 333 (embedded
    // theater, deterministic limit 5) a solve hinted with it ended 13.4 points below one hinted
    // with the greedy start, and with more moves (docs/BENCHMARKS.md, comparisons).
    Plan repairedStart = null;
    int[] repairedChosen = null;
    if (start != null) {
      GreedySearch.Result repaired = GreedySearch.repair(instance, start).result();
      if (repaired.found()) {
        repairedStart = repaired.toPlan(instance, 0.0);
        repairedChosen = repaired.chosenCandidate();
        if (startPlan == null
            || score(instance, repairedStart, planned, stabilityPenalty)
                > score(instance, startPlan, planned, stabilityPenalty)) {
          startPlan = repairedStart;
        }
      }
    }
    if (startPlan != greedyPlan && startPlan != null) {
      PlanChecker.verify(scenario, startPlan);
      reported.plan(score(instance, startPlan, planned, stabilityPenalty));
    }
    CpSatModel model = build.model(deadline);
    boolean searchable = model != null || !wholeModel && build.finished();
    int booleans = model == null ? candidates : model.booleanVariables();
    if (model != null && greedy.found()) {
      model.hint(relaxation != null ? relaxation.chosenCandidate() : greedy.chosenCandidate());
    }
    LagrangianBound.Guidance roundGuidance = null;
    RelaxationContinuation continuation = null;
    if (relaxation != null) {
      // Read before the continuation starts: the relaxation's state belongs to one thread at a
      // time.
      roundGuidance = relaxation.search().guidance(deadline);
      if (wallClock) {
        continuation = RelaxationContinuation.startIfUnfinished(relaxation.search(), deadline);
      }
    }
    double firstRelaxationBound = relaxation == null ? Double.NaN : relaxation.bound();
    java.util.function.DoubleSupplier relaxationSoFar =
        continuation == null ? () -> firstRelaxationBound : continuation::bound;
    if (model != null && !planned.isEmpty()) {
      model.rewardKeeping(keptCandidate, Math.round(stabilityPenalty * model.objectiveScale()));
    }
    double remaining = Math.min(config.timeLimit().toNanos() / 1e9, deadline.remainingSeconds());
    // CP-SAT's whole-model search improves the plan slowly after its first seconds on all but small
    // models; partner neighbourhoods then take over the rest of the time (not with a stability
    // reward, which rounds do not score). At a deterministic limit they take the rest of it in
    // rounds of ROUND_WORK units, on the relaxation's models only: there the whole-model search
    // left the guided start as it was even with 30 units (`theater` seed 1), while on the embedded
    // theater it does well alone (docs/BENCHMARKS.md, comparisons).
    boolean neighbourhoods =
        searchable
            && greedy.found()
            && planned.isEmpty()
            && (relax || wallClock && booleans >= SMALL_NEIGHBOURHOOD_MODEL);
    boolean wholeModelSearched =
        model != null
            && !deadline.expired()
            && !(neighbourhoods && booleans >= LARGE_NEIGHBOURHOOD_MODEL);
    Double wholeModelWork = null;
    if (!wallClock) {
      double limit = config.deterministicTimeLimit();
      wholeModelWork = neighbourhoods ? NEIGHBOURHOOD_START * limit : limit;
    }
    ProgressListener progress =
        relaxation == null ? reported : RelaxationContinuation.tightened(reported, relaxationSoFar);
    long solveStarted = System.nanoTime();
    CpSatSolve.Outcome outcome =
        !wholeModelSearched
            ? CpSatSolve.notRun()
            : CpSatSolve.solve(
                model,
                Math.max(
                    0.01,
                    neighbourhoods && wallClock ? NEIGHBOURHOOD_START * remaining : remaining),
                workers,
                config.seed(),
                config.relativeGapLimit(),
                wholeModelWork,
                progress,
                control);
    boolean cpSatPlan = outcome.status() == PlanStatus.FEASIBLE && outcome.objective() != null;
    if (neighbourhoods
        && !deadline.expired()
        && (cpSatPlan || outcome.status() == PlanStatus.UNKNOWN)) {
      // Without a CP-SAT plan yet (the largest models), the rounds start from the guided start (or
      // the greedy plan where the relaxation did not run); from the repaired start plan where that
      // is better, since a round can only keep or improve its incumbent.
      int[] incumbent =
          cpSatPlan
              ? outcome.chosen()
              : relaxation != null ? relaxation.chosenCandidate() : greedy.chosenCandidate();
      if (repairedChosen != null
          && GreedySearch.netObjective(instance, repairedChosen)
              > GreedySearch.netObjective(instance, incumbent)) {
        incumbent = repairedChosen;
      }
      AtomicReference<Double> firstRoundPlan = new AtomicReference<>();
      Double cpSatBound = outcome.bestBound();
      double bound =
          Math.min(
              cpSatBound == null ? Double.POSITIVE_INFINITY : cpSatBound,
              relaxationSoFar.getAsDouble());
      double target =
          config.relativeGapLimit() > 0 && bound < Double.POSITIVE_INFINITY
              ? bound * (1 - config.relativeGapLimit())
              : Double.POSITIVE_INFINITY;
      PartnerNeighbourhoods.Result improved =
          PartnerNeighbourhoods.improve(
              instance,
              incumbent,
              deadline,
              wallClock
                  ? Integer.MAX_VALUE
                  : roundsWithin(wholeModelSearched ? wholeModelWork : 0.0),
              wallClock ? null : ROUND_WORK,
              target,
              workers,
              config.seed(),
              control,
              roundGuidance,
              objective -> {
                double elapsed = (System.nanoTime() - solveStarted) / 1e9;
                firstRoundPlan.compareAndSet(null, elapsed);
                CpSatSolve.report(
                    progress,
                    new ProgressEvent(
                        elapsed,
                        objective,
                        cpSatBound,
                        CpSatSolve.gap(objective, cpSatBound),
                        true));
              });
      if (cpSatPlan || improved.improvements() > 0) {
        outcome =
            new CpSatSolve.Outcome(
                PlanStatus.FEASIBLE,
                improved.chosen(),
                improved.objective(),
                outcome.bestBound(),
                (System.nanoTime() - solveStarted) / 1e9,
                cpSatPlan ? outcome.firstSolutionSeconds() : firstRoundPlan.get(),
                outcome.engine());
      }
    }
    double relaxationReached =
        relaxation == null
            ? Double.NaN
            : continuation == null ? firstRelaxationBound : continuation.finish();
    // Before its first step (cut short by the time limit) the relaxation has no bound.
    Double relaxationBound = Double.isFinite(relaxationReached) ? relaxationReached : null;
    Double bestBound = outcome.bestBound();
    boolean boundFromRelaxation = false;
    if (relaxationBound != null
        && (outcome.status() == PlanStatus.FEASIBLE || outcome.status() == PlanStatus.UNKNOWN)
        && (bestBound == null || relaxationBound < bestBound)) {
      bestBound = relaxationBound;
      boundFromRelaxation = true;
    }

    PlanStatus status = outcome.status();
    String note = "";
    Plan plan;
    if (status == PlanStatus.UNKNOWN && startPlan != null) {
      plan = startPlan;
      note =
          (startPlan == greedyPlan
                  ? "CP-SAT found no plan within the time limit; this is the greedy baseline's plan"
                  : startPlan == repairedStart
                      ? "CP-SAT found no plan within the time limit; this is the start plan,"
                          + " repaired to the scenario"
                      : "CP-SAT found no plan within the time limit; this is the greedy allocation"
                          + " in the order the Lagrangian relaxation's prices suggest")
              + (outcome.bestBound() == null || boundFromRelaxation
                  ? "."
                  : ", and the bound is the one CP-SAT proved.");
      if (greedyCutShort && startPlan == greedyPlan) {
        note +=
            " The time limit was reached before the greedy baseline had considered every option;"
                + " the plan is the one it had by then.";
      }
    } else if (status.hasPlan()) {
      plan =
          PlanAssembler.assemble(
              instance.valuation,
              GreedySearch.decisions(instance, outcome.chosen()),
              status,
              provisional(),
              "");
      if (startPlan != null
          && score(instance, startPlan, planned, stabilityPenalty)
              > score(instance, plan, planned, stabilityPenalty) + 1e-7) {
        // Rounding of values and money to model units can rank two near-equal plans the other
        // way; the planner gets the better one in exact terms (FEASIBLE), and the note says so.
        plan = startPlan;
        note =
            startPlan == repairedStart
                ? "The start plan, repaired to the scenario, scores higher in exact terms than the"
                    + " solver's plan; it is returned."
                : "The greedy plan retires more risk in exact terms than the solver's; it is"
                    + " returned.";
      }
    } else {
      plan =
          PlanAssembler.assemble(
              instance.valuation, List.of(), status, provisional(), noPlanDetail(status));
    }
    if (repairedStart != null && plan.status().hasPlan()) {
      plan = keptCloseTo(instance, plan, start, score(instance, repairedStart, planned, 0.0));
    }
    if (control.cancelled() && plan.status() == PlanStatus.FEASIBLE) {
      note =
          (note.isEmpty() ? "" : note + " ")
              + "The search was cancelled; this is the best plan found by then.";
    }
    // The solver's own objective can understate its incumbent (a gap's capped value need not sit
    // at its limit in a solution cut short by the time limit), so the plan's exact objective is
    // reported, against the bound CP-SAT proved.
    int fundedBefore = plan.fundedOptions().size();
    plan = FillPass.complete(instance, plan, timeLimit);
    if (timeLimit.expired() && plan.status().hasPlan()) {
      note =
          (note.isEmpty() ? "" : note + " ")
              + "The time limit ended before the fill pass had finished: an option that fits beside"
              + " the plan in exact dollars may be left unfunded.";
    }
    Double objective =
        plan.status().hasPlan() ? score(instance, plan, planned, stabilityPenalty) : null;
    Optimality optimality =
        Optimality.of(
            instance,
            model,
            plan,
            objective,
            bestBound,
            plan.fundedOptions().size() - fundedBefore);
    plan = optimality.plan();
    bestBound = optimality.bestBound();
    note = note.isEmpty() ? optimality.note() : (note + " " + optimality.note()).strip();
    if (boundFromRelaxation) {
      note =
          (note.isEmpty() ? "" : note + " ")
              + (outcome.bestBound() == null
                  ? "The bound is the Lagrangian relaxation's (docs/MODEL.md §6)."
                  : "The bound is the Lagrangian relaxation's (docs/MODEL.md §6), tighter than"
                      + " CP-SAT's.");
    }
    if (neighbourhoodsAlone) {
      note =
          (note.isEmpty() ? "" : note + " ")
              + "On a model this large CP-SAT searched partner neighbourhoods alone; the whole model"
              + " was not built, so its constraints are not counted (docs/MODEL.md §6).";
    }
    if (!memory.note().isEmpty()) {
      note = (note.isEmpty() ? "" : note + " ") + memory.note();
    }
    SolverStatistics statistics =
        SolverStatistics.builder(outcome.engine())
            .objective(objective)
            .bestBound(bestBound)
            .relativeGap(CpSatSolve.gap(objective, bestBound))
            .wallTimeSeconds((System.nanoTime() - started) / 1e9)
            .firstSolutionSeconds(outcome.firstSolutionSeconds())
            .workers(workers)
            .seed(config.seed())
            .booleanVariables(
                model != null ? model.booleanVariables() : wholeModel ? 0 : candidates)
            .constraints(model == null ? 0 : model.constraints())
            .greedyRiskReduced(greedyValue)
            .note(note)
            .build();
    plan = plan.withStatistics(statistics);
    PlanChecker.verify(scenario, plan);
    return plan;
  }

  /**
   * The greedy baseline's plan (null: none) and its risk reduced after the fill pass, in points.
   */
  private record Baseline(Plan plan, Double value) {}

  /** Waits for {@code latch} however long it takes (an interrupt is kept for the caller). */
  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The result of {@code task}, waiting for it however long it takes (an interrupt is kept for the
   * caller); rethrows what it threw.
   */
  private static <T> T joined(FutureTask<T> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("The greedy baseline failed.", e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The objective in exact terms: the net objective plus the stability reward for every planned
   * decision the plan keeps, in points.
   */
  private static double score(
      AllocationInstance instance,
      Plan plan,
      List<FundingDecision> planned,
      double stabilityPenalty) {
    int keptCount = 0;
    for (FundingDecision decision : planned) {
      if (plan.funded(decision.optionId())
          .filter(
              f ->
                  f.programId().equals(decision.programId())
                      && f.startFiscalYear() == decision.startFiscalYear())
          .isPresent()) {
        keptCount++;
      }
    }
    return GreedySearch.netObjective(instance, plan) + stabilityPenalty * keptCount;
  }

  /** The candidate index of each option's planned decision, or −1 (none, or no longer possible). */
  private static int[] keptCandidates(AllocationInstance instance, List<FundingDecision> planned) {
    int[] kept = new int[instance.options.length];
    java.util.Arrays.fill(kept, -1);
    for (FundingDecision decision : planned) {
      int o = instance.optionIndex(decision.optionId());
      for (int c = 0; c < instance.candidates[o].length; c++) {
        if (instance.candidates[o][c].programId().equals(decision.programId())
            && instance.candidates[o][c].startFiscalYear() == decision.startFiscalYear()) {
          kept[o] = c;
        }
      }
    }
    return kept;
  }

  /**
   * {@code plan} with options moved back to their {@code start} decision where every rule still
   * holds, the net objective stays at least {@code floor} and the plan loses at most {@link
   * #STABILITY_TOLERANCE} of its objective in all; OPTIMAL becomes FEASIBLE if it lost any.
   */
  private static Plan keptCloseTo(
      AllocationInstance instance, Plan plan, List<FundingDecision> start, double floor) {
    int[] chosen = keptCandidates(instance, RepairedPlan.decisions(plan));
    double objective = GreedySearch.netObjective(instance, plan);
    int[] restored =
        GreedySearch.restore(
            instance, chosen, start, floor, STABILITY_TOLERANCE * Math.abs(objective));
    if (java.util.Arrays.equals(restored, chosen)) {
      return plan;
    }
    double after = GreedySearch.netObjective(instance, restored);
    return PlanAssembler.assemble(
        instance.valuation,
        GreedySearch.decisions(instance, restored),
        plan.status() == PlanStatus.OPTIMAL && after < objective
            ? PlanStatus.FEASIBLE
            : plan.status(),
        provisional(),
        "");
  }

  /** Statistics for an intermediate plan whose figures are replaced before it is returned. */
  private static SolverStatistics provisional() {
    return SolverStatistics.builder("cp-sat").build();
  }

  private static String noPlanDetail(PlanStatus status) {
    return switch (status) {
      case INFEASIBLE ->
          "No plan satisfies every rule: the locked decisions, balance-rule minimums and limits conflict.";
      case UNKNOWN -> String.format(Locale.ROOT, "No plan was found within the time limit.");
      default -> "";
    };
  }
}
