/**
 * Valuation of DESIGN §4 and docs/MODEL.md §1–2: gap weights, option values by start year, and the
 * (program, start FY) candidates that may fund each option, with the reason when there are none.
 * Values are weighted risk points; every constant comes from the scenario's policy.
 */
package org.scplan.valuation;
