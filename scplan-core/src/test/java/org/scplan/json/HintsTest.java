package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HintsTest {
  private static final List<String> PARTNER_FIELDS =
      List.of("id", "name", "combatantCommand", "priorityTier", "propensity", "scoId");

  @Test
  void closest_differentCase_findsName() {
    assertThat(Hints.closest("ScoID", PARTNER_FIELDS)).isEqualTo("scoId");
  }

  @Test
  void closest_typo_findsIntendedName() {
    assertThat(Hints.closest("priority_tier", PARTNER_FIELDS)).isEqualTo("priorityTier");
    assertThat(Hints.closest("combatantComand", PARTNER_FIELDS)).isEqualTo("combatantCommand");
  }

  @Test
  void closest_abbreviation_findsTheOnlyLongerName() {
    assertThat(Hints.closest("combat", PARTNER_FIELDS)).isEqualTo("combatantCommand");
  }

  @Test
  void closest_unrelatedName_findsNothing() {
    assertThat(Hints.closest("budget", PARTNER_FIELDS)).isNull();
    assertThat(Hints.closest("x", PARTNER_FIELDS)).isNull();
  }
}
