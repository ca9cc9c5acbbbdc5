package org.scplan.scenario;

import org.scplan.support.Copies;

/**
 * A sequencing rule: the dependent option may be funded only if {@code optionId} is funded and
 * starts at least {@code lagYears} fiscal years earlier ("train before equip").
 *
 * @param optionId the option that must come first
 * @param lagYears minimum number of fiscal years between the two starts, ≥ 0
 */
public record Prerequisite(String optionId, int lagYears) {
  public Prerequisite {
    Copies.required(optionId, "Prerequisite", "optionId");
  }
}
