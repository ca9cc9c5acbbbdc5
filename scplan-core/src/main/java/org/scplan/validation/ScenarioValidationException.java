package org.scplan.validation;

import java.util.List;

/** Thrown when an input cannot be used; carries every problem found, not just the first. */
public class ScenarioValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Most problems the message lists; {@link #problems()} holds every one. */
  public static final int MOST_PROBLEMS_SHOWN = 100;

  /** Serialized with the exception (an immutable List.copyOf of serializable records). */
  private final List<Problem> problems;

  /** An exception listing {@code problems} (at least one). */
  public ScenarioValidationException(String what, List<Problem> problems) {
    super(format(what, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in input order. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * {@code what} and its problems, one a line, at most {@value #MOST_PROBLEMS_SHOWN} of them and
   * then the count of the rest, so that a million bad rows make a readable message, not 150 MB.
   */
  private static String format(String what, List<Problem> problems) {
    StringBuilder text =
        new StringBuilder(what)
            .append(" has ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(':');
    int shown = Math.min(problems.size(), MOST_PROBLEMS_SHOWN);
    for (int i = 0; i < shown; i++) {
      text.append("\n  - ").append(problems.get(i));
    }
    int rest = problems.size() - shown;
    if (rest > 0) {
      text.append("\n  … and ")
          .append(rest)
          .append(rest == 1 ? " more problem" : " more problems")
          .append(" (the first ")
          .append(shown)
          .append(" are shown; fix them and run again).");
    }
    return text.toString();
  }
}
