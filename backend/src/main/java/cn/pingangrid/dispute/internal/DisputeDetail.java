package cn.pingangrid.dispute.internal;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import cn.pingangrid.system.Coded;

/**
 * The whole dispute as the API answers it: the 排查表's fields, the workflow state, the parties (masked unless the
 * caller handles the case), the timeline and the steps the caller may take now. {@code duplicates} is present only
 * in the answer to a registration (the 重复提示). People appear by display name and unit as well as by login;
 * {@code photo} is the photo's URL when there is one.
 */
record DisputeDetail(long id, double lng, double lat, Area village, Area grid, String sweptOn, String occurredOn,
        String sweptBy, String situation, String measures, String remarks, CodeLabel type, CodeLabel severity,
        CodeLabel source, CodeLabel status, CodeLabel level, int peopleInvolved, BigDecimal amountYuan,
        boolean sensitive, String responsibleUnit, String responsiblePerson, String deadline, boolean overdue,
        Referral referral, String resolvedOn, String createdBy, String createdAt, String createdByName,
        String photo, boolean partiesMasked, List<PartyView> parties, List<Step> timeline,
        List<CodeLabel> allowedActions, String buildingCode, List<MeasureView> measuresTaken,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Duplicate> duplicates) {

    /** A 化解措施 taken after registration (the registration's own is {@code measures}). */
    record MeasureView(String at, String actor, String text) {
    }

    /** A stable code with its Chinese label, e.g. {@code LAND_FOREST} / 山林土地. */
    record CodeLabel(String code, String label) {
        static CodeLabel of(Coded coded) {
            return new CodeLabel(coded.name(), coded.label());
        }
    }

    record Area(String code, String name) {
    }

    record Referral(CodeLabel channel, String unit) {
    }

    record PartyView(String name, String phone) {
    }

    /** A timeline entry: when (UTC), who (login, display name and unit), what, the status after, a note. */
    record Step(String at, String actor, String actorName, String actorUnit, CodeLabel action, CodeLabel status,
            String note) {
    }

    /** An open dispute of the same type nearby, for the 重复提示 after registering. */
    record Duplicate(long id, CodeLabel type, CodeLabel status, String occurredOn, long distanceMeters,
            String summary) {
    }

    DisputeDetail withDuplicates(List<Duplicate> found) {
        return new DisputeDetail(id, lng, lat, village, grid, sweptOn, occurredOn, sweptBy, situation, measures,
                remarks, type, severity, source, status, level, peopleInvolved, amountYuan, sensitive,
                responsibleUnit, responsiblePerson, deadline, overdue, referral, resolvedOn, createdBy, createdAt,
                createdByName, photo, partiesMasked, parties, timeline, allowedActions, buildingCode, measuresTaken,
                found);
    }
}
