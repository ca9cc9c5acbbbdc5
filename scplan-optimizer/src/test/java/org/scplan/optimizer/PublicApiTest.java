package org.scplan.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * OR-Tools types never appear in scplan-optimizer's public packages (every package not named {@code
 * *.internal}), so that an OR-Tools upgrade cannot change scplan's API. Checked on the compiled
 * classes (every constant-pool reference: imports, fully qualified names, method descriptors such
 * as a call returning an OR-Tools type) and on the sources.
 */
class PublicApiTest {
  private static final String ORTOOLS_BINARY = "com/google/ortools";
  private static final String ORTOOLS_SOURCE = "com.google.ortools";

  @Test
  void publicPackages_referenceNoOrTools_inCompiledClasses()
      throws IOException, URISyntaxException {
    Path classes =
        Path.of(Allocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> checked = new ArrayList<>();
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        Path relative = classes.relativize(file);
        if (isInternal(relative)) {
          continue;
        }
        checked.add(relative);
        // Class-file names and descriptors are modified UTF-8; ASCII package names match as bytes.
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (bytes.contains(ORTOOLS_BINARY) || bytes.contains(ORTOOLS_SOURCE)) {
          offenders.add(relative.toString());
        }
      }
    }

    assertThat(checked)
        .as("public classes checked")
        .contains(Path.of("org/scplan/optimizer/Allocator.class"));
    assertThat(offenders)
        .as(
            "public classes referring to com.google.ortools; maybe move that code to org.scplan.optimizer.internal")
        .isEmpty();
  }

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
