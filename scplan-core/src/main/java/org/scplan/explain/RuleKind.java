package org.scplan.explain;

/** The kinds of planning rule an explanation or a diagnosis can name (docs/MODEL.md §3–5). */
public enum RuleKind {
  /** A locked decision: the option must be funded by its program from its start FY. */
  LOCKED_DECISION,
  /** A prerequisite: the option needs another one funded and started early enough. */
  PREREQUISITE,
  /** An appropriation's amount: a program's money of one FY (its period of availability). */
  APPROPRIATION,
  /** A partner's absorptive capacity in one FY (dollars of cost executed). */
  ABSORPTIVE_CAPACITY,
  /** A partner's sustainment budget in one FY (dollars of sustainment of completed options). */
  SUSTAINMENT_BUDGET,
  /** A program's per-partner annual cap in one FY (dollars obligated). */
  PROGRAM_PARTNER_CAP,
  /** An SCO's staff capacity in one FY (person-weeks). */
  SCO_STAFF,
  /** A balance rule's minimum share of obligations. */
  BALANCE_MINIMUM_SHARE,
  /** A balance rule's maximum share of obligations. */
  BALANCE_MAXIMUM_SHARE,
  /** A balance rule's minimum amount of covered obligations (dollars). */
  BALANCE_MINIMUM_AMOUNT,
  /** A balance rule's maximum amount of covered obligations (dollars). */
  BALANCE_MAXIMUM_AMOUNT
}
