package cn.pingangrid.border;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.border.internal.CrossBorderDisputes;

/** The cross-border disputes of a period in the caller's area, as rows: the module's read API for the monthly pack. */
@Service
@Transactional(readOnly = true)
public class CrossBorderRows {

    /** A dispute inside a sensitive zone, the villages it concerns and the neighbouring jurisdictions. */
    public record Row(long id, String type, String status, LocalDate occurredOn, String villageCode,
            Set<String> villageCodes, List<String> neighbours) {
    }

    private final CrossBorderDisputes crossBorder;

    CrossBorderRows(CrossBorderDisputes crossBorder) {
        this.crossBorder = crossBorder;
    }

    public List<Row> rows(LocalDate from, LocalDate to) {
        return crossBorder.rows(from, to);
    }
}
