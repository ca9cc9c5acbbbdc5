package org.scplan.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.scplan.validation.Problem;

/**
 * Loads the CSV files of a scenario from a folder or a zip archive into memory, by file name,
 * within the limits documented on {@link ScenarioCsv}. Files whose names do not end in {@code .csv}
 * and hidden files are not CSV sheets and are passed over; everything wrong is a problem.
 */
final class CsvSource {
  /** Largest CSV file accepted, in bytes (64 MiB). */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  /** Largest total of all CSV files, in bytes (256 MiB). */
  static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

  /** Most entries (files and folders) a zip archive may hold. */
  static final int MAX_ZIP_ENTRIES = 1_000;

  /** Highest ratio of uncompressed to compressed size accepted for a zip entry over 1 MiB. */
  static final int MAX_COMPRESSION_RATIO = 100;

  private static final long RATIO_CHECK_FROM_BYTES = 1024L * 1024;

  private CsvSource() {}

  /** The CSV texts by file name, or problems. */
  record Files(SortedMap<String, String> texts, List<Problem> problems) {}

  /** Whether {@code path} names a zip archive rather than a folder. */
  static boolean isZip(Path path) {
    return fileName(path).toLowerCase(Locale.ROOT).endsWith(".zip");
  }

  /** The last element of {@code path}, or "" for a root. */
  private static String fileName(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }

  static Files load(Path path) {
    List<Problem> problems = new ArrayList<>();
    SortedMap<String, String> texts = new TreeMap<>();
    String name = path.toString();
    if (java.nio.file.Files.isDirectory(path)) {
      loadFolder(path, texts, problems);
    } else if (!java.nio.file.Files.exists(path)) {
      problems.add(
          new Problem(
              name,
              "",
              "The folder or zip archive does not exist.",
              "check the path; relative paths start at " + Path.of("").toAbsolutePath() + "."));
    } else if (isZip(path)) {
      loadZip(path, texts, problems);
    } else {
      problems.add(
          new Problem(
              name,
              "",
              "Expected a folder of CSV files or a .zip archive of them, but this is a file.",
              "give the folder that holds scenario.csv, partners.csv, …, or a .zip of it."));
    }
    return new Files(texts, problems);
  }

  private static void loadFolder(Path folder, SortedMap<String, String> texts, List<Problem> out) {
    List<Path> sheets;
    Path realFolder;
    try (Stream<Path> entries = java.nio.file.Files.list(folder)) {
      sheets = entries.filter(entry -> isSheetName(fileName(entry))).sorted().toList();
      realFolder = folder.toRealPath();
    } catch (IOException e) {
      out.add(new Problem(folder.toString(), "", "Cannot list the folder: " + e.getMessage(), ""));
      return;
    }
    long total = 0;
    for (Path sheet : sheets) {
      String fileName = fileName(sheet);
      try {
        String refusal = refusal(sheet, realFolder);
        if (refusal != null) {
          out.add(
              new Problem(
                  fileName,
                  "",
                  refusal,
                  "copy the file itself into the folder; sheets are read only from inside it."));
          continue;
        }
        long size = java.nio.file.Files.size(sheet);
        total += size;
        if (size > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
          out.add(tooLarge(fileName, size > MAX_FILE_BYTES));
          continue;
        }
        decode(fileName, java.nio.file.Files.readAllBytes(sheet), texts, out);
      } catch (IOException e) {
        out.add(new Problem(fileName, "", "Cannot read the file: " + e.getMessage(), ""));
      }
    }
  }

  /**
   * Why {@code sheet} is not read, or null: a link is followed only to a regular file inside the
   * folder, and anything but a regular file (a FIFO, a device, a folder) is refused, so that a
   * workbook cannot make scplan read, or echo in a problem, a file elsewhere on the machine.
   */
  private static String refusal(Path sheet, Path realFolder) throws IOException {
    if (java.nio.file.Files.isSymbolicLink(sheet)) {
      Path target;
      try {
        target = sheet.toRealPath();
      } catch (IOException e) {
        return "The file is a link to nothing that can be read.";
      }
      if (!realFolder.equals(target.getParent())) {
        return "The file is a link to a file outside the folder.";
      }
    }
    if (!java.nio.file.Files.isRegularFile(sheet)) {
      return "The file is not a regular file (a folder, a FIFO or a device).";
    }
    return null;
  }

