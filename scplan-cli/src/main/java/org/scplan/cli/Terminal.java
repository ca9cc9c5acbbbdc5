package org.scplan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Whether standard error is an interactive terminal, where a redrawn progress line makes sense. */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard error is a terminal that understands a carriage return: on Linux, file
   * descriptor 2 links to a tty device; elsewhere, the JVM has a console. A dumb terminal ({@code
   * TERM=dumb}) counts as not interactive.
   */
  static boolean standardErrorIsInteractive() {
    String term = System.getenv("TERM");
    if (term != null && term.toLowerCase(Locale.ROOT).equals("dumb")) {
      return false;
    }
    Path descriptor = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(descriptor)) {
      try {
        String target = Files.readSymbolicLink(descriptor).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | SecurityException e) {
        return System.console() != null;
      }
    }
    return System.console() != null;
  }
}
