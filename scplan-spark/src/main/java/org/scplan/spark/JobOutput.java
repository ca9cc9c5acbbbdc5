package org.scplan.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a job's results under one output directory on any file system Spark reaches (local, HDFS,
 * S3…): each table as a directory of Parquet files, or of CSV files with a header on request, and
 * the summary as one JSON file. The directory must not exist yet.
 */
public final class JobOutput {
  /** File formats of the tables. */
  public enum Format {
    /** Apache Parquet (the default): typed columns, arrays kept. */
    PARQUET,
    /**
     * CSV with a header, one line per row: array columns are joined with ';' and line breaks in
     * text (the uncertainty JSON) become spaces, and quotes in a field are doubled (RFC 4180).
     */
    CSV
  }

  private JobOutput() {}

  /** Writes {@code table} to {@code directory/name} in {@code format}. */
  public static void table(Dataset<Row> table, String directory, String name, Format format) {
    String path = directory + "/" + name;
    if (format == Format.PARQUET) {
      table.write().parquet(path);
      return;
    }
    Dataset<Row> flat = table;
    for (StructField field : table.schema().fields()) {
      if (field.dataType() instanceof ArrayType) {
        Column joined = functions.concat_ws(";", table.col(field.name()));
        flat = flat.withColumn(field.name(), joined);
      } else if (field.dataType() instanceof StringType) {
        Column oneLine = functions.regexp_replace(table.col(field.name()), "\\s*\\R\\s*", " ");
        flat = flat.withColumn(field.name(), oneLine);
      }
    }
    // A quote inside a quoted field doubled (RFC 4180), not Spark's default backslash.
    flat.coalesce(1).write().option("header", "true").option("escape", "\"").csv(path);
  }

  /** Writes {@code text} to the file {@code directory/name} (UTF-8). */
  public static void text(SparkSession spark, String directory, String name, String text) {
    Path file = new Path(directory, name);
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(file, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** {@code name} of a format as given on the command line, any case. */
  static Format format(String name) {
    return Format.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
