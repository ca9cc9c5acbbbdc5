/**
 * Seeded generation of realistic synthetic scenarios for experiments, sweeps and benchmarks: {@link
 * org.scplan.generate.ScenarioGenerator} builds a scenario from an immutable {@link
 * org.scplan.generate.GeneratorConfig}; the same config gives the same scenario in every JVM.
 */
package org.scplan.generate;
