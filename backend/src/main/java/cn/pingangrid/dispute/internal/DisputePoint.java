package cn.pingangrid.dispute.internal;

import java.time.LocalDate;

import org.locationtech.jts.geom.Point;

import cn.pingangrid.dispute.DisputeStatus;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.dispute.HandlingLevel;
import cn.pingangrid.dispute.Severity;

/**
 * The columns of a dispute the map's point shows, read by a projection rather than as entities: at county scale a
 * list of thousands loaded as whole records (28 columns, the situation up to 2,000 characters, each entity tracked
 * by the persistence context) cost more than the query. {@code situationStart} is the situation's first
 * {@value #SITUATION_CHARS} characters, enough for the summary.
 */
record DisputePoint(Long id, Point location, DisputeType type, DisputeStatus status, Severity severity,
        HandlingLevel level, boolean sensitive, boolean overdue, LocalDate sweptOn, LocalDate occurredOn,
        LocalDate deadline, String villageCode, String gridCode, String situationStart) {

    /** One more than the summary shows, so that a longer situation is still seen to be cut. */
    static final int SITUATION_CHARS = DisputeView.SUMMARY_CHARS + 1;

    /** The JPQL select list over alias {@code d}, in the constructor's order. */
    static final String SELECT = "new " + DisputePoint.class.getName() + "(d.id, d.location, d.type, d.status, "
            + "d.severity, d.level, d.sensitive, d.overdue, d.sweptOn, d.occurredOn, d.deadline, d.villageCode, "
            + "d.gridCode, substring(d.situation, 1, " + SITUATION_CHARS + "))";
}
