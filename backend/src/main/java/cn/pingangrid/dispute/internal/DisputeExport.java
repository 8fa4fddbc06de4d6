package cn.pingangrid.dispute.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The 矛盾纠纷排查表 of the caller's area as an XLSX workbook, read in one read-only transaction. */
@Service
class DisputeExport {

    static final int MAX_EXPORT_ROWS = 20_000;

    private final Disputes disputes;
    private final DisputeView view;
    private final Clock clock;

    DisputeExport(Disputes disputes, DisputeView view, Clock clock) {
        this.disputes = disputes;
        this.view = view;
        this.clock = clock;
    }

    /** The register narrowed by the map's filters (at most {@value #MAX_EXPORT_ROWS} rows), as XLSX bytes. */
    @Transactional(readOnly = true)
    byte[] xlsx(String village, String from, String to, String type, String status, String severity, Boolean open,
            Boolean withOpen) {
        var filter = DisputeController.narrow(disputes.query(), null, from, to, type, status, severity, village, open,
                withOpen);
        LocalDate fromDate = from == null || from.isBlank() ? null : DisputeRegister.date("from", from);
        LocalDate toDate = to == null || to.isBlank() ? null : DisputeRegister.date("to", to);
        List<Dispute> found = filter.orderBy("d.sweptOn, d.id").list(MAX_EXPORT_ROWS);
        Map<String, String> names = view.villageNames();
        String subtitle = (village == null || village.isBlank() ? "全部" : names.getOrDefault(village, village))
                + (fromDate == null && toDate == null ? "" : "，" + (fromDate == null ? "" : fromDate) + " 至 "
                        + (toDate == null ? "" : toDate));
        return DisputeSheet.write(found, names, subtitle, clock.getZone());
    }
}
