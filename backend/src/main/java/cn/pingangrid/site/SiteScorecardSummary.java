package cn.pingangrid.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site scorecards in short, per village of the caller's area: sites by status, overdue inspections and the
 * disputes linked to sites in a period — the module's read API for the monthly pack (the full cards are
 * {@code GET /api/site-scorecards}).
 */
@Service
@Transactional(readOnly = true)
public class SiteScorecardSummary {

    /** One village's line; {@code byStatus} by status code. */
    public record Line(String villageCode, long total, Map<String, Long> byStatus, long overdueInspections,
            long linkedDisputes) {
    }

    private final Sites sites;
    private final SiteDisputes siteDisputes;

    SiteScorecardSummary(Sites sites, SiteDisputes siteDisputes) {
        this.sites = sites;
        this.siteDisputes = siteDisputes;
    }

    public List<Line> lines(LocalDate from, LocalDate to, LocalDate today) {
        Map<String, Map<String, Long>> byStatus = new TreeMap<>();
        for (Object[] row : sites.countsByVillageKindStatus(null)) {
            byStatus.computeIfAbsent((String) row[0], v -> new LinkedHashMap<>())
                    .merge(((SiteStatus) row[2]).name(), ((Number) row[3]).longValue(), Long::sum);
        }
        Map<String, Long> overdue = new LinkedHashMap<>();
        for (Object[] row : sites.overdueByVillage(null, today)) {
            overdue.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Long> linked = new LinkedHashMap<>();
        List<SafetySite> listed = sites.list(new Sites.Query(null, null, null, null));
        Map<Long, String> villageOf = new LinkedHashMap<>();
        listed.forEach(s -> villageOf.put(s.getId(), s.getVillageCode()));
        siteDisputes.linkedToEach(listed, from, to).forEach((id, found) -> linked.merge(villageOf.get(id),
                (long) found.size(), Long::sum));
        List<Line> lines = new ArrayList<>();
        byStatus.forEach((village, statuses) -> lines.add(new Line(village,
                statuses.values().stream().mapToLong(Long::longValue).sum(), statuses,
                overdue.getOrDefault(village, 0L), linked.getOrDefault(village, 0L))));
        return lines;
    }
}
