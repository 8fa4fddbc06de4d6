package cn.pingangrid.audit.internal;

/** One line of the audit log as {@code GET /api/admin/audit} returns it; every field is present, null or not. */
record AuditLine(Long id, String at, String username, String remoteAddr, String action, String objectType,
        String objectId, String detail) {
}
