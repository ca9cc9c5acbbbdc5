package org.scplan.validation;

import java.io.Serializable;
import org.scplan.support.Copies;
import org.scplan.support.Messages;

/**
 * One thing wrong with an input, located precisely enough to fix it.
 *
 * @param location where: an entity ("Partner 'p-bandaria'", "Program 'fmf' appropriation FY2027")
 *     or a place in a file ("scenario.json line 12, column 5, $.partners[3]")
 * @param field the field at fault (e.g. "propensity"), or "" when the whole entity is at fault
 * @param message what is wrong, with the offending value
 * @param hint "Maybe …": the likely fix, or ""
 */
public record Problem(String location, String field, String message, String hint)
    implements Serializable {
  public Problem {
    Copies.required(location, "Problem", "location");
    Copies.required(message, "Problem", "message");
    field = field == null ? "" : field;
    hint = hint == null ? "" : hint;
  }

  /**
   * One line: "location, field: message. Maybe hint." or, for a suggested id, "location, field:
   * message. Did you mean 'x'?" (sentences from {@link Messages#withHint}).
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(location);
    if (!field.isEmpty()) {
      text.append(", ").append(field);
    }
    return text.append(": ").append(Messages.withHint(message, hint)).toString();
  }
}
