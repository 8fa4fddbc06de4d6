package cn.pingangrid.hotspot.internal;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.pingangrid.system.Dates;
import cn.pingangrid.system.InvalidInputException;

/**
 * The disputes an analysis counts: a period by 排查时间 ({@code month=yyyy-MM}, or {@code from}/{@code to}
 * yyyy-MM-dd, default the current month) and the dispute list's filters. {@code periodParameter} is the parameter
 * a problem about the period names (a period with no disputes, too few disputes).
 */
record HotspotQuery(LocalDate from, LocalDate to, String periodParameter, String type, String severity,
        String status, String village) {

    static HotspotQuery parse(String month, String from, String to, String type, String severity, String status,
            String village, LocalDate today) {
        if (month != null && !month.isBlank()) {
            YearMonth ym = month("month", month);
            if (ym.isAfter(YearMonth.from(today))) {
                throw new InvalidInputException("month", "月份「" + month + "」还没有到");
            }
            return new HotspotQuery(ym.atDay(1), ym.atEndOfMonth(), "month", type, severity, status, village);
        }
        LocalDate toDate = blank(to) ? today : date("to", to);
        LocalDate fromDate = blank(from) ? toDate.withDayOfMonth(1) : date("from", from);
        if (fromDate.isAfter(today)) {
            throw new InvalidInputException("from", "开始日期「" + from + "」还没有到");
        }
        if (fromDate.isAfter(toDate)) {
            throw new InvalidInputException("from", "开始日期晚于结束日期");
        }
        if (fromDate.plusYears(5).isBefore(toDate)) {
            throw new InvalidInputException("from", "分析期间不能超过 5 年");
        }
        return new HotspotQuery(fromDate, toDate, blank(from) ? "to" : "from", type, severity, status, village);
    }

    HotspotQuery withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new HotspotQuery(newFrom, newTo, periodParameter, type, severity, status, village);
    }

    /** Months and days go through the one parser (yyyy-MM / yyyy-MM-dd, 1900–2100), naming the field. */
    static YearMonth month(String field, String text) {
        return Dates.month(field, text);
    }

    private static LocalDate date(String field, String text) {
        return Dates.parse(field, text);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
