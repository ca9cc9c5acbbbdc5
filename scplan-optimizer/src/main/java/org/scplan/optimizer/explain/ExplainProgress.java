package org.scplan.optimizer.explain;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.scplan.explain.UnfundedExplanation;

/**
 * Where an explanation stands: its stage, how many re-solves are done of how many planned, and once
 * the reasons are known (stage {@link Stage#REASONS}) the unfunded options' reasons, ready to print
 * before the re-solves. Immutable.
 *
 * @param stage what the explainer is doing
 * @param solvesDone CP-SAT re-solves finished so far (≥ 0)
 * @param solvesPlanned re-solves the explanation will run in all (≥ {@code solvesDone}); an upper
 *     bound until the reference re-solve has run, exact from then on
 * @param elapsedSeconds seconds since the explanation started (wall clock)
 * @param resolveSeconds seconds spent in re-solves so far (wall clock), the basis of {@link
 *     #secondsLeft()}
 * @param reasons the unfunded options' reasons at stage {@link Stage#REASONS} (without the marginal
 *     values of the limits, which the re-solves measure); empty at every other stage
 */
public record ExplainProgress(
    Stage stage,
    int solvesDone,
    int solvesPlanned,
    double elapsedSeconds,
    double resolveSeconds,
    List<UnfundedExplanation> reasons) {

  /** The stages of an explanation, in the order they run. */
  public enum Stage {
    /** Finding the plan to explain (only when none is given). */
    SOLVING,
    /** The unfunded options' reasons are known; the re-solves come next. */
    REASONS,
    /** Re-solving the unchanged scenario for the reference plan. */
    REFERENCE,
    /** Re-solving with a step more money per program and FY. */
    MARGINAL_VALUES,
    /** Re-solving with the most valuable unfunded options forced in. */
    COUNTERFACTUALS,
    /** Diagnosing an infeasible scenario. */
    DIAGNOSIS,
    /** The explanation is complete. */
    DONE
  }

  public ExplainProgress {
    Objects.requireNonNull(stage, "ExplainProgress.stage");
    if (solvesDone < 0 || solvesPlanned < solvesDone) {
      throw new IllegalArgumentException(
          "ExplainProgress needs 0 <= solvesDone <= solvesPlanned, but was "
              + solvesDone
              + " of "
              + solvesPlanned
              + ".");
    }
    reasons = List.copyOf(reasons);
  }

  /**
   * Seconds the remaining re-solves will take at the average pace so far (wall clock), or empty
   * before the first re-solve has finished.
   */
  public OptionalDouble secondsLeft() {
    if (solvesDone == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(resolveSeconds / solvesDone * (solvesPlanned - solvesDone));
  }
}
