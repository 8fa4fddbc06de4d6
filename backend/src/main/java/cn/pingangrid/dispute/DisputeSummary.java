package cn.pingangrid.dispute;

import java.time.LocalDate;

import org.locationtech.jts.geom.Point;

/**
 * A dispute as hotspot analyses and the monthly pack read it: place, codes, 排查时间, the sensitive and overdue flags
 * and who is responsible. No parties, no text.
 */
public record DisputeSummary(long id, Point location, String villageCode, String gridCode, String type,
        String severity, String status, LocalDate sweptOn, boolean sensitive, boolean overdue,
        String responsibleUnit, String responsiblePerson, LocalDate deadline) {
}
