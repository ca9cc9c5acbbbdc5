/**
 * The {@code scplan} command line: {@code solve}, {@code validate} and {@code report}, reading JSON
 * scenarios and writing JSON plans, readable summaries and the reports of {@code
 * org.scplan.report}. Exit codes: 0 success, 1 invalid input, 2 usage error, 3 the solver could not
 * run (e.g. native library missing).
 */
package org.scplan.cli;
