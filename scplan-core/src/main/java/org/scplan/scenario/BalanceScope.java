package org.scplan.scenario;

/** Whether a balance rule holds in every fiscal year separately or over the whole horizon. */
public enum BalanceScope {
  PER_FISCAL_YEAR,
  HORIZON
}
