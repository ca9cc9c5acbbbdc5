/**
 * The greedy baseline: what planners do today, a priority list by value per dollar and a cut line,
 * respecting every rule the optimizer respects. Pure Java, no native code.
 */
package org.scplan.greedy;
