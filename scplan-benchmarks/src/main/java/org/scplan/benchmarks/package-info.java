/**
 * JMH benchmarks of scplan's stages on fixed scenarios. Run with {@code java -jar
 * scplan-benchmarks/target/scplan-benchmarks.jar} (add a benchmark name regex to select, e.g.
 * {@code TheaterBenchmark}).
 */
package org.scplan.benchmarks;
