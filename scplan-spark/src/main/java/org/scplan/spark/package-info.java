/**
 * scplan's research jobs on Apache Spark: Monte Carlo sweeps ({@link org.scplan.spark.SweepJob}),
 * budget curves and what-if grids ({@link org.scplan.spark.GridJob}) and benchmark grids ({@link
 * org.scplan.spark.BenchmarkGridJob}), each cell solved by the same function as the local command,
 * results as DataFrames with the local columns plus run metadata ({@link
 * org.scplan.spark.JobOutput} writes them as Parquet or CSV), and {@link
 * org.scplan.spark.ScplanSparkJob}, the main class for {@code spark-submit}. See docs/SPARK.md.
 */
package org.scplan.spark;
