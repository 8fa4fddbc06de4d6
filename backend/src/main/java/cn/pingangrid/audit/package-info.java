/**
 * The audit log: who read or changed what, when and from where. Every module that reads personal data or
 * changes anything records it here through {@link cn.pingangrid.audit.AuditTrail}; only ADMIN reads it.
 *
 * <p>Other modules see only {@link cn.pingangrid.audit.AuditTrail}; the entry, the reader, the request-end
 * flush and the HTTP API live in {@code internal}.
 */
package cn.pingangrid.audit;
