package org.scplan.modulepath;

import java.time.Duration;
import org.scplan.examples.NotionalTheater;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.json.PlanJson;
import org.scplan.optimizer.Allocator;
import org.scplan.optimizer.AllocatorConfig;
import org.scplan.plan.FundedOption;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;
import org.scplan.scenario.Scenario;

/**
 * The program {@link ModulePathTest} starts in a JVM of its own with scplan-core and
 * scplan-optimizer on the module path: allocates the embedded theater, checks the plan, writes and
 * reads it as JSON, and prints the module each library class came from, the status and the funding
 * decisions, one per line.
 */
public final class ModulePathAllocation {
  /** The one configuration both sides of the comparison use: one worker, a deterministic limit. */
  static final AllocatorConfig CONFIG =
      AllocatorConfig.builder()
          .timeLimit(Duration.ofMinutes(10))
          .deterministicTimeLimit(2.0)
          .workers(1)
          .build();

  private ModulePathAllocation() {}

  public static void main(String[] args) {
    System.out.println("core " + GreedyAllocator.class.getModule().getName());
    System.out.println("optimizer " + Allocator.class.getModule().getName());
    Scenario theater = NotionalTheater.scenario();
    Plan plan = Allocator.create(CONFIG).allocate(theater);
    PlanChecker.verify(theater, plan);
    // Jackson reflects on the plan's records: the module must open their packages to it.
    Plan read = PlanJson.read(PlanJson.write(plan), "plan.json");
    if (!read.equals(plan)) {
      throw new IllegalStateException("the plan read back from JSON differs from the plan written");
    }
    System.out.println("status " + plan.status());
    for (FundedOption funded : plan.fundedOptions()) {
      System.out.println("funded " + line(funded));
    }
  }

  /** A funding decision as one comparable line: option, program, start FY. */
  static String line(FundedOption funded) {
    return funded.optionId() + " " + funded.programId() + " " + funded.startFiscalYear();
  }
}
