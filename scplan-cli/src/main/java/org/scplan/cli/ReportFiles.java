package org.scplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scplan.assessment.Adjustment;
import org.scplan.assessment.Assessment;
import org.scplan.report.CscsDraft;
import org.scplan.report.HtmlReport;
import org.scplan.report.MarkdownReport;
import org.scplan.report.PlanReport;
import org.scplan.support.AtomicFiles;

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
    write(report, null, List.of(), html, markdown, cscsDirectory, out);
  }

  /**
   * Writes the requested reports of {@code report} with an assessment section when {@code
   * assessment} is not null; null paths are skipped.
   */
  static void write(
      PlanReport report,
      Assessment assessment,
      List<Adjustment> adjustments,
      Path html,
      Path markdown,
      Path cscsDirectory,
      PrintWriter out) {
    AtomicFiles.requireReplaceable(html, markdown);
    Map<String, String> drafts = cscsDirectory == null ? Map.of() : CscsDraft.renderAll(report);
    if (cscsDirectory != null) {
      AtomicFiles.requireReplaceable(
          drafts.keySet().stream().map(cscsDirectory::resolve).toArray(Path[]::new));
    }
    if (html != null) {
      AtomicFiles.write(html, HtmlReport.render(report, assessment, adjustments));
      out.printf("HTML report written to %s%n", html);
    }
    if (markdown != null) {
      AtomicFiles.write(markdown, MarkdownReport.render(report, assessment, adjustments));
      out.printf("Markdown report written to %s%n", markdown);
    }
    if (cscsDirectory != null) {
      try {
        Files.createDirectories(cscsDirectory);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create " + cscsDirectory + ": " + e.getMessage(), e);
      }
      drafts.forEach((name, text) -> AtomicFiles.write(cscsDirectory.resolve(name), text));
      out.printf("%d CSCS drafts written to %s%n", drafts.size(), cscsDirectory);
    }
  }
}
