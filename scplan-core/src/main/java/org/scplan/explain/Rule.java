package org.scplan.explain;

import org.scplan.support.Copies;

/**
 * One planning rule, named the way a planner would name it: "locked decision 'o-7'", "partner
 * 'bandaria' absorptive capacity FY2028", "program '333' FY2028 appropriation".
 *
 * @param kind what kind of rule it is
 * @param subjectId the entity the rule belongs to: option id (locked decision, prerequisite: the
 *     dependent option), program id (appropriation, per-partner cap), partner id (absorptive
 *     capacity, sustainment), SCO id, or balance rule id
 * @param partnerId the partner of a per-partner program cap, else {@code null}
 * @param fiscalYear the FY the rule applies in (for an appropriation: the FY it was appropriated
 *     for; for a locked decision: its start FY), or {@code null} when it applies over the horizon
 * @param name the rule in words, with its limit in dollars or person-weeks where it has one
 */
public record Rule(
    RuleKind kind, String subjectId, String partnerId, Integer fiscalYear, String name) {
  public Rule {
    Copies.required(kind, "Rule", "kind");
    Copies.required(subjectId, "Rule", "subjectId");
    Copies.required(name, "Rule", "name");
  }
}
