/**
 * Planner-facing reports of a plan: the Markdown briefing ({@link
 * org.scplan.report.MarkdownReport}), one country-specific security cooperation section (CSCS)
 * draft per partner ({@link org.scplan.report.CscsDraft}) and the self-contained HTML report with
 * the synchronization matrix as a Gantt chart ({@link org.scplan.report.HtmlReport}). Every report
 * reads a {@link org.scplan.report.PlanReport}, which joins a plan with the scenario it was made
 * from and refuses a plan made from another scenario. Reports are pure functions of their input:
 * the same scenario and plan give the same bytes. Money is in US dollars, time in fiscal years,
 * risk in weighted risk points.
 */
package org.scplan.report;
