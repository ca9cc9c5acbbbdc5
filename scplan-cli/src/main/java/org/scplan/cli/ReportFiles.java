package org.scplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import org.scplan.report.CscsDraft;
import org.scplan.report.HtmlReport;
import org.scplan.report.MarkdownReport;
import org.scplan.report.PlanReport;

/** Writes the reports a command asked for, each file atomically, and says where they went. */
final class ReportFiles {
  private ReportFiles() {}

  /** Whether any report file was asked for. */
  static boolean requested(Path html, Path markdown, Path cscsDirectory) {
    return html != null || markdown != null || cscsDirectory != null;
  }

  /** Writes the requested reports of {@code report}; null paths are skipped. */
  static void write(
      PlanReport report, Path html, Path markdown, Path cscsDirectory, PrintWriter out) {
    if (html != null) {
      writeAtomically(html, HtmlReport.render(report));
      out.printf("HTML report written to %s%n", html);
    }
    if (markdown != null) {
      writeAtomically(markdown, MarkdownReport.render(report));
      out.printf("Markdown report written to %s%n", markdown);
    }
    if (cscsDirectory != null) {
      try {
        Files.createDirectories(cscsDirectory);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create " + cscsDirectory + ": " + e.getMessage(), e);
      }
      Map<String, String> drafts = CscsDraft.renderAll(report);
      drafts.forEach((name, text) -> writeAtomically(cscsDirectory.resolve(name), text));
      out.printf("%d CSCS drafts written to %s%n", drafts.size(), cscsDirectory);
    }
  }

  /**
   * Writes {@code text} as UTF-8 to a temporary file beside {@code file}, flushed, then moved over
   * it: a reader never sees half a report, and a failed write leaves the old file intact.
   */
  static void writeAtomically(Path file, String text) {
    Path target = file.toAbsolutePath();
    Path temporary =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
