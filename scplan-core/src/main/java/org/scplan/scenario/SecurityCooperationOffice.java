package org.scplan.scenario;

import org.scplan.support.Copies;

/**
 * A security cooperation office (SCO) in a US embassy, which plans and executes activities for one
 * or more partners. Its small staff limits how much it can manage.
 *
 * @param id unique id
 * @param name the office's name
 * @param staffCapacityPersonWeeksPerYear person-weeks of staff time per fiscal year available to
 *     manage activities; non-negative
 */
public record SecurityCooperationOffice(
    String id, String name, double staffCapacityPersonWeeksPerYear) {
  public SecurityCooperationOffice {
    Copies.required(id, "SecurityCooperationOffice", "id");
    Copies.required(name, "SecurityCooperationOffice " + id, "name");
  }
}
