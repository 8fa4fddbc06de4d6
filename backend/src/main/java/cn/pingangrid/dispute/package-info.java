/**
 * 矛盾纠纷: the geo-tagged dispute register, its graded mediation workflow and timeline, masking of parties'
 * personal data, sensitive reports pushed to the town office, overdue marking, and the register as XLSX.
 */
package cn.pingangrid.dispute;
