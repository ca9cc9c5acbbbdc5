package org.scplan.scenario;

import java.util.Map;
import org.scplan.support.Copies;

/**
 * An international partner (a country or organization) the US cooperates with.
 *
 * @param id unique id
 * @param name the partner's name (notional in examples, e.g. "Bandaria")
 * @param combatantCommand the geographic combatant command whose area it is in
 * @param priorityTier theater priority tier, 1 = highest; weights come from {@link
 *     Policy#tierWeights()}
 * @param propensity likelihood that security cooperation with it succeeds, 0–1
 * @param desireByRole the partner's political will to play each role (role name to 0–1), kept
 *     sorted by role
 * @param absorptiveCapacityPerYear dollars of assistance it can absorb per fiscal year, or {@code
 *     null} when not limited
 * @param sustainmentBudgetPerYear dollars per fiscal year it can spend to sustain capabilities
 *     delivered, or {@code null} when not limited
 * @param vettingStatus outcome of human-rights vetting of its units
 * @param scoId the security cooperation office that plans for it
 */
public record Partner(
    String id,
    String name,
    CombatantCommand combatantCommand,
    int priorityTier,
    double propensity,
    Map<String, Double> desireByRole,
    Long absorptiveCapacityPerYear,
    Long sustainmentBudgetPerYear,
    VettingStatus vettingStatus,
    String scoId) {

  public Partner {
    Copies.required(id, "Partner", "id");
    String owner = "Partner " + id;
    Copies.required(name, owner, "name");
    Copies.required(combatantCommand, owner, "combatantCommand");
    Copies.required(vettingStatus, owner, "vettingStatus");
    Copies.required(scoId, owner, "scoId");
    desireByRole = Copies.sortedMap(desireByRole);
  }

  /** Desire to play {@code role}, 0–1, or {@code null} when the partner has no entry for it. */
  public Double desire(String role) {
    return desireByRole.get(role);
  }
}
