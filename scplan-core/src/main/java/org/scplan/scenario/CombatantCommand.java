package org.scplan.scenario;

/** A US geographic combatant command, whose area of responsibility a partner belongs to. */
public enum CombatantCommand {
  AFRICOM,
  CENTCOM,
  EUCOM,
  INDOPACOM,
  NORTHCOM,
  SOUTHCOM
}
