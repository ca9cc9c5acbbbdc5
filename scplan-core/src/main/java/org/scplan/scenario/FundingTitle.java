package org.scplan.scenario;

/** The title of the U.S. Code a program's authority comes from. */
public enum FundingTitle {
  /** Title 10: Department of Defense. */
  TITLE_10,
  /** Title 22: Department of State. */
  TITLE_22
}
