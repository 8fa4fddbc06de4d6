package cn.pingangrid.site;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.site.internal.ScorecardLines;

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

    private final ScorecardLines lines;

    SiteScorecardSummary(ScorecardLines lines) {
        this.lines = lines;
    }

    public List<Line> lines(LocalDate from, LocalDate to, LocalDate today) {
        return lines.lines(from, to, today);
    }
}