  private static boolean isSheetName(String fileName) {
    return !fileName.startsWith(".") && fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  private static void loadZip(Path archive, SortedMap<String, String> texts, List<Problem> out) {
    String archiveName = archive.toString();
    try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
      if (zip.size() > MAX_ZIP_ENTRIES) {
        out.add(
            new Problem(
                archiveName,
                "",
                "The archive has "
                    + zip.size()
                    + " entries, more than the "
                    + MAX_ZIP_ENTRIES
                    + " allowed.",
                "zip only the scenario's CSV files."));
        return;
      }
      String folder = null;
      long total = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String entryName = entry.getName();
        String where = archiveName + " entry '" + entryName + "'";
        if (unsafe(entryName)) {
          out.add(
              new Problem(
                  where,
                  "",
                  "The entry's path is absolute or climbs out of the archive ('..').",
                  "zip the scenario folder itself, with relative paths."));
          continue;
        }
        int slash = entryName.lastIndexOf('/');
        String fileName = entryName.substring(slash + 1);
        if (entry.isDirectory() || entryName.startsWith("__MACOSX/") || !isSheetName(fileName)) {
          continue;
        }
        String entryFolder = entryName.substring(0, slash + 1);
        if (folder == null) {
          folder = entryFolder;
        } else if (!folder.equals(entryFolder)) {
          out.add(
              new Problem(
                  where,
                  "",
                  "CSV files in more than one folder: '" + folder + "' and '" + entryFolder + "'.",
                  "put every CSV file of the scenario in one folder of the archive."));
          continue;
        }
        long budget = Math.min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - total);
        byte[] bytes = readLimited(zip, entry, budget);
        if (bytes == null) {
          out.add(tooLarge(entryName, budget == MAX_FILE_BYTES));
          return;
        }
        total += bytes.length;
        long compressed = Math.max(1, entry.getCompressedSize());
        if (bytes.length > RATIO_CHECK_FROM_BYTES
            && bytes.length / compressed > MAX_COMPRESSION_RATIO) {
          out.add(
              new Problem(
                  where,
                  "",
                  "The entry expands "
                      + bytes.length / compressed
                      + " times, more than the "
                      + MAX_COMPRESSION_RATIO
                      + " times allowed (a zip bomb?).",
                  "zip the CSV files with ordinary compression."));
          return;
        }
        if (texts.containsKey(fileName)) {
          out.add(new Problem(where, "", "A second entry named '" + fileName + "'.", ""));
          continue;
        }
        decode(fileName, bytes, texts, out);
      }
    } catch (ZipException e) {
      out.add(
          new Problem(
              archiveName,
              "",
              "Not a readable zip archive: " + e.getMessage() + ".",
              "give a .zip archive or a folder."));
    } catch (IOException e) {
      out.add(new Problem(archiveName, "", "Cannot read the archive: " + e.getMessage(), ""));
    }
  }

  /** Absolute paths, drive letters, backslashes and ".." segments are refused. */
  private static boolean unsafe(String entryName) {
    if (entryName.startsWith("/") || entryName.contains("\\") || entryName.contains(":")) {
      return true;
    }
    for (String segment : entryName.split("/", -1)) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The entry's bytes, counted as they are inflated (the sizes in the archive's headers can lie),
   * or {@code null} when it holds more than {@code limit} bytes.
   */
  private static byte[] readLimited(ZipFile zip, ZipEntry entry, long limit) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      return bytes.length > limit ? null : bytes;
    }
  }

  private static Problem tooLarge(String fileName, boolean single) {
    return new Problem(
        fileName,
        "",
        single
            ? "The file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB."
            : "The CSV files together are larger than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB.",
        "split the scenario, or check that this is the right file.");
  }

  private static void decode(
      String fileName, byte[] bytes, SortedMap<String, String> texts, List<Problem> out) {
    try {
      texts.put(
          fileName,
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      out.add(
          new Problem(
              fileName,
              "",
              "The file is not UTF-8 text.",
              "save it from the spreadsheet as \"CSV UTF-8 (comma delimited)\"."));
    }
  }
}
