package org.scplan.optimizer.internal;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.SatParameters;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scplan.optimizer.progress.ProgressEvent;
import org.scplan.optimizer.progress.ProgressListener;
import org.scplan.plan.PlanStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CP-SAT solve of a {@link CpSatModel}: a new {@link CpSolver} per call, parameters from the
 * config, progress from the solution callback (new plans) and from the search log (bound updates,
 * because {@code setBestBoundCallback} is broken in the Java binding of OR-Tools 9.15). Inside
 * callbacks only the callback's own accessors are used, never the solver's.
 */
public final class CpSatSolve {
  private static final Logger LOG = LoggerFactory.getLogger(CpSatSolve.class);
  private static final Pattern NEXT = Pattern.compile("next:\\[([-+0-9.eE]+),([-+0-9.eE]+)\\]");

  /**
   * What the solve produced: the status in scplan's terms, the chosen candidate per option (null
   * without a plan), objective and proven bound in points (the bound also when no plan was found,
   * if CP-SAT proved one), and the engine with its version.
   */
  public record Outcome(
      PlanStatus status,
      int[] chosen,
      Double objective,
      Double bestBound,
      double wallTimeSeconds,
      Double firstSolutionSeconds,
      String engine) {}

  private CpSatSolve() {}

  /**
   * Full-problem subsolvers for small worker counts, strongest bound first. Measured on the
   * notional theater with 2 workers and 10 s (docs/BENCHMARKS.md): CP-SAT's default pair left the
   * bound at 709–717 points, while max_lp (linearization level 2, more cuts) brings it to about
   * 699.5. With 2 workers CP-SAT runs only the first of these as a full subsolver and interleaves
   * its LNS workers on the other thread; max_lp also finds most of the incumbent's big
   * improvements. From 8 workers on the default portfolio already includes max_lp.
   */
  private static final String[] SMALL_PORTFOLIO = {
    "max_lp",
    "default_lp",
    "quick_restart",
    "reduced_costs",
    "pseudo_costs",
    "no_lp",
    "lb_tree_search"
  };

  /**
   * From this many Booleans on, presolve runs one round without probing or the search for big
   * linear overlaps. Measured on the generated theater preset (17,113 Booleans, 2 workers):
   * CP-SAT's full presolve took 7.3 of the 10 s and its first root LP came after 9.9 s; the light
   * presolve takes 0.9 s, and the root LP bound comes at 2 s. The embedded notional theater (1,206
   * Booleans) keeps the full presolve, where it pays.
   */
  static final int LARGE_MODEL = 5_000;

  /**
   * A new solver with the limits, workers, seed and gap of one solve: the one place that turns
   * scplan's solver settings into CP-SAT parameters (every solve of the allocator, the
   * neighbourhoods and the explainer starts from it).
   *
   * @param limitSeconds wall-clock limit, seconds
   * @param deterministicTimeLimit CP-SAT deterministic time limit, or {@code null} for none
   */
  static CpSolver solver(
      double limitSeconds,
      int workers,
      long seed,
      double relativeGapLimit,
      Double deterministicTimeLimit) {
    CpSolver solver = new CpSolver();
    SatParameters.Builder parameters = solver.getParameters();
    parameters
        .setMaxTimeInSeconds(limitSeconds)
        .setNumWorkers(workers)
        .setRandomSeed((int) (seed ^ (seed >>> 32)))
        .setRelativeGapLimit(relativeGapLimit)
        // The JVM keeps SIGINT: CP-SAT's own handler replaces the JVM's while it solves and
        // aborts the process natively (std::bad_function_call); the command line stops the solve
        // through SolveControl from a shutdown hook instead.
        .setCatchSigintSignal(false);
    if (deterministicTimeLimit != null) {
      parameters.setMaxDeterministicTime(deterministicTimeLimit);
    }
    return solver;
  }

  /**
   * The outcome of a solve that was not run: no plan, no bound (status UNKNOWN), for callers that
   * go straight to neighbourhood rounds on models too large for a whole-model search to help.
   */
  public static Outcome notRun() {
    return new Outcome(PlanStatus.UNKNOWN, null, null, null, 0.0, null, engine());
  }

  /**
   * Solves, reporting progress to {@code listener}; a listener's RuntimeException is logged, and an
   * Error it throws ends the solve and is thrown from here.
   */
  public static Outcome solve(
      CpSatModel model,
      double timeLimitSeconds,
      int workers,
      long seed,
      double relativeGapLimit,
      Double deterministicTimeLimit,
      ProgressListener listener) {
    return solve(
        model,
        timeLimitSeconds,
        workers,
        seed,
        relativeGapLimit,
        deterministicTimeLimit,
        listener,
        new SolveControl());
  }

