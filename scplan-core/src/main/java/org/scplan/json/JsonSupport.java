package org.scplan.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scplan.support.AtomicFiles;
import org.scplan.validation.InputLimits;
import org.scplan.validation.Problem;
import org.scplan.validation.ScenarioValidationException;

/**
 * The one configured Jackson mapper, with the parsing and printing that {@link ScenarioJson} and
 * {@link PlanJson} share. Parsing turns every Jackson failure into a located {@link Problem};
 * printing is deterministic (2-space indent, {@code \n}, trailing newline).
 */
final class JsonSupport {
  /** Deepest nesting of objects and arrays accepted; a scenario needs six levels. */
  static final int MAX_NESTING_DEPTH = 64;

  /** Longest string value accepted, in characters: the longest text validation lets through. */
  static final int MAX_STRING_LENGTH = InputLimits.MAX_TEXT_LENGTH;

  /**
   * Longest field name accepted, in characters: names are field names or ids (plans key maps by id)
   * or role names, which validation holds to this length, so every written file reads back.
   */
  static final int MAX_NAME_LENGTH = InputLimits.MAX_ID_LENGTH;

  /** Longest number accepted, in characters. */
  static final int MAX_NUMBER_LENGTH = 100;

  /** Largest document accepted, in bytes (256 MB). */
  static final long MAX_DOCUMENT_LENGTH = 256L * 1024 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNameLength(MAX_NAME_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Callers own the streams they pass in; read(Path) closes its own.
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private static final JsonSetter.Value NULLS_ALLOWED = JsonSetter.Value.forValueNulls(Nulls.SET);

  /** The mapper, strict for databind reads: no unknown, missing or coerced values. */
  static final JsonMapper MAPPER =
      JsonMapper.builder(FACTORY)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          // null only where the type says "or null" (the boxed numbers); a null id, list or map in
          // a plan is a corrupt file, not a value
          .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL))
          .withConfigOverride(Integer.class, nullable -> nullable.setSetterInfo(NULLS_ALLOWED))
          .withConfigOverride(Long.class, nullable -> nullable.setSetterInfo(NULLS_ALLOWED))
          .withConfigOverride(Double.class, nullable -> nullable.setSetterInfo(NULLS_ALLOWED))
          .build();

  private static final Pattern BYTE_OFFSET = Pattern.compile("byte #(\\d+)");

  private static final ObjectWriter PRINTER = MAPPER.writer(prettyPrinter());

  /** {@link #PRINTER} for a stream that {@link AtomicFiles} closes itself. */
  private static final ObjectWriter STREAM_PRINTER =
      PRINTER.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private static final String LIMITS_HINT =
      "inputs are limited to a nesting depth of "
          + MAX_NESTING_DEPTH
          + ", strings of "
          + MAX_STRING_LENGTH
          + " characters, field names of "
          + MAX_NAME_LENGTH
          + " characters, numbers of "
          + MAX_NUMBER_LENGTH
          + " characters and documents of "
          + MAX_DOCUMENT_LENGTH
          + " bytes.";

  private JsonSupport() {}

  /** Opens a parser on some input; lets one parse routine serve strings and streams. */
  @FunctionalInterface
  interface ParserOpener {
    JsonParser open(JsonFactory factory) throws IOException;
  }

  /**
   * Parses one JSON document into a tree.
   *
   * @throws ScenarioValidationException with a single problem located by line and column when the
   *     input is not one well-formed JSON value within the limits, or cannot be read
   */
  static JsonNode parse(ParserOpener opener, String sourceName) {
    JsonParser parser;
    try {
      parser = opener.open(FACTORY);
    } catch (JsonProcessingException e) {
      throw invalid(sourceName, syntaxProblem(e, null, sourceName));
    } catch (CharConversionException e) {
      throw invalid(sourceName, encodingProblem(e, sourceName));
    } catch (IOException e) {
      throw unreadable(sourceName, e);
    }
    try (parser) {
      // Caught inside: closing the parser moves its location to the end of the input.
      try {
        return readOneValue(parser, sourceName);
      } catch (JsonProcessingException e) {
        throw invalid(sourceName, syntaxProblem(e, parser, sourceName));
      } catch (CharConversionException e) {
        throw invalid(sourceName, encodingProblem(e, sourceName));
      }
    } catch (IOException e) {
      throw unreadable(sourceName, e);
    }
  }

  /**
   * Jackson reports an impossible UTF-32 character, or a UCS-4 byte order it does not support, as a
   * plain I/O exception. The first ends "at char #C, byte #B)", and that byte offset locates it;
   * the second comes from the encoding detection on the first four bytes, so byte 0.
   */
  private static Problem encodingProblem(CharConversionException e, String sourceName) {
    String message = Objects.requireNonNullElse(e.getMessage(), "Invalid character");
    Matcher offset = BYTE_OFFSET.matcher(message);
    String location = sourceName + " byte " + (offset.find() ? offset.group(1) : "0");
    return new Problem(
        location,
        "",
        "The input is not valid text: " + message.replaceAll("\\s*\\(?at char #.*$", "") + ".",
        "save the file as UTF-8.");
  }

  /**
   * Parses one JSON document from a byte stream: UTF-8 (with or without a byte order mark), or
   * UTF-16 or UTF-32 as Jackson detects them. UTF-8 is decoded strictly first, because Jackson's
   * decoder accepts overlong forms (bytes C0 AF read as "/"), which would change what the user
   * wrote without a word.
   *
   * @throws ScenarioValidationException as {@link #parse(ParserOpener, String)}, and with the line
   *     and column of the first malformed UTF-8 sequence
   */
  static JsonNode parse(InputStream in, String sourceName) {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_DOCUMENT_LENGTH + 1));
    } catch (IOException e) {
      throw unreadable(sourceName, e);
    }
    if (bytes.length > MAX_DOCUMENT_LENGTH) {
      throw invalid(
          sourceName,
          new Problem(
              sourceName,
              "",
              "The input is longer than " + MAX_DOCUMENT_LENGTH + " bytes.",
              LIMITS_HINT));
    }
    if (looksLikeUtf8(bytes)) {
      requireStrictUtf8(bytes, sourceName);
    }
    return parse(factory -> factory.createParser(bytes), sourceName);
  }

  /** As Jackson decides: no UTF-16/32 byte order mark and no zero byte among the first four. */
  private static boolean looksLikeUtf8(byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return false;
    }
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return true;
  }

  private static void requireStrictUtf8(byte[] bytes, String sourceName) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes);
    CharBuffer output = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(input, output, true);
      if (result.isError()) {
        int offset = input.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
          if (bytes[i] == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        StringBuilder sequence = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + result.length()); i++) {
          sequence.append(String.format(Locale.ROOT, " 0x%02X", bytes[i] & 0xFF));
        }
        throw invalid(
            sourceName,
            new Problem(
                sourceName + " line " + line + ", column " + column,
                "",
                "Invalid UTF-8: the byte sequence" + sequence + " is not a character.",
                "save the file as UTF-8 (it may be Latin-1 or Windows-1252)."));
      }
      if (result.isUnderflow()) {
        break;
      }
      output.clear();
    }
  }

  private static JsonNode readOneValue(JsonParser parser, String sourceName) throws IOException {
    JsonNode root = MAPPER.readTree(parser);
    if (root == null) {
      throw invalid(
          sourceName,
          new Problem(
              at(sourceName, parser.currentLocation()),
              "",
              "The input is empty.",
              "the input must hold one JSON object with a \"formatVersion\"."));
    }
    if (parser.nextToken() != null) {
      throw invalid(
          sourceName,
          new Problem(
              at(sourceName, parser.currentTokenLocation()),
              "",
              "Unexpected content after the end of the top-level JSON value.",
              "the input holds exactly one JSON object; remove what follows its closing brace."));
    }
    return root;
  }

  /**
   * Records a problem unless {@code root} has {@code "formatVersion": expected}.
   *
   * @return false when the document declares another version: its other contents follow rules this
   *     release does not know, so reporting them would only mislead
   */
  static boolean checkFormatVersion(
      JsonNode root, int expected, String sourceName, List<Problem> problems) {
    JsonNode version = root.get("formatVersion");
    String location = sourceName + " $";
    String hint = "this release reads formatVersion " + expected + ".";
    if (version == null) {
      problems.add(
          new Problem(
              location,
              "formatVersion",
              "The formatVersion is missing.",
              "add \"formatVersion\": " + expected + " as the first field; " + hint));
      return true;
    }
    if (!version.isIntegralNumber()) {
      problems.add(
          new Problem(
              location,
              "formatVersion",
              "Expected a whole number but found " + NodeReader.describe(version) + ".",
              hint));
      return true;
    }
    if (!version.canConvertToInt() || version.intValue() != expected) {
      problems.add(
          new Problem(
              location,
              "formatVersion",
              "The formatVersion " + version.asText() + " is not supported.",
              hint));
      return false;
    }
    return true;
  }

  /**
   * The document as text: 2-space indent, {@code \n} line endings on every platform, {@code ": "}
   * between name and value, a trailing newline.
   *
   * @throws IllegalArgumentException if it holds a NaN or infinite number, which JSON cannot
   *     represent and which could therefore not be read back
   */
  static String print(JsonNode document, String what) {
    requireFinite(document, "$", what);
    try {
      return PRINTER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot print " + what + " as JSON", e);
    }
  }

  /**
   * {@code value}'s record fields after a leading {@code formatVersion}, printed as by {@link
   * #print}: the layout every document scplan writes shares.
   */
  static String printVersioned(int formatVersion, Object value, String what) {
    return print(versioned(formatVersion, value), what);
  }

  /** The tree of {@code value}'s record fields after a leading {@code formatVersion}. */
  static ObjectNode versioned(int formatVersion, Object value) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", formatVersion);
    root.setAll((ObjectNode) MAPPER.valueToTree(value));
    return root;
  }

  /**
   * Reads {@code file} with {@code reader}, named by its path as given.
   *
   * @throws ScenarioValidationException also when the file is missing or unreadable, so that
   *     callers handle every unusable input the same way
   */
  static <T> T readFile(Path file, BiFunction<InputStream, String, T> reader) {
    String sourceName = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return reader.apply(in, sourceName);
    } catch (NoSuchFileException e) {
      throw invalid(
          sourceName,
          new Problem(
              sourceName,
              "",
              "The file does not exist.",
              "check the path; relative paths start at " + Path.of("").toAbsolutePath() + "."));
    } catch (IOException e) {
      throw unreadable(sourceName, e);
    }
  }

  /**
   * Writes {@code document} to {@code file} as {@link #print} prints it, atomically, streamed
   * straight into the file (no copy of the text in memory: a million-partner scenario is 300 MB of
   * JSON).
   *
   * @throws IllegalArgumentException if it holds a NaN or infinite number; nothing is written then
   * @throws ScenarioValidationException if it is longer than the readers take ({@link #readable});
   *     nothing is written then
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  static void writeAtomically(Path file, JsonNode document, String what) {
    requireFinite(document, "$", what);
    AtomicFiles.write(
        file,
        out -> {
          // Through a Writer, as writeValueAsString prints: Jackson's byte generator would escape
          // characters beyond U+FFFF, and the file would differ from the printed text.
          Writer text =
              new OutputStreamWriter(readable(out, MAX_DOCUMENT_LENGTH, file, what), UTF_8);
          STREAM_PRINTER.writeValue(text, document);
          text.write('\n');
          text.flush();
        });
  }

  /**
   * A top-level JSON object written field by field into a generator: each field's value, and each
   * element of a list field, is built as a small tree, checked and written before the next is
   * built, so that a document of a million entities is never held as one tree. The text is the one
   * {@link #print} gives for the whole tree.
   */
  static final class ObjectStream {
    private final JsonGenerator generator;
    private final String what;

    private ObjectStream(JsonGenerator generator, String what) {
      this.generator = generator;
      this.what = what;
    }

    /** Writes the field {@code name} with {@code value}. */
    void field(String name, JsonNode value) throws IOException {
      requireFinite(value, "$." + name, what);
      generator.writeFieldName(name);
      generator.writeTree(value);
    }

    /**
     * Writes the field {@code name}: an array of one object per element, filled by {@code fill}.
     */
    <T> void array(String name, List<T> elements, BiConsumer<ObjectNode, T> fill)
        throws IOException {
      generator.writeFieldName(name);
      generator.writeStartArray();
      for (int i = 0; i < elements.size(); i++) {
        ObjectNode element = MAPPER.createObjectNode();
        fill.accept(element, elements.get(i));
        requireFinite(element, "$." + name + "[" + i + "]", what);
        generator.writeTree(element);
      }
      generator.writeEndArray();
    }
  }

  /** What an {@link ObjectStream} is given to write. */
  @FunctionalInterface
  interface ObjectContent {
    void writeTo(ObjectStream document) throws IOException;
  }

  /**
   * The object that {@code content} writes, as text laid out as by {@link #print}.
   *
   * @throws IllegalArgumentException if it holds a NaN or infinite number
   */
  static String print(String what, ObjectContent content) {
    StringWriter text = new StringWriter();
    try {
      writeObject(text, what, content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot print " + what + " as JSON", e);
    }
    return text.toString();
  }

  /**
   * Writes the object that {@code content} writes to {@code file}, atomically, streamed: neither
   * the document's tree nor its text is ever held whole.
   *
   * @throws IllegalArgumentException if it holds a NaN or infinite number; nothing is written then
   * @throws ScenarioValidationException if it is longer than the readers take ({@link #readable});
   *     nothing is written then
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  static void writeAtomically(Path file, String what, ObjectContent content) {
    AtomicFiles.write(
        file,
        out -> {
          Writer text =
              new OutputStreamWriter(readable(out, MAX_DOCUMENT_LENGTH, file, what), UTF_8);
          writeObject(text, what, content);
          text.flush();
        });
  }

  /**
   * {@code out}, refusing a document longer than {@code limit} bytes: the readers refuse such a
   * file ({@link #MAX_DOCUMENT_LENGTH}), so writing it would leave a file that nothing reads back.
   * The refusal is a {@link ScenarioValidationException} located at {@code file}.
   */
  static OutputStream readable(OutputStream out, long limit, Path file, String what) {
    return new FilterOutputStream(out) {
      private long written;

      @Override
      public void write(int b) throws IOException {
        count(1);
        out.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        count(length);
        out.write(bytes, offset, length);
      }

      private void count(int bytes) {
        written += bytes;
        if (written > limit) {
          throw invalid(
              file.toString(),
              new Problem(
                  file.toString(),
                  "",
                  "The "
                      + what
                      + " is more than "
                      + limit
                      + " bytes of JSON, the most a file may hold to be read back; nothing was"
                      + " written.",
                  "split the scenario into smaller ones; a CSV workbook can also be given as it"
                      + " is to validate, solve and report."));
        }
      }
    };
  }

  private static void writeObject(Writer text, String what, ObjectContent content)
      throws IOException {
    try (JsonGenerator generator = STREAM_PRINTER.createGenerator(text)) {
      generator.writeStartObject();
      content.writeTo(new ObjectStream(generator, what));
      generator.writeEndObject();
    }
    text.write('\n');
  }

  /** A validation exception for {@code sourceName} with one problem. */
  static ScenarioValidationException invalid(String sourceName, Problem problem) {
    return new ScenarioValidationException(sourceName, List.of(problem));
  }

  /** "{@code sourceName} line L, column C", or just the source name when the place is unknown. */
  static String at(String sourceName, JsonLocation where) {
    if (where == null || where.getLineNr() < 1) {
      return sourceName;
    }
    return sourceName + " line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  private static ScenarioValidationException unreadable(String sourceName, IOException e) {
    return invalid(
        sourceName,
        new Problem(
            sourceName,
            "",
            "Cannot read the input: " + e.getClass().getSimpleName() + " " + e.getMessage() + ".",
            ""));
  }

  private static Problem syntaxProblem(
      JsonProcessingException e, JsonParser parser, String sourceName) {
    // Limit violations carry no location of their own; the parser knows where it stopped.
    JsonLocation where = e.getLocation();
    if (where == null && parser != null) {
      where = parser.currentLocation();
    }
    String message = message(e);
    String hint = "";
    // Jackson throws a plain JsonParseException, not a JsonEOFException, when the input ends right
    // after a comma; both are the same truncation to the user.
    if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
      return new Problem(
          at(sourceName, where),
          "",
          "The input ends in the middle of the JSON: it looks truncated ("
              + lowerFirst(message)
              + ")",
          "check that the whole file was saved or copied: the rest of it is missing.");
    }
    if (e instanceof StreamConstraintsException) {
      hint = LIMITS_HINT;
    } else if (message.startsWith("Duplicate field")) {
      hint = "remove one of the two: a field may appear only once in an object.";
    } else if (message.startsWith("Non-standard token")) {
      hint = "JSON has no NaN or Infinity: write a finite number.";
    }
    return new Problem(at(sourceName, where), "", message, hint);
  }

  private static String lowerFirst(String message) {
    String text = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Jackson's message as a sentence, without its location suffix and without what only a Jackson
   * programmer could act on: the names of its settings and its verbose "[Source: …; line: L,
   * column: C]" references.
   */
  static String message(JsonProcessingException e) {
    String message =
        Objects.requireNonNullElse(e.getOriginalMessage(), "Malformed JSON")
            .replaceAll(", from `[^`]*`", "")
            .replaceAll("[:;] enable `[^`]*` to allow", "")
            .replaceAll("; `[^`]*` enabled", "")
            .replaceAll(" \\(but [^()]*coercion[^()]*\\)", "")
            .replaceAll(
                "\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    return message.endsWith(".") ? message : message + ".";
  }

  private static void requireFinite(JsonNode node, String path, String what) {
    if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      throw new IllegalArgumentException(
          "Cannot write "
              + what
              + ": "
              + path
              + " is "
              + node.doubleValue()
              + ", which JSON cannot represent.");
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireFinite(node.get(i), path + "[" + i + "]", what);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        requireFinite(field.getValue(), path + "." + field.getKey(), what);
      }
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
