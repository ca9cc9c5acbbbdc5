/**
 * Validation at the boundary: {@link org.scplan.validation.ScenarioValidator} checks a scenario and
 * reports every {@link org.scplan.validation.Problem} at once, each located by entity and field (or
 * by file, line and column for input files) with a hint.
 */
package org.scplan.validation;
