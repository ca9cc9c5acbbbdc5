package org.scplan.scenario;

import java.util.Set;
import org.scplan.support.Copies;

/**
 * The delta between the capability a role requires of a partner and what the partner has, with the
 * risk of leaving it open and the urgency of closing it.
 *
 * @param id unique id
 * @param partnerId the partner with the gap
 * @param objectiveId the intermediate military objective the gap serves (its trace to an end state)
 * @param role the role the US wants the partner to play (e.g. "maritime-security"); the partner's
 *     desire for it must be given in {@link Partner#desireByRole()}
 * @param roleType how the gap serves that role
 * @param description the gap in words
 * @param risk the risk assessment
 * @param urgency need-by FY and decay
 * @param thirdPartyCoverage fraction of the gap already covered by another donor, 0–1
 * @param sweetSpot the stakeholders who flag this gap as important (DoD, State, the partner)
 */
public record CapabilityGap(
    String id,
    String partnerId,
    String objectiveId,
    String role,
    RoleType roleType,
    String description,
    RiskAssessment risk,
    Urgency urgency,
    double thirdPartyCoverage,
    Set<Stakeholder> sweetSpot) {

  public CapabilityGap {
    Copies.required(id, "CapabilityGap", "id");
    String owner = "CapabilityGap " + id;
    Copies.required(partnerId, owner, "partnerId");
    Copies.required(objectiveId, owner, "objectiveId");
    Copies.required(role, owner, "role");
    Copies.required(roleType, owner, "roleType");
    Copies.required(risk, owner, "risk");
    Copies.required(urgency, owner, "urgency");
    description = description == null ? "" : description;
    sweetSpot = Copies.enumSet(sweetSpot, Stakeholder.class);
  }
}
