package org.scplan.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scplan.examples.NotionalTheater;
import org.scplan.optimizer.Allocator;
import org.scplan.plan.Plan;
import org.scplan.plan.PlanChecker;

/**
 * scplan-core and scplan-optimizer run on the module path, as a JPMS user starts them ({@code java
 * --module-path ... --add-modules org.scplan.core,org.scplan.optimizer}): the JVM resolves both
 * modules and what their descriptors require (it refuses a package split between two of them), an
 * allocation of the embedded theater runs, passes the checker and survives a JSON round trip there,
 * and its decisions equal those of the same solve on the class path. OR-Tools' platform jar, whose
 * name gives no valid module name, stays on the class path, where OR-Tools finds its natives.
 */
class ModulePathTest {
  /** Jars a library user puts on the module path: scplan's two and what they need at run time. */
  private static final List<String> MODULE_PATH_JARS =
      List.of(
          "scplan-core",
          "scplan-optimizer",
          "ortools-java",
          "protobuf-java",
          "jna",
          "jackson-core",
          "jackson-databind",
          "jackson-annotations",
          "jackson-dataformat-csv",
          "slf4j-api");

  @Test
  void allocation_onTheModulePath_resolvesBothModulesAndMatchesTheClassPathPlan(@TempDir Path tmp)
      throws IOException, InterruptedException {
    List<String> modulePath = new ArrayList<>();
    List<String> classPath = new ArrayList<>();
    classPath.add(ownClasses().toString());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String artifact = artifactOf(path);
      if (artifact.startsWith("ortools-") && !artifact.equals("ortools-java")) {
        classPath.add(entry);
      } else if (MODULE_PATH_JARS.contains(artifact)) {
        modulePath.add(Files.isDirectory(path) ? jarOf(path, artifact, tmp).toString() : entry);
      }
    }
    assertThat(modulePath).as("module path").hasSize(MODULE_PATH_JARS.size());

    Path out = tmp.resolve("out.txt");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                String.join(File.pathSeparator, modulePath),
                "--add-modules",
                "org.scplan.core,org.scplan.optimizer",
                "-cp",
                String.join(File.pathSeparator, classPath),
                ModulePathAllocation.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    // A hung child would hang the build; the solve itself answers to a deterministic limit.
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the JVM exits").isTrue();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();

    Plan onClassPath =
        Allocator.create(ModulePathAllocation.CONFIG).allocate(NotionalTheater.scenario());
    PlanChecker.verify(NotionalTheater.scenario(), onClassPath);
    List<String> expected = new ArrayList<>();
    expected.add("core org.scplan.core");
    expected.add("optimizer org.scplan.optimizer");
    expected.add("status " + onClassPath.status());
    onClassPath
        .fundedOptions()
        .forEach(f -> expected.add("funded " + ModulePathAllocation.line(f)));
    assertThat(onClassPath.fundedOptions()).isNotEmpty();
    assertThat(lines.stream().filter(l -> l.matches("^(core|optimizer|status|funded) .*")))
        .containsExactlyElementsOf(expected);
  }

  /** The test classes folder that holds {@link ModulePathAllocation}. */
  private static Path ownClasses() {
    try {
      return Path.of(
          ModulePathAllocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The artifact id of a class-path entry: the jar's name without its version ({@code
   * scplan-core-0.1.0-SNAPSHOT.jar}, {@code jna-5.14.0.jar}), or the module folder of a {@code
   * target/classes} folder, which a build that stops before {@code package} puts there.
   */
  private static String artifactOf(Path entry) {
    if (Files.isDirectory(entry)) {
      Path module = entry.getParent() == null ? null : entry.getParent().getParent();
      return module == null || module.getFileName() == null ? "" : module.getFileName().toString();
    }
    String name = entry.getFileName().toString();
    if (!name.endsWith(".jar") || name.endsWith("-tests.jar")) {
      return "";
    }
    return name.replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "").replaceFirst("\\.jar$", "");
  }

  /**
   * A jar of a classes folder, named as the module's pom names it, for builds that test before
   * packaging; a reactor {@code verify} hands this test the real jars with their own manifests.
   */
  private static Path jarOf(Path classes, String artifact, Path tmp) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .putValue("Automatic-Module-Name", "org.scplan." + artifact.substring("scplan-".length()));
    Path jar = tmp.resolve(artifact + ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
        if (name.startsWith("META-INF/MANIFEST.MF")) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
