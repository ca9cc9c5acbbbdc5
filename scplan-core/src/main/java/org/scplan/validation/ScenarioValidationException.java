package org.scplan.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an input cannot be used; carries every problem found, not just the first. */
public class ScenarioValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

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

  private static String format(String what, List<Problem> problems) {
    return what
        + " has "
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + ":\n"
        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
  }
}
