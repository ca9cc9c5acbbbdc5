package org.scplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.scplan.optimizer.progress.NativeLibraryException;
import org.scplan.support.AtomicFiles;
import org.scplan.support.HeapGovernor;
import org.scplan.validation.ScenarioValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code scplan} command; the subcommands do the work. */
@Command(
    name = "scplan",
    mixinStandardHelpOptions = true,
    versionProvider = ScplanCommand.Version.class,
    description =
        "Plans security cooperation: which partner capability gaps to close, with which program's money, in which fiscal year.",
    subcommands = {
      SolveCommand.class,
      ValidateCommand.class,
      CommandLine.HelpCommand.class,
      WhatIfCommand.class,
      DiffCommand.class,
      CurveCommand.class,
      ImportCommand.class,
      ExportCsvCommand.class,
      ReportCommand.class,
      GenerateCommand.class,
      SweepCommand.class,
      ExplainCommand.class,
      AnalyzeCommand.class,
      AssessCommand.class
    })
public final class ScplanCommand {
  /** Exit code for an input that cannot be used. */
  static final int INVALID_INPUT = 1;

  /** Exit code for a command line that cannot be used. */
  static final int USAGE = 2;

  /** Exit code when the solver cannot run. */
  static final int SOLVER_FAILURE = 3;

  /** Exit code after Ctrl-C (SIGINT): 128 + 2, as shells report a process ended by SIGINT. */
  static final int INTERRUPTED = 130;

  /**
   * Exit code when a solve's time limit plus its allowance ran out before a checked plan could be
   * written (the largest scenarios with short limits): nothing is written.
   */
  static final int NOT_SOLVED_IN_TIME = 4;

  /**
   * Whether solver progress may be drawn as a live line (standard error is a terminal); false when
   * embedded or under test, where whole lines are printed.
   */
  boolean liveProgress;

  /**
   * When the user's wait began, a {@link System#nanoTime()} reading: the start of the JVM when run
   * from {@link #main}, the call otherwise. Time limits count from here.
   */
  long startedNanos;

  /**
   * Whether this is the process's own command line ({@link #main}), which may end the process when
   * a time limit runs out; never when embedded or under test.
   */
  boolean standalone;

  /**
   * The Java heap the process keeps to, bytes: the heap governor's soft size when the command owns
   * its JVM ({@link #main}), else the JVM's maximum heap.
   */
  long heapBytes;

  /**
   * Standard error as given, without {@link TerminalSafeWriter}: for progress lines alone, which
   * print numbers and the carriage returns that redraw them.
   */
  PrintWriter progressErr;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    long jvmAgeMillis =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    long started = System.nanoTime() - Math.max(0, jvmAgeMillis) * 1_000_000L;
    // The platform's default charset, as System.out itself uses on JDK 17; stated, not implied.
    Charset charset = Charset.defaultCharset();
    // The command owns its JVM, so it may bound the heap the JVM's default would let grow to a
    // quarter of the machine (docs/BENCHMARKS.md, memory); run(...) for embedding does not.
    HeapGovernor heap = HeapGovernor.install(HeapGovernor.PROCESS_SOFT_MAX_BYTES);
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, charset), true),
            new PrintWriter(new OutputStreamWriter(System.err, charset), true),
            Terminal.standardErrorIsInteractive(),
            started,
            true,
            heap.active() ? heap.softMaxBytes() : Runtime.getRuntime().maxMemory()));
  }

  /**
   * Runs the command line with the given streams and returns the exit code (for tests and
   * embedding).
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, false, System.nanoTime(), false, Runtime.getRuntime().maxMemory());
  }

  private static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      boolean liveProgress,
      long startedNanos,
      boolean standalone,
      long heapBytes) {
    ScplanCommand command = new ScplanCommand();
    command.standalone = standalone;
    command.heapBytes = heapBytes;
    command.liveProgress = liveProgress;
    command.startedNanos = startedNanos;
    command.progressErr = err;
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(new TerminalSafeWriter(out), true));
    commandLine.setErr(new PrintWriter(new TerminalSafeWriter(err), true));
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          if (exception instanceof ScenarioValidationException invalid) {
            cmd.getErr().println(invalid.getMessage());
            return INVALID_INPUT;
          }
          if (exception instanceof AtomicFiles.NotARegularFileException refused) {
            cmd.getErr().println(refused.getMessage());
            return USAGE;
          }
          if (exception instanceof UncheckedIOException unwritable) {
            cmd.getErr().println(unwritable.getMessage());
            return INVALID_INPUT;
          }
          if (exception instanceof NativeLibraryException missing) {
            cmd.getErr().println(missing.getMessage());
            return SOLVER_FAILURE;
          }
          throw exception;
        });
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // The command's objects are unreachable once it has unwound, so the message can be built.
      commandLine
          .getErr()
          .println(
              outOfMemory(inputs(commandLine.getParseResult()), Runtime.getRuntime().maxMemory()));
      return INVALID_INPUT;
    }
  }

  /**
   * The message for a command that ran out of memory: which inputs it read, their size, the heap it
   * had, and how to give it more.
   */
  static String outOfMemory(List<Path> inputs, long maxHeapBytes) {
    StringBuilder message = new StringBuilder("Out of memory");
    if (!inputs.isEmpty()) {
      message.append(" reading ");
      for (int i = 0; i < inputs.size(); i++) {
        message
            .append(i == 0 ? "" : ", ")
            .append(inputs.get(i))
            .append(" (")
            .append(megabytes(size(inputs.get(i))))
            .append(')');
      }
    }
    return message
        .append(" with a Java heap of at most ")
        .append(megabytes(maxHeapBytes))
        .append(". Maybe give Java more memory, e.g. java -Xmx8g -jar scplan.jar …, or split the")
        .append(" input.")
        .toString();
  }

  /** The files and folders the command line named as inputs: its positional parameters. */
  private static List<Path> inputs(CommandLine.ParseResult parsed) {
    List<Path> inputs = new ArrayList<>();
    for (CommandLine.ParseResult command = parsed;
        command != null;
        command = command.subcommand()) {
      for (CommandLine.Model.PositionalParamSpec parameter : command.matchedPositionals()) {
        if (parameter.getValue() instanceof Path path) {
          inputs.add(path);
        }
      }
    }
    return inputs;
  }

  /** Bytes of a file, or of the files in a folder (not its subfolders); 0 when unreadable. */
  private static long size(Path path) {
    try {
      if (!Files.isDirectory(path)) {
        return Files.size(path);
      }
      try (Stream<Path> files = Files.list(path)) {
        long total = 0;
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          total += Files.size(file);
        }
        return total;
      }
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  /** The project version, from the resource Maven filters at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "/org/scplan/cli/version.properties";

    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = ScplanCommand.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The scplan jar lacks " + RESOURCE + "; rebuild it.");
        }
        properties.load(in);
      }
      return new String[] {"scplan " + properties.getProperty("version")};
    }
  }
}
