package org.scplan.scenario;

import java.util.List;
import java.util.Set;
import org.scplan.support.Copies;

/**
 * What a program may fund and for whom. An empty set means "no restriction" on that dimension.
 *
 * @param activityTypes activity types it may fund (empty: any)
 * @param domains DOTMLPF-P domains it may fund (empty: any)
 * @param combatantCommands combatant commands whose partners it may serve (empty: any)
 * @param partnerIds partners it may serve (empty: any)
 * @param prohibitedPartnerIds partners it may never serve (statutory prohibitions)
 */
public record ProgramEligibility(
    Set<ActivityType> activityTypes,
    Set<DotmlpfDomain> domains,
    Set<CombatantCommand> combatantCommands,
    List<String> partnerIds,
    List<String> prohibitedPartnerIds) {

  /** Eligibility with no restriction at all. */
  public static final ProgramEligibility UNRESTRICTED =
      new ProgramEligibility(Set.of(), Set.of(), Set.of(), List.of(), List.of());

  public ProgramEligibility {
    activityTypes = Copies.enumSet(activityTypes, ActivityType.class);
    domains = Copies.enumSet(domains, DotmlpfDomain.class);
    combatantCommands = Copies.enumSet(combatantCommands, CombatantCommand.class);
    partnerIds = Copies.list(partnerIds);
    prohibitedPartnerIds = Copies.list(prohibitedPartnerIds);
  }
}
