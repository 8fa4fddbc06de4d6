package cn.pingangrid.site.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.pingangrid.system.CodeName;

/** What the site API answers besides GeoJSON, field for field as the web map reads it. */
final class SiteViews {

    private SiteViews() {
    }

    /** The kinds and statuses a site can have ({@code GET /api/site-kinds}). */
    record Terms(List<CodeName> kinds, List<CodeName> statuses) {
    }

    /** One inspection of a site; {@code resultName} is 达标 or 未达标. */
    record InspectionView(Long id, String inspectedOn, String result, String resultName, String note,
            String inspector) {
    }

    /** A dispute linked to a site (inside its polygon, or within 100 m of its point). */
    record LinkedDispute(long id, String type, String status, String occurredOn) {
    }

    /** A site on a village's scorecard, with the disputes linked to it in the period. */
    record ScorecardSite(Long id, String name, String kind, String status, int linkedDisputes,
            List<Long> disputeIds) {
    }

    /** A village's scorecard: counts by kind, status and both (codes as keys), overdue inspections, linked disputes. */
    record Scorecard(String villageCode, String villageName, long total, Map<String, Long> byKind,
            Map<String, Long> byStatus, Map<String, Map<String, Long>> byKindAndStatus, long overdueInspections,
            long linkedDisputes, List<ScorecardSite> sites) {
    }

    /** A scorecard while it is counted up. */
    static final class ScorecardTally {
        private final String villageCode;
        private final String villageName;
        private long total;
        private final Map<String, Long> byKind = zeros(SiteKind.values());
        private final Map<String, Long> byStatus = zeros(SiteStatus.values());
        private final Map<String, Map<String, Long>> byKindAndStatus = new TreeMap<>();
        private long overdueInspections;
        private long linkedDisputes;
        private final List<ScorecardSite> sites = new ArrayList<>();

        ScorecardTally(String villageCode, String villageName) {
            this.villageCode = villageCode;
            this.villageName = villageName;
        }

        void count(String kind, String status, long n) {
            total += n;
            byKind.merge(kind, n, Long::sum);
            byStatus.merge(status, n, Long::sum);
            byKindAndStatus.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, n, Long::sum);
        }

        void overdue(long n) {
            overdueInspections = n;
        }

        void site(ScorecardSite site) {
            sites.add(site);
            linkedDisputes += site.linkedDisputes();
        }

        Scorecard card() {
            return new Scorecard(villageCode, villageName, total, byKind, byStatus, byKindAndStatus,
                    overdueInspections, linkedDisputes, sites);
        }

        private static Map<String, Long> zeros(Enum<?>[] values) {
            Map<String, Long> zeros = new LinkedHashMap<>();
            for (Enum<?> value : values) {
                zeros.put(value.name(), 0L);
            }
            return zeros;
        }
    }
}