  /**
   * Solves as {@link #solve(CpSatModel, double, int, long, double, Double, ProgressListener)},
   * under {@code control}: it can cancel the solve from another thread, its deadline ({@link
   * SolveControl#limitTo}) caps the time limit, and its watchdog stops a solve that overruns
   * either.
   */
  public static Outcome solve(
      CpSatModel model,
      double timeLimitSeconds,
      int workers,
      long seed,
      double relativeGapLimit,
      Double deterministicTimeLimit,
      ProgressListener listener,
      SolveControl control) {
    long started = System.nanoTime();
    double limitSeconds = Math.max(0.001, Math.min(timeLimitSeconds, control.remainingSeconds()));
    CpSolver solver = solver(limitSeconds, workers, seed, relativeGapLimit, deterministicTimeLimit);
    SatParameters.Builder parameters = solver.getParameters();
    parameters.setLogSearchProgress(true).setLogToStdout(false);
    if (model.booleanVariables() >= LARGE_MODEL) {
      parameters
          .setMaxPresolveIterations(1)
          .setCpModelProbingLevel(0)
          .setFindBigLinearOverlap(false);
    }
    if (workers == 1) {
      parameters.setLinearizationLevel(2);
    } else if (workers < 8) {
      for (String subsolver : SMALL_PORTFOLIO) {
        parameters.addSubsolvers(subsolver);
      }
    }
    AtomicReference<Double> firstSolution = new AtomicReference<>();
    AtomicReference<Double> incumbent = new AtomicReference<>();
    AtomicReference<Double> loggedBound = new AtomicReference<>();
    // A Throwable that leaves a callback into CP-SAT's native code aborts the whole JVM
    // (Swig::DirectorException, "terminate called"): every callback body runs guarded, the first
    // failure stops the search through the control, and the solve rethrows it once CP-SAT returns.
    AtomicReference<Throwable> callbackFailure = new AtomicReference<>();
    solver.setLogCallback(
        line ->
            guarded(
                callbackFailure,
                control,
                () -> {
                  if (line.startsWith("#Bound")) {
                    Matcher matcher = NEXT.matcher(line);
                    if (matcher.find()) {
                      Double bound = parse(matcher.group(2), model.objectiveScale());
                      if (bound != null) {
                        loggedBound.set(bound);
                        Double objective = incumbent.get();
                        report(
                            listener,
                            new ProgressEvent(
                                seconds(started), objective, bound, gap(objective, bound), false));
                      }
                    }
                  }
                }));
    CpSolverSolutionCallback callback =
        new CpSolverSolutionCallback() {
          @Override
          public void onSolutionCallback() {
            guarded(
                callbackFailure,
                control,
                () -> {
                  double objective = objectiveValue() / model.objectiveScale();
                  double bound = bestObjectiveBound() / model.objectiveScale();
                  incumbent.set(objective);
                  firstSolution.compareAndSet(null, seconds(started));
                  report(
                      listener,
                      new ProgressEvent(
                          seconds(started), objective, bound, gap(objective, bound), true));
                });
          }
        };
    if (!control.enter()) {
      // The process is exiting: no new native solve may start.
      return new Outcome(PlanStatus.UNKNOWN, null, null, null, seconds(started), null, engine());
    }
    CpSolverStatus status;
    try {
      control.started(solver, limitSeconds);
      try {
        status = solver.solve(model.model, callback);
      } finally {
        control.finished();
      }
    } finally {
      control.leave();
    }
    rethrow(callbackFailure.get());
    int[] chosen = null;
    Double objective = null;
    Double bound = null;
    if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
      chosen = model.chosen(literal -> solver.booleanValue(literal));
      objective = solver.objectiveValue() / model.objectiveScale();
      bound = solver.bestObjectiveBound() / model.objectiveScale();
    } else if (status == CpSolverStatus.UNKNOWN) {
      // Without a solution the response's bound field is 0, not a bound: use what the search
      // logged.
      bound = loggedBound.get();
    }
    return new Outcome(
        planStatus(status),
        chosen,
        objective,
        bound,
        seconds(started),
        firstSolution.get(),
        engine());
  }

  private static String engine() {
    // The version is a native call: before the natives load (a solve whose time ran out first),
    // there is no version to give.
    return NativeLibraries.loaded() ? "cp-sat " + NativeLibraries.version() : "cp-sat";
  }

  private static PlanStatus planStatus(CpSolverStatus status) {
    return switch (status) {
      case OPTIMAL -> PlanStatus.OPTIMAL;
      case FEASIBLE -> PlanStatus.FEASIBLE;
      case INFEASIBLE -> PlanStatus.INFEASIBLE;
      case MODEL_INVALID ->
          throw new IllegalStateException(
              "scplan built an invalid CP-SAT model; this is a bug in scplan, please report it with the scenario.");
      default -> PlanStatus.UNKNOWN;
    };
  }

  /** (bound − objective) / max(1e-9, |bound|), or null when either is unknown. */
  public static Double gap(Double objective, Double bound) {
    if (objective == null || bound == null) {
      return null;
    }
    return Math.max(0.0, bound - objective) / Math.max(1e-9, Math.abs(bound));
  }

  private static Double parse(String text, long scale) {
    try {
      return Double.parseDouble(text) / scale;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * Runs a callback's {@code body} so that nothing it throws reaches native code: the first
   * Throwable is kept in {@code failure} and the solve is cancelled (the control's watchdog stops
   * the search; a callback must not call into the solver), and later callbacks do nothing.
   */
  static void guarded(AtomicReference<Throwable> failure, SolveControl control, Runnable body) {
    if (failure.get() != null) {
      return;
    }
    try {
      body.run();
    } catch (Throwable e) {
      if (failure.compareAndSet(null, e)) {
        control.cancel();
      }
    }
  }

  /**
   * Throws what a callback threw once CP-SAT has returned: an Error as it was, anything else (a
   * listener's exceptions never get here) as the cause of an IllegalStateException.
   */
  static void rethrow(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException("A CP-SAT callback failed: " + failure, failure);
    }
  }

  /**
   * Hands {@code event} to {@code listener}; a listener's RuntimeException is logged, not
   * propagated (a Java Error propagates, out of the solve, as {@link #guarded} lets it).
   */
  public static void report(ProgressListener listener, ProgressEvent event) {
    try {
      listener.onProgress(event);
    } catch (RuntimeException e) {
      LOG.warn("A progress listener threw; the solve goes on.", e);
    }
  }
}
