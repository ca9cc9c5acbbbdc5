package org.scplan.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/CSV.md documents every file and every column the reader knows, with its requiredness. */
class CsvDocumentationTest {
  @Test
  void csvGuide_documentsEverySheetAndColumn() throws Exception {
    String guide = Files.readString(Path.of("..", "docs", "CSV.md"));

    for (Sheet sheet : Sheet.values()) {
      int section = guide.indexOf("### `" + sheet.fileName() + "`");
      assertThat(section).as(sheet.fileName()).isNotNegative();
      int next = guide.indexOf("\n### ", section + 1);
      String text = guide.substring(section, next < 0 ? guide.length() : next);
      for (String column : sheet.columns()) {
        String documented =
            "| `" + column + "`" + (sheet.required().contains(column) ? " (required) |" : " |");
        assertThat(text).as(sheet.fileName() + " " + column).contains(documented);
      }
    }
    for (String table : PlanCsv.fileNames()) {
      assertThat(guide).contains("| `" + table + "` |");
    }
  }
}
