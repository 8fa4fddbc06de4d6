package cn.pingangrid.site;

import java.time.LocalDate;
import java.util.List;

import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.site.internal.SafetySites;

/** The site module's API for other modules' plans (patrol stops): the sites whose inspection falls due. */
@Service
@Transactional(readOnly = true)
public class Sites {

    /** A site whose inspection falls due; {@code point} is on the site, codes and labels are the site's. */
    public record SiteDue(long id, String kind, String kindName, String name, String status, String statusName,
            String villageCode, String gridCode, Point point, LocalDate nextInspectionDue,
            String lastInspectionNote) {
    }

    private final SafetySites sites;

    Sites(SafetySites sites) {
        this.sites = sites;
    }

    /**
     * The sites the caller sees whose next inspection is due on or before {@code by} (so overdue ones too), by due
     * date; each with a point on it (a polygon's interior point) and the note of its latest inspection.
     */
    public List<SiteDue> inspectionsDueBy(LocalDate by) {
        return sites.inspectionsDueBy(by);
    }
}
