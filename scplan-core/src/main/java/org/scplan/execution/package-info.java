/**
 * Execution records: what was actually obligated under a plan, fiscal year by fiscal year, the
 * status of each funded activity, and the observed values of the scenario's measures of
 * effectiveness and performance; {@link org.scplan.execution.ExecutionValidator} checks a record
 * against its scenario and plan (docs/MODEL.md §10).
 */
package org.scplan.execution;
