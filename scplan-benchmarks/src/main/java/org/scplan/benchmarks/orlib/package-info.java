/**
 * OR-Library multidimensional knapsack instances as scplan scenarios, to check the allocation core
 * against published optima and best-known values: {@link org.scplan.benchmarks.orlib.MkpReader}
 * reads the files, {@link org.scplan.benchmarks.orlib.MkpScenario} maps an instance to a
 * one-program scenario, {@link org.scplan.benchmarks.orlib.OrLibraryRunner} solves a set and
 * reports.
 */
package org.scplan.benchmarks.orlib;
