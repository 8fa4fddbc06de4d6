package cn.pingangrid.dispute;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Point;

/**
 * An open dispute that needs watching (sensitive or overdue), for other modules' plans (patrol stops). The parties
 * are always masked (张*, 138****5678): whoever reads this is not handling the case.
 */
public record WatchedDispute(long id, Point location, String villageCode, String gridCode, String typeName,
        String severity, String severityName, String statusName, boolean sensitive, boolean overdue,
        LocalDate deadline, List<String> maskedParties) {
}
