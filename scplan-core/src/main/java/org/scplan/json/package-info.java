/**
 * JSON files for scenarios ({@link org.scplan.json.ScenarioJson}) and plans ({@link
 * org.scplan.json.PlanJson}), each with a {@code formatVersion}.
 *
 * <p>Jackson stays inside this package: one configured mapper with input limits, strict
 * duplicate-key detection and no NaN or Infinity. Reading never throws a Jackson exception: every
 * structural problem (syntax, unknown or missing field, wrong type, fractional dollars, unknown
 * enum value) becomes a located {@link org.scplan.validation.Problem}, all of them together in one
 * {@link org.scplan.validation.ScenarioValidationException}. Writing is deterministic byte for byte
 * and atomic when it goes to a file.
 *
 * <p>Units as in the domain: money in whole US dollars, time in fiscal years.
 */
package org.scplan.json;
