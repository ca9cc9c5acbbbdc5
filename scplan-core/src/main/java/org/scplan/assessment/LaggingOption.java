package org.scplan.assessment;

import java.util.List;
import org.scplan.support.Copies;

/**
 * A funded option at least one of whose measures of performance lags, with the effectiveness the
 * re-plan gives it (docs/MODEL.md §10).
 *
 * @param optionId the option
 * @param measureIds its lagging MOPs
 * @param achievement the lowest achievement of its observed MOPs, a fraction (1 = on the line)
 * @param effectiveness the factor its closure is scaled by when re-planning: {@code achievement}
 *     bounded to [{@value Assessment#MINIMUM_EFFECTIVENESS}, 1]
 */
public record LaggingOption(
    String optionId, List<String> measureIds, double achievement, double effectiveness) {
  public LaggingOption {
    Copies.required(optionId, "LaggingOption", "optionId");
    measureIds = Copies.list(measureIds);
  }
}
