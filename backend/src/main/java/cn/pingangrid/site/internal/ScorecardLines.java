package cn.pingangrid.site.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.site.SiteScorecardSummary.Line;

/** Computes {@link cn.pingangrid.site.SiteScorecardSummary}'s lines from the sites and their linked disputes. */
@Service
@Transactional(readOnly = true)
public class ScorecardLines {

    private final SafetySites sites;
    private final SiteDisputes siteDisputes;

    ScorecardLines(SafetySites sites, SiteDisputes siteDisputes) {
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
        List<SafetySite> listed = sites.list(new SafetySites.Query(null, null, null, null));
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
