package org.scplan.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.scplan.support.EditDistance;

/**
 * The ids of one entity list (partners, options…): where each id first occurs, and a hint for a
 * reference to an id that does not exist.
 */
final class KnownIds {
  /**
   * Most id comparisons spent on "did you mean" hints per entity kind. A scenario with thousands of
   * distinct broken references against thousands of ids would otherwise be quadratic; past the
   * budget the hints fall back to a generic fix.
   */
  private static final long COMPARISON_BUDGET = 1_000_000L;

  private static final int MOST_IDS_LISTED = 5;

  private final String kind;
  private final List<String> ids = new ArrayList<>();
  private final List<String> lowerCaseIds = new ArrayList<>();
  private final Map<String, Integer> firstIndex = new HashMap<>();
  private final Map<String, String> closestByUnknownId = new HashMap<>();
  private long comparisonsLeft = COMPARISON_BUDGET;

  private KnownIds(String kind) {
    this.kind = kind;
  }

  /** The non-blank ids of {@code entities}, named {@code kind} in messages (e.g. "Partner"). */
  static <T> KnownIds of(String kind, List<T> entities, Function<T, String> id) {
    KnownIds known = new KnownIds(kind);
    for (int i = 0; i < entities.size(); i++) {
      String value = id.apply(entities.get(i));
      if (!value.isBlank() && known.firstIndex.putIfAbsent(value, i) == null) {
        known.ids.add(value);
        known.lowerCaseIds.add(EditDistance.lowerCase(value));
      }
    }
    return known;
  }

  /** The entity kind, e.g. "Partner". */
  String kind() {
    return kind;
  }

  /** Index in the entity list of the first entity with {@code id}, or -1 when there is none. */
  int indexOf(String id) {
    return firstIndex.getOrDefault(id, -1);
  }

  /**
   * The likely fix for a reference to {@code unknownId}, which is not a known id, never suggesting
   * {@code excludedId} (an option's own id for its prerequisite would make a cycle; may be null).
   */
  String hintFor(String unknownId, String excludedId) {
    String closest = closestByUnknownId.computeIfAbsent(unknownId, this::closestWithinBudget);
    if (!closest.isEmpty() && !closest.equals(excludedId)) {
      return "did you mean '" + closest + "'?";
    }
    String add = "add a " + kind + " with id '" + unknownId + "'";
    if (ids.isEmpty()) {
      return add + " (the scenario has none)";
    }
    if (ids.size() <= MOST_IDS_LISTED) {
      return "use one of "
          + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "))
          + ", or "
          + add;
    }
    return "check the id for a typo, or " + add;
  }

  /**
   * The closest known id, or "" (never an id: ids are non-blank) when none is close or affordable.
   */
  private String closestWithinBudget(String unknownId) {
    if (comparisonsLeft < ids.size()) {
      return "";
    }
    comparisonsLeft -= ids.size();
    int index = EditDistance.closestIndex(unknownId, lowerCaseIds);
    return index < 0 ? "" : ids.get(index);
  }
}
