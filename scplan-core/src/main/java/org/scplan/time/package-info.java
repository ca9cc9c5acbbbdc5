/**
 * Time budgets: the one {@link org.scplan.time.Deadline} a solve is given, from the command line's
 * {@code --time-limit} down to CP-SAT's own limit. Pure Java, no native code.
 */
package org.scplan.time;
