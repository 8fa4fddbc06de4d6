package cn.pingangrid.audit.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import cn.pingangrid.scope.Unbound;

/** One line of the audit log; never changed once written. */
@Entity
@Unbound("the audit log is read by role (ADMIN), not by area")
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    private String username;
    @Column(name = "remote_addr")
    private String remoteAddr;
    private String action;
    @Column(name = "object_type")
    private String objectType;
    @Column(name = "object_id")
    private String objectId;
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, String username, String remoteAddr, String action, String objectType, String objectId,
            String detail) {
        this.at = at;
        this.username = clip(username, 32);
        this.remoteAddr = clip(remoteAddr, 64);
        this.action = clip(action, 32);
        this.objectType = clip(objectType, 32);
        this.objectId = clip(objectId, 64);
        this.detail = clip(detail, 512);
    }

    /** The same entry, not yet persisted (to write it again after its transaction rolled back). */
    public AuditEntry copy() {
        return new AuditEntry(at, username, remoteAddr, action, objectType, objectId, detail);
    }

    /**
     * A value as the column (V4__accounts_and_audit.sql) can hold it: NUL and other control characters shown as
     * "\\uXXXX", unpaired surrogates as U+FFFD, and cut to {@code max} characters with a final "…". The
     * audit log records what was attempted; it must never fail because of what an attacker typed.
     */
    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max + 8));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() <= max) {
            return out.toString();
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--;
        }
        return out.substring(0, cut) + "…";
    }

    AuditLine line() {
        return new AuditLine(id, at.toString(), username, remoteAddr, action, objectType, objectId, detail);
    }
}
