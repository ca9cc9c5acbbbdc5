package org.scplan.scenario;

/**
 * The risk to US strategy if a gap is not closed, on the usual 5×5 matrix, plus the political risk
 * of not providing. All three scores are integers 1–5.
 *
 * @param likelihood likelihood of the negative outcome, 1–5
 * @param consequence operational consequence for shared objectives, 1–5
 * @param politicalRiskOfNotProviding political fallout from not providing, 1–5
 */
public record RiskAssessment(int likelihood, int consequence, int politicalRiskOfNotProviding) {

  /** likelihood × max(consequence, political risk of not providing), 1–25. */
  public int riskScore() {
    return likelihood * Math.max(consequence, politicalRiskOfNotProviding);
  }
}
