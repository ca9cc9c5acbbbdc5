package org.scplan.scenario;

/** The DOTMLPF-P domain of a solution option. */
public enum DotmlpfDomain {
  DOCTRINE,
  ORGANIZATION,
  TRAINING,
  MATERIEL,
  LEADERSHIP_AND_EDUCATION,
  PERSONNEL,
  FACILITIES,
  POLICY
}
