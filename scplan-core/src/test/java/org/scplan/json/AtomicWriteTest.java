package org.scplan.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.greedy.GreedyAllocator;
import org.scplan.plan.Plan;
import org.scplan.scenario.Scenario;
import org.scplan.support.AtomicFiles;
import org.scplan.testing.RandomScenarios;
import org.scplan.validation.ScenarioValidationException;

/** Every file writer replaces its target atomically: readers never see a partial file. */
class AtomicWriteTest {
  @TempDir Path directory;

  @Test
  void write_whileAnotherThreadReads_readerOnlyEverSeesWholeFiles() throws Exception {
    Scenario small = RandomScenarios.tiny(3);
    Scenario other = RandomScenarios.tiny(4);
    Set<String> whole = Set.of(ScenarioJson.write(small), ScenarioJson.write(other));
    Path file = directory.resolve("scenario.json");
    ScenarioJson.write(small, file);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    List<String> torn = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                try {
                  String seen = Files.readString(file);
                  reads.incrementAndGet();
                  if (!whole.contains(seen)) {
                    torn.add(seen);
                  }
                } catch (java.io.IOException e) {
                  torn.add("unreadable: " + e);
                }
              }
            });
    reader.start();
    for (int i = 0; i < 200; i++) {
      ScenarioJson.write(i % 2 == 0 ? other : small, file);
    }
    writing.set(false);
    reader.join();

    assertThat(reads.get()).isPositive();
    assertThat(torn).isEmpty();
    assertThat(leftovers()).containsExactly(file);
  }

  @Test
  void write_planThatCannotBePrinted_leavesTheOldFileIntact() throws Exception {
    Scenario scenario = RandomScenarios.tiny(5);
    Plan plan = GreedyAllocator.allocate(scenario);
    Path file = directory.resolve("plan.json");
    PlanJson.write(plan, file);
    String before = Files.readString(file);
    Plan unprintable =
        new Plan(
            plan.scenarioId(),
            plan.status(),
            plan.totalWeightAtStake(),
            Double.NaN,
            plan.fundedOptions(),
            plan.unfundedOptions(),
            plan.gaps(),
            plan.appropriations(),
            plan.totals(),
            plan.solver());

    assertThatThrownBy(() -> PlanJson.write(unprintable, file))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(leftovers()).containsExactly(file);
  }

  @Test
  void write_streamedToTheFile_isTheTextWriteReturns_byteForByte() throws Exception {
    Scenario scenario =
        RandomScenarios.tiny(7).toBuilder()
            .name("Théâtre – FY2027 \uD83C\uDF0D \"quoted\"")
            .build();
    Plan plan = GreedyAllocator.allocate(scenario);
    Path scenarioFile = directory.resolve("scenario.json");
    Path planFile = directory.resolve("plan.json");

    ScenarioJson.write(scenario, scenarioFile);
    PlanJson.write(plan, planFile);

    assertThat(Files.readAllBytes(scenarioFile))
        .isEqualTo(ScenarioJson.write(scenario).getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(planFile))
        .isEqualTo(PlanJson.write(plan).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void write_contentFailingMidway_leavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path file = directory.resolve("table.csv");
    AtomicFiles.write(file, "old\n");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write("half a ".getBytes(StandardCharsets.UTF_8));
                      throw new IllegalStateException("cannot go on");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(Files.readString(file)).isEqualTo("old\n");
    assertThat(leftovers()).containsExactly(file);
  }

  @Test
  void readable_documentLongerThanTheReadersTake_isRefusedAtItsFile() throws Exception {
    byte[] document = ScenarioJson.write(RandomScenarios.tiny(8)).getBytes(StandardCharsets.UTF_8);
    Path file = directory.resolve("big.json");
    OutputStream sink = OutputStream.nullOutputStream();

    JsonSupport.readable(sink, document.length, file, "scenario tiny-8").write(document);
    ScenarioValidationException refused =
        catchThrowableOfType(
            () ->
                JsonSupport.readable(sink, document.length - 1, file, "scenario tiny-8")
                    .write(document),
            ScenarioValidationException.class);

    assertThat(refused.problems()).hasSize(1);
    assertThat(refused.problems().get(0).location()).isEqualTo(file.toString());
    assertThat(refused.problems().get(0).message())
        .isEqualTo(
            "The scenario tiny-8 is more than "
                + (document.length - 1)
                + " bytes of JSON, the most a file may hold to be read back; nothing was"
                + " written.");
  }

  @Test
  void write_intoMissingDirectory_failsWithoutCreatingAnything() {
    Path file = directory.resolve("missing").resolve("plan.json");
    Plan plan = GreedyAllocator.allocate(RandomScenarios.tiny(6));

    assertThatThrownBy(() -> PlanJson.write(plan, file))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining(file.toString());
    assertThat(Files.exists(file.getParent())).isFalse();
  }

  private List<Path> leftovers() throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }
}
