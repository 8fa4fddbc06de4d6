package cn.pingangrid.dispute.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.pingangrid.account.CurrentUser;
import cn.pingangrid.account.People;
import cn.pingangrid.account.Role;
import cn.pingangrid.area.AreaNames;
import cn.pingangrid.area.Areas;
import cn.pingangrid.area.GridRef;
import cn.pingangrid.area.VillageRef;
import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.geo.Feature;
import cn.pingangrid.system.Coded;

/**
 * Disputes as JSON. Parties' names and phones are shown in full only to those handling the case (creator,
 * responsible unit or person, the town office, the unit it is referred to), and every such read is audited;
 * everyone else gets them masked.
 */
@Component
class DisputeView {

    private final Areas areas;
    private final AuditTrail audit;
    private final People people;
    private final Disputes disputes;

    DisputeView(Areas areas, AuditTrail audit, People people, Disputes disputes) {
        this.areas = areas;
        this.audit = audit;
        this.people = people;
        this.disputes = disputes;
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
        areas.names().villages().forEach((code, village) -> names.put(code, village.name()));
        return names;
    }

    /** The map's point: a summary without personal data, from the projection the list reads. */
    Feature feature(DisputePoint d, Map<String, String> villageNames) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.id());
        p.put("type", d.type().name());
        p.put("typeLabel", d.type().label());
        p.put("status", d.status().name());
        p.put("statusLabel", d.status().label());
        p.put("severity", d.severity().name());
        p.put("severityLabel", d.severity().label());
        p.put("level", d.level().name());
        p.put("sensitive", d.sensitive());
        p.put("overdue", d.overdue());
        p.put("sweptOn", d.sweptOn().toString());
        p.put("occurredOn", d.occurredOn().toString());
        p.put("deadline", d.deadline().toString());
        p.put("villageCode", d.villageCode());
        p.put("villageName", villageNames.get(d.villageCode()));
        p.put("gridCode", d.gridCode());
        p.put("summary", shorten(d.situationStart(), SUMMARY_CHARS));
        return new Feature(d.id(), d.location(), p);
    }

    /** Characters of the situation a map point's summary shows (the last an ellipsis when it is longer). */
    static final int SUMMARY_CHARS = 60;

    /** The whole record, with the timeline and the steps allowed now; parties masked unless the caller handles it. */
    DisputeDetail detail(Dispute d, CurrentUser user) {
        AreaNames names = areas.names();
        boolean full = handles(d, user);
        List<DisputeDetail.PartyView> parties = d.getParties().stream().map(party -> full
                ? new DisputeDetail.PartyView(party.getName(), party.getPhone())
                : new DisputeDetail.PartyView(PersonalDataMask.name(party.getName()),
                        PersonalDataMask.phone(party.getPhone()))).toList();
        if (full && !d.getParties().isEmpty()) {
            audit.record("READ_PERSONAL_DATA", "dispute", String.valueOf(d.getId()), "当事人姓名和电话（未遮蔽）");
        }
        // people by display name and unit (the timeline stores login names)
        java.util.Set<String> logins = new java.util.HashSet<>();
        logins.add(d.getCreatedBy());
        d.getTimeline().forEach(e -> logins.add(e.getActor()));
        Map<String, People.Person> known = people.byUsername(logins);
        List<DisputeDetail.Step> timeline = d.getTimeline().stream().map(e -> new DisputeDetail.Step(
                e.getAt().toString(), e.getActor(), nameOf(known, e.getActor()),
                known.containsKey(e.getActor()) ? known.get(e.getActor()).unit() : null,
                DisputeDetail.CodeLabel.of(e.getAction()), DisputeDetail.CodeLabel.of(e.getStatusAfter()),
                e.getNote())).toList();
        boolean readOnly = !user.hasAny(DisputeRegister.HANDLING_ROLES) && !user.has(Role.MEDIATOR);
        List<DisputeDetail.CodeLabel> allowed = readOnly ? List.of()
                : d.allowedActions().stream().filter(a -> a != DisputeAction.ASSIGN || user.has(Role.TOWN_OFFICE))
                        .map(DisputeDetail.CodeLabel::of).toList();
        return new DisputeDetail(d.getId(), d.getLocation().getX(), d.getLocation().getY(),
                new DisputeDetail.Area(d.getVillageCode(), orEmpty(names.villageName(d.getVillageCode()))),
                new DisputeDetail.Area(d.getGridCode(), orEmpty(names.gridName(d.getGridCode()))),
                d.getSweptOn().toString(), d.getOccurredOn().toString(), d.getSweptBy(), d.getSituation(),
                d.getMeasures(), d.getRemarks(), DisputeDetail.CodeLabel.of(d.getType()),
                DisputeDetail.CodeLabel.of(d.getSeverity()), DisputeDetail.CodeLabel.of(d.getSource()),
                DisputeDetail.CodeLabel.of(d.getStatus()), DisputeDetail.CodeLabel.of(d.getLevel()),
                d.getPeopleInvolved(), d.getAmountYuan(), d.isSensitive(), d.getResponsibleUnit(),
                d.getResponsiblePerson(), d.getDeadline().toString(), d.isOverdue(),
                d.getReferralChannel() == null ? null : new DisputeDetail.Referral(
                        DisputeDetail.CodeLabel.of(d.getReferralChannel()), d.getReferralUnit()),
                d.getResolvedOn() == null ? null : d.getResolvedOn().toString(), d.getCreatedBy(),
                d.getCreatedAt().toString(), nameOf(known, d.getCreatedBy()),
                disputes.hasPhoto(d.getId()) ? "api/disputes/" + d.getId() + "/photo" : null, !full, parties, timeline,
                allowed, d.getBuildingCode(), d.getMeasuresTaken().stream().map(m -> new DisputeDetail.MeasureView(
                        m.getTakenAt().toString(), m.getActor(), m.getText())).toList(), null);
    }

    /** The 重复提示 list: open disputes of the same type nearby, nearest first. */
    static List<DisputeDetail.Duplicate> duplicates(List<Disputes.Nearby> found) {
        return found.stream().map(n -> new DisputeDetail.Duplicate(n.dispute().getId(),
                DisputeDetail.CodeLabel.of(n.dispute().getType()), DisputeDetail.CodeLabel.of(n.dispute().getStatus()),
                n.dispute().getOccurredOn().toString(), Math.round(n.distanceMeters()),
                shorten(n.dispute().getSituation(), 60))).toList();
    }

    /** The display name of a login, or the login itself for someone no longer (or never) an account (系统). */
    private static String nameOf(Map<String, People.Person> known, String login) {
        People.Person person = known.get(login);
        return person == null || person.displayName() == null ? login : person.displayName();
    }

    static Map<String, String> code(Coded coded) {
        return Map.of("code", coded.name(), "label", coded.label());
    }

    static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
