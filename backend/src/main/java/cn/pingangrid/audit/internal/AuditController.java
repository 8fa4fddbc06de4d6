package cn.pingangrid.audit.internal;

import java.util.List;

import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.system.InvalidInputException;

/** The audit log for ADMIN (the path is guarded by the security configuration). Reading it is audited too. */
@RestController
class AuditController {

    private final AuditTrail trail;
    private final AuditLog log;

    AuditController(AuditTrail trail, AuditLog log) {
        this.trail = trail;
        this.log = log;
    }

    @GetMapping("/api/admin/audit")
    List<AuditLine> audit(@RequestParam(required = false) @Size(max = 32) String username,
            @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "须在 1 到 1000 之间");
        }
        trail.record("READ", "audit_log", username, "查看审计日志");
        return log.newest(username, limit);
    }
}
