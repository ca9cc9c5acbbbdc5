/**
 * scplan-optimizer: the CP-SAT allocation model behind the {@code Allocator} facade, explanations
 * that re-solve, what-if and budget sweeps, and Monte Carlo sweeps. OR-Tools stays in the internal
 * package, which only scplan's own modules may use.
 */
module org.scplan.optimizer {
  requires transitive org.scplan.core;
  requires com.fasterxml.jackson.databind;
  requires com.google.protobuf;
  requires org.slf4j;
  // OR-Tools' jar names no module; the name is the one the JVM derives from the jar's file name.
  requires ortools.java;

  exports org.scplan.optimizer;
  exports org.scplan.optimizer.explain;
  exports org.scplan.optimizer.progress;
  exports org.scplan.optimizer.settings;
  exports org.scplan.optimizer.whatif;
  exports org.scplan.sweep;
  exports org.scplan.optimizer.internal to
      org.scplan.cli,
      org.scplan.benchmarks,
      org.scplan.spark;

  opens org.scplan.sweep to
      com.fasterxml.jackson.databind;
}
