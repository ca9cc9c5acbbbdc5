/**
 * scplan-core: the planning domain (scenario, valuation, validation, plan and its independent
 * checker, explanations, what-if, execution and assessment), JSON and CSV input and output, and the
 * greedy baseline. Exports the API packages; the engine and the support helpers are exported only
 * to scplan's own modules, and Jackson may reflect on the records it reads and writes.
 */
module org.scplan.core {
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  // The heap governor (org.scplan.support) reads collections and sets the heap free ratios.
  requires jdk.management;

  exports org.scplan.assessment;
  exports org.scplan.csv;
  exports org.scplan.examples;
  exports org.scplan.execution;
  exports org.scplan.explain;
  exports org.scplan.generate;
  exports org.scplan.greedy;
  exports org.scplan.json;
  exports org.scplan.plan;
  exports org.scplan.scenario;
  exports org.scplan.time;
  exports org.scplan.uncertainty;
  exports org.scplan.validation;
  exports org.scplan.valuation;
  exports org.scplan.whatif;
  exports org.scplan.engine to
      org.scplan.optimizer,
      org.scplan.cli,
      org.scplan.benchmarks,
      org.scplan.spark;
  exports org.scplan.support to
      org.scplan.optimizer,
      org.scplan.cli,
      org.scplan.benchmarks,
      org.scplan.spark;

  opens org.scplan.assessment to
      com.fasterxml.jackson.databind;
  opens org.scplan.execution to
      com.fasterxml.jackson.databind;
  opens org.scplan.explain to
      com.fasterxml.jackson.databind;
  opens org.scplan.plan to
      com.fasterxml.jackson.databind;
  opens org.scplan.scenario to
      com.fasterxml.jackson.databind;
  opens org.scplan.uncertainty to
      com.fasterxml.jackson.databind;
  opens org.scplan.valuation to
      com.fasterxml.jackson.databind;
  opens org.scplan.whatif to
      com.fasterxml.jackson.databind;
}
