package org.scplan.scenario;

import java.util.List;
import org.scplan.support.Copies;

/**
 * A balancing rule over obligations: the dollars obligated for options carrying any of the rule's
 * tags must stay within a share of all obligations and/or within an amount, in each fiscal year or
 * over the whole horizon. Covers LOE, region, DOTMLPF-P, service and joint-function balancing.
 * Every bound is optional ({@code null}: none).
 *
 * @param id unique id
 * @param description the rule in words, shown in explanations
 * @param tags an option is covered when it carries at least one of these tags
 * @param scope per fiscal year or over the horizon
 * @param minimumShare least share of all obligations in scope, 0–1
 * @param maximumShare greatest share of all obligations in scope, 0–1
 * @param minimumAmount least dollars obligated in scope
 * @param maximumAmount most dollars obligated in scope
 */
public record BalanceRule(
    String id,
    String description,
    List<String> tags,
    BalanceScope scope,
    Double minimumShare,
    Double maximumShare,
    Long minimumAmount,
    Long maximumAmount) {

  public BalanceRule {
    Copies.required(id, "BalanceRule", "id");
    Copies.required(scope, "BalanceRule " + id, "scope");
    description = description == null ? "" : description;
    tags = Copies.list(tags);
  }

  /** Whether an option with these tags is covered by the rule. */
  public boolean covers(List<String> optionTags) {
    for (String tag : optionTags) {
      if (tags.contains(tag)) {
        return true;
      }
    }
    return false;
  }
}
