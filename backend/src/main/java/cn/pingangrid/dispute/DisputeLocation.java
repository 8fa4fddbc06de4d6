package cn.pingangrid.dispute;

import java.time.LocalDate;

import org.locationtech.jts.geom.Point;

/** Where and what a dispute is (and when it entered the register, 排查时间: the period's date), for other modules' spatial analyses (sites, border zones, hotspots). */
public record DisputeLocation(long id, Point location, String villageCode, String gridCode, String type,
        String status, LocalDate occurredOn, LocalDate sweptOn) {
}
