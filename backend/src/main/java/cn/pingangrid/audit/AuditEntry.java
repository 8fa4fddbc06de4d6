package cn.pingangrid.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
class AuditEntry {

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

    AuditEntry(Instant at, String username, String remoteAddr, String action, String objectType, String objectId,
            String detail) {
        this.at = at;
        this.username = username;
        this.remoteAddr = remoteAddr;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.detail = detail == null || detail.length() <= 512 ? detail : detail.substring(0, 512);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("at", at.toString());
        json.put("username", username);
        json.put("remoteAddr", remoteAddr);
        json.put("action", action);
        json.put("objectType", objectType);
        json.put("objectId", objectId);
        json.put("detail", detail);
        return json;
    }
}
