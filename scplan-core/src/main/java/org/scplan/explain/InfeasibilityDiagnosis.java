package org.scplan.explain;

import java.util.List;
import org.scplan.support.Copies;

/**
 * Why no plan satisfies every rule: a smallest set of rules found that cannot all hold together.
 * Found with CP-SAT assumptions (one enforcement literal per rule; the solver's sufficient
 * assumptions for infeasibility) and then shrunk by deletion: each member was dropped in turn and
 * kept only if the rest then admitted a plan.
 *
 * @param infeasible whether the scenario was proven infeasible; when false, {@code
 *     conflictingRules} is empty
 * @param conflictingRules the conflicting rules, in model order; relaxing any one of them admits a
 *     plan when {@code minimal} is true
 * @param minimal whether every member was shown necessary (a deletion test that ran out of time
 *     keeps its member and clears this)
 * @param solves CP-SAT solves used
 * @param words the diagnosis in sentences, with a hint on what to relax
 */
public record InfeasibilityDiagnosis(
    boolean infeasible, List<Rule> conflictingRules, boolean minimal, int solves, String words) {
  public InfeasibilityDiagnosis {
    conflictingRules = Copies.list(conflictingRules);
    Copies.required(words, "InfeasibilityDiagnosis", "words");
  }

  /** The names of the conflicting rules, in order. */
  public List<String> ruleNames() {
    return conflictingRules.stream().map(Rule::name).toList();
  }
}
