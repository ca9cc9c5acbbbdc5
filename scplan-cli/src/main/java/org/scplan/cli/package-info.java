/**
 * The {@code scplan} command line: {@code solve} and {@code validate}, reading JSON scenarios and
 * writing JSON plans and readable summaries. Exit codes: 0 success, 1 invalid input, 2 usage error,
 * 3 the solver could not run (e.g. native library missing).
 */
package org.scplan.cli;
