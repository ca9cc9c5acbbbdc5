/**
 * Assessment, monitoring and evaluation (DoDI 5132.14): a plan's execution so far against the plan,
 * by program and fiscal year, the money left to lapse, the activities off plan, and each measure of
 * effectiveness and performance against its target ({@link org.scplan.assessment.Assessment#of};
 * docs/MODEL.md §10).
 */
package org.scplan.assessment;
