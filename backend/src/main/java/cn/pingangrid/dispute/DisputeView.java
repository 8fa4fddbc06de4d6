package cn.pingangrid.dispute;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.Role;
import cn.pingangrid.area.Geography;
import cn.pingangrid.area.Grid;
import cn.pingangrid.area.Village;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.geo.Feature;

/**
 * Disputes as JSON. Parties' names and phones are shown in full only to those handling the case (creator,
 * responsible unit or person, the town office, the unit it is referred to), and every such read is audited;
 * everyone else gets them masked.
 */
@Component
class DisputeView {

    private final Geography geography;
    private final AuditTrail audit;

    DisputeView(Geography geography, AuditTrail audit) {
        this.geography = geography;
        this.audit = audit;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static boolean handles(Dispute d, CurrentUser user) {
        if (user.has(Role.TOWN_OFFICE) || (user.username() != null && user.username().equals(d.getCreatedBy()))) {
            return true;
        }
        String unit = user.unit();
        if (unit != null && (unit.equals(d.getResponsibleUnit()) || unit.equals(d.getReferralUnit()))) {
            return true;
        }
        return user.displayName() != null && user.displayName().equals(d.getResponsiblePerson());
    }

    Map<String, String> villageNames() {
        Map<String, String> names = new HashMap<>();
        geography.names().villages().forEach((code, village) -> names.put(code, village.name()));
        return names;
    }

    /** The map's point: a summary without personal data. */
    Feature feature(Dispute d, Map<String, String> villageNames) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.getId());
        p.put("type", d.getType().name());
        p.put("typeLabel", d.getType().label());
        p.put("status", d.getStatus().name());
        p.put("statusLabel", d.getStatus().label());
        p.put("severity", d.getSeverity().name());
        p.put("severityLabel", d.getSeverity().label());
        p.put("level", d.getLevel().name());
        p.put("sensitive", d.isSensitive());
        p.put("overdue", d.isOverdue());
        p.put("sweptOn", d.getSweptOn().toString());
        p.put("occurredOn", d.getOccurredOn().toString());
        p.put("deadline", d.getDeadline().toString());
        p.put("villageCode", d.getVillageCode());
        p.put("villageName", villageNames.get(d.getVillageCode()));
        p.put("gridCode", d.getGridCode());
        p.put("summary", shorten(d.getSituation(), 60));
        return new Feature(d.getId(), d.getLocation(), p);
    }

    /** The whole record, with the timeline and the steps allowed now; parties masked unless the caller handles it. */
    Map<String, Object> detail(Dispute d, CurrentUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.getId());
        json.put("lng", d.getLocation().getX());
        json.put("lat", d.getLocation().getY());
        Geography.Names names = geography.names();
        json.put("village", Map.of("code", d.getVillageCode(), "name", orEmpty(names.villageName(d.getVillageCode()))));
        json.put("grid", Map.of("code", d.getGridCode(), "name", orEmpty(names.gridName(d.getGridCode()))));
        json.put("sweptOn", d.getSweptOn().toString());
        json.put("occurredOn", d.getOccurredOn().toString());
        json.put("sweptBy", d.getSweptBy());
        json.put("situation", d.getSituation());
        json.put("measures", d.getMeasures());
        json.put("remarks", d.getRemarks());
        json.put("type", code(d.getType()));
        json.put("severity", code(d.getSeverity()));
        json.put("source", code(d.getSource()));
        json.put("status", code(d.getStatus()));
        json.put("level", code(d.getLevel()));
        json.put("peopleInvolved", d.getPeopleInvolved());
        json.put("amountYuan", d.getAmountYuan());
        json.put("sensitive", d.isSensitive());
        json.put("responsibleUnit", d.getResponsibleUnit());
        json.put("responsiblePerson", d.getResponsiblePerson());
        json.put("deadline", d.getDeadline().toString());
        json.put("overdue", d.isOverdue());
        json.put("referral", d.getReferralChannel() == null ? null : Map.of("channel", code(d.getReferralChannel()),
                "unit", d.getReferralUnit()));
        json.put("resolvedOn", d.getResolvedOn() == null ? null : d.getResolvedOn().toString());
        json.put("createdBy", d.getCreatedBy());
        json.put("createdAt", d.getCreatedAt().toString());
        boolean full = handles(d, user);
        json.put("partiesMasked", !full);
        json.put("parties", d.getParties().stream().map(party -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", full ? party.getName() : PersonalDataMask.name(party.getName()));
            m.put("phone", full ? party.getPhone() : PersonalDataMask.phone(party.getPhone()));
            return m;
        }).toList());
        if (full && !d.getParties().isEmpty()) {
            audit.record("READ_PERSONAL_DATA", "dispute", String.valueOf(d.getId()), "当事人姓名和电话（未遮蔽）");
        }
        json.put("timeline", d.getTimeline().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.getAt().toString());
            m.put("actor", e.getActor());
            m.put("action", code(e.getAction()));
            m.put("status", code(e.getStatusAfter()));
            m.put("note", e.getNote());
            return m;
        }).toList());
        boolean readOnly = !user.hasAny(DisputeRegister.HANDLING_ROLES) && !user.has(Role.MEDIATOR);
        json.put("allowedActions", readOnly ? List.of()
                : d.allowedActions().stream().map(DisputeView::code).toList());
        return json;
    }

    static Map<String, String> code(Coded coded) {
        return Map.of("code", coded.name(), "label", coded.label());
    }

    static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
