/**
 * 矛盾纠纷: the geo-tagged dispute register, its graded mediation workflow and timeline, masking of parties'
 * personal data, sensitive reports pushed to the town office, overdue marking, and the register as XLSX.
 *
 * <p>Other modules see only this package: {@link cn.pingangrid.dispute.DisputeLocations} and its records, the codes
 * of type, severity, status and handling level, and the {@link cn.pingangrid.dispute.SensitiveDisputeReported}
 * event. The register, the workflow, the views and the HTTP API live in {@code internal}.
 */
package cn.pingangrid.dispute;
