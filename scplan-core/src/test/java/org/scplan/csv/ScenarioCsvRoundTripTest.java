package org.scplan.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scplan.examples.NotionalTheater;
import org.scplan.json.ScenarioJson;
import org.scplan.scenario.Partner;
import org.scplan.scenario.Scenario;
import org.scplan.scenario.SolutionOption;
import org.scplan.testing.RandomScenarios;
import org.scplan.validation.ScenarioValidator;

/** JSON → CSV workbook → JSON loses nothing: equal scenarios, equal JSON bytes. */
class ScenarioCsvRoundTripTest {
  @TempDir Path directory;

  @Test
  void theater_jsonToCsvFolderToJson_isLossless() {
    Scenario original =
        ScenarioJson.read(ScenarioJson.write(NotionalTheater.scenario()), "theater");
    Path folder = directory.resolve("theater");

    ScenarioCsv.write(original, folder);
    Scenario read = ScenarioCsv.read(folder);

    assertThat(read).isEqualTo(original);
    assertThat(ScenarioJson.write(read)).isEqualTo(ScenarioJson.write(original));
  }

  @Test
  void theater_zippedFolder_readsTheSame() throws IOException {
    Path folder = directory.resolve("theater");
    ScenarioCsv.write(NotionalTheater.scenario(), folder);
    Path zip = directory.resolve("theater.zip");
    zip(folder, zip, "notional-theater-csv/");

    assertThat(ScenarioCsv.read(zip)).isEqualTo(NotionalTheater.scenario());
  }

  @Test
  void awkwardText_quotesCommasLineBreaksAndSpaces_roundTrip() {
    Scenario theater = NotionalTheater.scenario();
    Partner first = theater.partners().get(0);
    Partner renamed =
        new Partner(
            first.id(),
            " Bandaria, \"the\" Republic\nof the North ",
            first.combatantCommand(),
            first.priorityTier(),
            first.propensity(),
            first.desireByRole(),
            first.absorptiveCapacityPerYear(),
            first.sustainmentBudgetPerYear(),
            first.vettingStatus(),
            first.scoId());
    List<Partner> partners = new ArrayList<>(theater.partners());
    partners.set(0, renamed);
    Scenario original =
        theater.toBuilder().partners(partners).name("Théâtre; « notionnel »").build();
    Path folder = directory.resolve("awkward");

    ScenarioCsv.write(original, folder);

    assertThat(ScenarioCsv.read(folder)).isEqualTo(original);
  }

  @Test
  void write_unrepresentableListElement_isRefusedNamingTheField() {
    Scenario theater = NotionalTheater.scenario();
    List<SolutionOption> options = new ArrayList<>(theater.options());
    options.set(0, options.get(0).toBuilder().tags("a;b").build());
    Scenario bad = theater.toBuilder().options(options).build();

    assertThatThrownBy(() -> ScenarioCsv.write(bad, directory.resolve("bad")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SolutionOption '" + options.get(0).id() + "' tags")
        .hasMessageContaining("'a;b'");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomTinyScenarios_roundTrip(long seed) {
    Scenario original = RandomScenarios.tiny(seed);
    assertThat(ScenarioValidator.problems(original)).isEmpty();
    Path folder = directory.resolve("tiny-" + seed);

    ScenarioCsv.write(original, folder);

    assertThat(ScenarioCsv.read(folder)).isEqualTo(original);
  }

  @Test
  void write_everySheetWrittenWithItsHeader() throws IOException {
    Path folder = directory.resolve("theater");
    ScenarioCsv.write(NotionalTheater.scenario(), folder);

    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(ScenarioCsv.fileNames().stream().sorted().toList());
    }
    assertThat(Files.readString(folder.resolve("appropriations.csv")))
        .startsWith("programId,fiscalYear,amount,yearsAvailable\n");
  }

  static void zip(Path folder, Path zip, String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream archive = new ZipOutputStream(out)) {
      for (Path file : files) {
        archive.putNextEntry(new ZipEntry(prefix + file.getFileName()));
        archive.write(Files.readAllBytes(file));
        archive.closeEntry();
      }
    }
  }
}
