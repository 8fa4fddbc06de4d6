/**
 * The audit log: who read or changed what, when and from where. Every module that reads personal data or
 * changes anything records it here through {@link cn.pingangrid.audit.AuditTrail}; only ADMIN reads it.
 */
package cn.pingangrid.audit;
