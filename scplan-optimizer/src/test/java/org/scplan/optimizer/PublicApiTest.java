package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * OR-Tools is never named in the sources of scplan-optimizer's public packages (every package not
 * named {@code *.internal}), javadoc and comments included, which the compiled classes that {@link
 * org.scplan.architecture.OptimizerArchitectureTest} checks with ArchUnit do not show.
 */
class PublicApiTest {
  private static final String ORTOOLS_SOURCE = "com.google.ortools";

  @Test
  void publicPackages_referenceNoOrTools_inSources() throws IOException {
    Path sources = Path.of(System.getProperty("basedir", "."), "src/main/java");
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        Path relative = sources.relativize(file);
        if (isInternal(relative)) {
          continue;
        }
        checked++;
        if (Files.readString(file).contains(ORTOOLS_SOURCE)) {
          offenders.add(relative.toString());
        }
      }
    }

    assertThat(checked).as("public source files checked").isPositive();
    assertThat(offenders)
        .as(
            "public sources referring to com.google.ortools; maybe move that code to org.scplan.optimizer.internal")
        .isEmpty();
  }

  /** Whether the file lies in a package named {@code internal} or below one. */
  private static boolean isInternal(Path relative) {
    Path dir = relative.getParent();
    if (dir == null) {
      return false;
    }
    for (Path part : dir) {
      if (part.toString().equals("internal")) {
        return true;
      }
    }
    return false;
  }
}
