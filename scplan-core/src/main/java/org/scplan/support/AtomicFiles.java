package org.scplan.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Atomic file writes shared by every writer (JSON, CSV, reports, sweeps, benchmarks). Only regular
 * files are replaced: a symbolic link, a FIFO, a device or a folder at the path is refused, never
 * swapped for a regular file.
 */
public final class AtomicFiles {
  /** The write buffer, in bytes. */
  private static final int BUFFER_BYTES = 1 << 16;

  private AtomicFiles() {}

  /** Thrown when an output path holds something other than a regular file; nothing is written. */
  public static final class NotARegularFileException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    NotARegularFileException(Path file, String what) {
      super(
          "Cannot write "
              + file
              + ": it is "
              + what
              + ", and scplan replaces only regular files. Maybe give the path of a new or"
              + " regular file.",
          new IOException(file + " is " + what));
    }
  }

  /**
   * Checks that each of {@code files} (null entries skipped) is absent or a regular file, so that a
   * command can refuse before it writes anything.
   *
   * @throws NotARegularFileException for the first path that holds anything else
   */
  public static void requireReplaceable(Path... files) {
    for (Path file : files) {
      if (file != null) {
        requireReplaceable(file);
      }
    }
  }

  private static void requireReplaceable(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    if (attributes.isRegularFile()) {
      return;
    }
    String what =
        attributes.isSymbolicLink()
            ? "a symbolic link"
            : attributes.isDirectory() ? "a folder" : "not a regular file (a FIFO or a device)";
    throw new NotARegularFileException(file, what);
  }

  /** What {@link #write(Path, Content)} writes: bytes streamed to the file, never held whole. */
  @FunctionalInterface
  public interface Content {
    /** Writes the file's bytes to {@code out}, which it must not close. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code text} as UTF-8 to {@code file} atomically, as {@link #write(Path, Content)} does.
   *
   * @throws NotARegularFileException when {@code file} exists and is not a regular file
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Path file, String text) {
    write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes {@code content} to {@code file} atomically: to a temporary file in the same directory,
   * flushed to disk, then moved over {@code file}, so that readers never see a half-written file
   * and a failed write leaves the old file intact. The bytes are streamed through a buffer, so a
   * large document needs no copy of itself in memory.
   *
   * @throws NotARegularFileException when {@code file} exists and is not a regular file
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Path file, Content content) {
    requireReplaceable(file);
    Path target = file.toAbsolutePath();
    Path temporary =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      // Not Files.createTempFile: its owner-only permissions would pass to the final file.
      try (FileChannel channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out =
            new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temporary, e);
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      // The content failed (a value it cannot write, or out of memory): no temporary file remains.
      deleteQuietly(temporary, e);
      throw e;
    }
  }

  private static void deleteQuietly(Path temporary, Throwable cause) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException cleanup) {
      cause.addSuppressed(cleanup);
    }
  }
}
