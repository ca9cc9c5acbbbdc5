package org.scplan.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scplan.validation.Problem;

/**
 * Reads the fields of one JSON object by hand, recording a located {@link Problem} for anything
 * structurally wrong instead of throwing, so that one pass reports every problem of a document.
 *
 * <p>After a problem, a read method returns a placeholder ({@code null}, 0, an empty list) so that
 * reading can go on; callers build their record only when {@link #clean()}. A field of an optional
 * reference type that is absent or JSON {@code null} reads as {@code null}, which the records turn
 * into their defaults; a field of an optional primitive type may be absent but not {@code null}.
 *
 * <p>Problems are located as {@code "<source> $.partners[3] (partner 'p-bandaria')"}: the JSON path
 * of the object and the id of the nearest enclosing entity; the problem's field is the field name,
 * with an index or key for an element ({@code costProfile[2]}, {@code desireByRole['maritime']}).
 */
final class NodeReader {
  /** Known field names of a record type: its components, in declaration order. */
  private static final ClassValue<List<String>> FIELDS =
      new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
          return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
      };

  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern SPREADSHEET_MONEY = Pattern.compile("\\$?[0-9][0-9,_ ]*");
  private static final Pattern INTEGER_KEY = Pattern.compile("-?[0-9]+");
  private static final int LONGEST_QUOTED_STRING = 40;

  /**
   * Converts one JSON value; records a problem under {@code field} and returns null when it cannot.
   */
  @FunctionalInterface
  private interface Converter<T> {
    T convert(JsonNode value, String field);
  }

  /**
   * Converts one object key; records a problem under {@code field} and returns null when it cannot.
   */
  @FunctionalInterface
  private interface KeyParser<K> {
    K parse(String key, String field);
  }

  private final List<Problem> problems;
  private final String sourceName;
  private final ObjectNode node;
  private final String path;
  private final String label;
  private final int mark;

  private NodeReader(
      List<Problem> problems,
      String sourceName,
      ObjectNode node,
      String path,
      String label,
      String kind,
      List<String> knownFields) {
    this.problems = problems;
    this.sourceName = sourceName;
    this.node = node;
    this.path = path;
    this.label = label;
    this.mark = problems.size();
    reportUnknownFields(kind, knownFields);
  }

  /**
   * A reader of the top-level object at {@code $}, whose known fields are {@code extraFields}
   * followed by the components of {@code type}.
   */
  static NodeReader root(
      List<Problem> problems,
      String sourceName,
      ObjectNode node,
      String kind,
      Class<? extends Record> type,
      String... extraFields) {
    List<String> known = new ArrayList<>(List.of(extraFields));
    known.addAll(FIELDS.get(type));
    return new NodeReader(problems, sourceName, node, "$", "", kind, known);
  }

  /**
   * A reader of the object at {@code path} (an element of an array read by hand, e.g. one change of
   * a delta), labelled {@code label}, whose known fields are {@code extraFields} followed by the
   * components of {@code type}.
   */
  static NodeReader element(
      List<Problem> problems,
      String sourceName,
      ObjectNode node,
      String path,
      String label,
      String kind,
      Class<? extends Record> type,
      String... extraFields) {
    List<String> known = new ArrayList<>(List.of(extraFields));
    known.addAll(FIELDS.get(type));
    return new NodeReader(problems, sourceName, node, path, label, kind, known);
  }

  /** A JSON value in words for messages: {@code the string "high"}, {@code the number 1.5}. */
  static String describe(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      String text = value.textValue();
      return "the string \""
          + (text.length() > LONGEST_QUOTED_STRING
              ? text.substring(0, LONGEST_QUOTED_STRING) + "…"
              : text)
          + "\"";
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    if (value.isBoolean()) {
      return "the boolean " + value.asText();
    }
    return value.isArray() ? "an array" : "an object";
  }

  /** Whether no problem was recorded since this reader was made, in this object or below it. */
  boolean clean() {
    return problems.size() == mark;
  }

  /** A required string. */
  String requiredString(String field) {
    return required(field, this::text, "a string");
  }

  /** An optional string: {@code null} when absent or null. */
  String optionalString(String field) {
    return optional(field, this::text);
  }

  /** A required whole number that fits in an int. */
  int requiredInt(String field) {
    Integer value = required(field, this::wholeNumber, "a whole number");
    return value == null ? 0 : value;
  }

  /** An optional whole number: {@code absent} when the field is left out. */
  int optionalInt(String field, int absent) {
    return optionalPrimitive(field, this::wholeNumber, "a whole number", absent);
  }

  /** An optional whole number: {@code null} when absent or null. */
  Integer nullableInt(String field) {
    return optional(field, this::wholeNumber);
  }

  /**
   * A whole number or JSON {@code null} that must be written out: a forgotten field must not
   * silently take the meaning of null, {@code nullMeaning}.
   */
  Integer presentNullableInt(String field, String nullMeaning) {
    JsonNode value = node.get(field);
    if (value == null) {
      problem(
          field,
          "Required field '" + field + "' is missing.",
          "add \"" + field + "\" with a whole number, or null for " + nullMeaning + ".");
      return null;
    }
    return value.isNull() ? null : wholeNumber(value, field);
  }

  /** A required finite number. */
  double requiredDouble(String field) {
    Double value = required(field, this::number, "a number");
    return value == null ? 0.0 : value;
  }

  /** An optional finite number: {@code absent} when the field is left out. */
  double optionalDouble(String field, double absent) {
    return optionalPrimitive(field, this::number, "a number", absent);
  }

  /** An optional finite number: {@code null} when absent or null. */
  Double nullableDouble(String field) {
    return optional(field, this::number);
  }

  /** A required amount of money: a JSON integer of whole dollars that fits in a long. */
  long requiredMoney(String field) {
    Long value = required(field, this::money, "whole dollars");
    return value == null ? 0L : value;
  }

  /** An optional amount of whole dollars: {@code absent} when the field is left out. */
  long optionalMoney(String field, long absent) {
    return optionalPrimitive(field, this::money, "whole dollars", absent);
  }

  /** An optional amount of whole dollars: {@code null} when absent or null. */
  Long nullableMoney(String field) {
    return optional(field, this::money);
  }

  /** A required enum constant, written as its upper-case name. */
  <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
    return required(field, (value, at) -> enumConstant(value, at, type), "one of " + names(type));
  }

  /** An optional array of enum names as a set in enum order: {@code null} when absent or null. */
  <E extends Enum<E>> Set<E> enumSet(String field, Class<E> type) {
    List<E> values =
        list(field, (value, at) -> enumConstant(value, at, type), "one of " + names(type));
    if (values == null) {
      return null;
    }
    // A set counts each member once (docs/MODEL.md §2): a repeated entry is a data-entry error.
    EnumSet<E> set = EnumSet.noneOf(type);
    for (int i = 0; i < values.size(); i++) {
      if (!set.add(values.get(i))) {
        problem(
            field + "[" + i + "]",
            values.get(i).name() + " is listed more than once.",
            "list each entry once.");
      }
    }
    return set;
  }

  /** An optional array of strings: {@code null} when absent or null. */
  List<String> strings(String field) {
    return list(field, this::text, "a string");
  }

  /** An optional array of amounts of whole dollars: {@code null} when absent or null. */
  List<Long> moneyList(String field) {
    return list(field, this::money, "whole dollars");
  }

  /** An optional array of finite numbers: {@code null} when absent or null. */
  List<Double> doubles(String field) {
    return list(field, this::number, "a number");
  }

  /** An optional object of numbers keyed by any string: {@code null} when absent or null. */
  Map<String, Double> doublesByString(String field) {
    return map(field, (key, at) -> key);
  }

  /**
   * An optional object of numbers keyed by whole numbers ("1"): {@code null} when absent or null.
   */
  Map<Integer, Double> doublesByInt(String field) {
    return map(field, this::integerKey);
  }

  /** An optional object of numbers keyed by enum names: {@code null} when absent or null. */
  <E extends Enum<E>> Map<E, Double> doublesByEnum(String field, Class<E> type) {
    return map(field, (key, at) -> enumNamed(key, at, type));
  }

  /**
   * A nested object read by {@code mapper} with the known fields of {@code type}; {@code null} when
   * absent, null (a problem if {@code required}) or not an object.
   */
  <T> T object(
      String field,
      Class<? extends Record> type,
      String kind,
      boolean required,
      Function<NodeReader, T> mapper) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        missing(field, value, article(kind) + " object");
      }
      return null;
    }
    if (!value.isObject()) {
      return wrongType(field, article(kind) + " object", value, "");
    }
    return mapper.apply(
        new NodeReader(
            problems,
            sourceName,
            (ObjectNode) value,
            path + "." + field,
            label,
            kind,
            FIELDS.get(type)));
  }

  /**
   * An optional array of objects, each read by {@code mapper} with the known fields of {@code type}
   * and labelled by its {@code idField} ({@code null}: by the enclosing entity); elements that are
   * not objects or not clean are left out. {@code null} when absent or null.
   */
  <T> List<T> objects(
      String field,
      Class<? extends Record> type,
      String kind,
      String idField,
      Function<NodeReader, T> mapper) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      return wrongType(field, "an array", value, "");
    }
    List<T> result = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      String elementPath = path + "." + field + "[" + i + "]";
      if (!element.isObject()) {
        problems.add(
            new Problem(
                sourceName + " " + elementPath,
                "",
                "Expected " + article(kind) + " object but found " + describe(element) + ".",
                ""));
        continue;
      }
      String elementLabel = label;
      JsonNode id = idField == null ? null : element.get(idField);
      if (id != null && id.isTextual()) {
        elementLabel = " (" + kind + " '" + id.textValue() + "')";
      }
      T mapped =
          mapper.apply(
              new NodeReader(
                  problems,
                  sourceName,
                  (ObjectNode) element,
                  elementPath,
                  elementLabel,
                  kind,
                  FIELDS.get(type)));
      if (mapped != null) {
        result.add(mapped);
      }
    }
    return result;
  }

  private void reportUnknownFields(String kind, List<String> knownFields) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      if (!knownFields.contains(name)) {
        String closest = Hints.closest(name, knownFields);
        problem(
            name,
            "Unknown field '" + name + "'.",
            closest != null
                ? "did you mean '" + closest + "'?"
                : "the fields of "
                    + article(kind)
                    + " are "
                    + String.join(", ", knownFields)
                    + ".");
      }
    }
  }

  private <T> T required(String field, Converter<T> converter, String expected) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      missing(field, value, expected);
      return null;
    }
    return converter.convert(value, field);
  }

  private void missing(String field, JsonNode value, String expected) {
    if (value == null) {
      problem(
          field,
          "Required field '" + field + "' is missing.",
          "add \"" + field + "\" with " + expected + ".");
    } else {
      problem(field, "Required field '" + field + "' is null.", "write " + expected + ".");
    }
  }

  private <T> T optional(String field, Converter<T> converter) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : converter.convert(value, field);
  }

  private <T> T optionalPrimitive(String field, Converter<T> converter, String expected, T absent) {
    JsonNode value = node.get(field);
    if (value == null) {
      return absent;
    }
    if (value.isNull()) {
      problem(
          field,
          "Expected " + expected + " but found null.",
          "leave the field out for the default, " + absent + ".");
      return absent;
    }
    T converted = converter.convert(value, field);
    return converted == null ? absent : converted;
  }

  private <T> List<T> list(String field, Converter<T> converter, String expected) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      return wrongType(field, "an array", value, "");
    }
    List<T> result = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      String at = field + "[" + i + "]";
      T converted =
          element.isNull() ? wrongType(at, expected, element, "") : converter.convert(element, at);
      if (converted != null) {
        result.add(converted);
      }
    }
    return result;
  }

  private <K> Map<K, Double> map(String field, KeyParser<K> keys) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      return wrongType(field, "an object", value, "");
    }
    Map<K, Double> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String at = field + "['" + entry.getKey() + "']";
      K key = keys.parse(entry.getKey(), at);
      Double number =
          entry.getValue().isNull()
              ? wrongType(at, "a number", entry.getValue(), "")
              : number(entry.getValue(), at);
      if (key != null && number != null) {
        result.put(key, number);
      }
    }
    return result;
  }

  private String text(JsonNode value, String field) {
    if (value.isTextual()) {
      return value.textValue();
    }
    return wrongType(
        field,
        "a string",
        value,
        value.isNumber() ? "put it in quotes: \"" + value.asText() + "\"." : "");
  }

  private Integer wholeNumber(JsonNode value, String field) {
    if (!value.isNumber()) {
      return wrongType(field, "a whole number", value, unquoteHint(value));
    }
    if (!value.isIntegralNumber()) {
      return wrongType(field, "a whole number", value, "");
    }
    if (!value.canConvertToInt()) {
      problem(
          field,
          "The number " + value.asText() + " is out of range.",
          "whole numbers here lie between "
              + Integer.MIN_VALUE
              + " and "
              + Integer.MAX_VALUE
              + ".");
      return null;
    }
    return value.intValue();
  }

  private Double number(JsonNode value, String field) {
    if (!value.isNumber()) {
      return wrongType(field, "a number", value, unquoteHint(value));
    }
    double number = value.doubleValue();
    if (!Double.isFinite(number)) {
      problem(
          field,
          "The number is too large: it exceeds " + Double.MAX_VALUE + ".",
          "check for extra digits or a wrong exponent.");
      return null;
    }
    return number;
  }

  private Long money(JsonNode value, String field) {
    if (!value.isNumber()) {
      String hint = unquoteHint(value);
      if (hint.isEmpty()
          && value.isTextual()
          && SPREADSHEET_MONEY.matcher(value.textValue().trim()).matches()) {
        hint =
            "write "
                + value.textValue().replaceAll("[^0-9]", "")
                + " without quotes, commas or currency sign.";
      }
      return wrongType(field, "whole dollars", value, hint);
    }
    if (!value.isIntegralNumber()) {
      if (!Double.isFinite(value.doubleValue())) {
        problem(
            field,
            "Money amount is beyond the largest amount, "
                + Long.MAX_VALUE
                + ": money is in whole dollars.",
            "check for extra digits or a wrong exponent.");
        return null;
      }
      BigDecimal decimal = value.decimalValue();
      BigDecimal whole = decimal.setScale(0, RoundingMode.HALF_UP);
      boolean fraction = decimal.compareTo(whole) != 0;
      problem(
          field,
          "Money amount "
              + value.asText()
              + (fraction ? " is not a whole number" : " is written with a fraction or exponent")
              + ": money is in whole dollars.",
          (fraction ? "round it to whole dollars: " : "write ") + whole.toPlainString() + ".");
      return null;
    }
    if (!value.canConvertToLong()) {
      problem(
          field,
          "Money amount "
              + value.asText()
              + " is beyond the largest amount, "
              + Long.MAX_VALUE
              + ": money is in whole dollars.",
          "check for extra digits.");
      return null;
    }
    return value.longValue();
  }

  private <E extends Enum<E>> E enumConstant(JsonNode value, String field, Class<E> type) {
    if (!value.isTextual()) {
      return wrongType(field, "one of " + names(type), value, "");
    }
    return enumNamed(value.textValue(), field, type);
  }

  private <E extends Enum<E>> E enumNamed(String name, String field, Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    String closest = Hints.closest(name, allowed);
    problem(
        field,
        "Unknown value \"" + name + "\".",
        closest != null ? "did you mean \"" + closest + "\"?" : "use one of " + names(type) + ".");
    return null;
  }

  private Integer integerKey(String key, String field) {
    if (INTEGER_KEY.matcher(key).matches()) {
      try {
        return Integer.valueOf(key);
      } catch (NumberFormatException e) {
        problem(
            field,
            "The key " + key + " is out of range.",
            "whole numbers here lie between "
                + Integer.MIN_VALUE
                + " and "
                + Integer.MAX_VALUE
                + ".");
        return null;
      }
    }
    problem(
        field,
        "The key \"" + key + "\" is not a whole number.",
        "write the number in quotes as the key, e.g. \"1\".");
    return null;
  }

  private <T> T wrongType(String field, String expected, JsonNode value, String hint) {
    problem(field, "Expected " + expected + " but found " + describe(value) + ".", hint);
    return null;
  }

  private void problem(String field, String message, String hint) {
    problems.add(new Problem(sourceName + " " + path + label, field, message, hint));
  }

  private static String unquoteHint(JsonNode value) {
    return value.isTextual() && JSON_NUMBER.matcher(value.textValue()).matches()
        ? "remove the quotes: " + value.textValue() + "."
        : "";
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}
