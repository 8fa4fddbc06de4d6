package cn.pingangrid.system;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The one way a date from a client (JSON field, query parameter, spreadsheet cell) becomes a {@link LocalDate}:
 * {@code yyyy-MM-dd} exactly, a real calendar day, and within {@link #EARLIEST}..{@link #LATEST}. Anything else is
 * a 400 problem naming the field. The range keeps every date inside what both databases store and read back
 * unchanged, and inside what date arithmetic (deadlines, periods) can add to (see
 * docs/decisions/input-validation.md).
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    private Dates() {
    }

    /** A required date: missing or blank is "必填". */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "必填");
        }
        String t = text.strip();
        if (!DAY.matcher(t).matches()) {
            throw new InvalidInputException(field, "日期「" + Texts.quote(text) + "」须为 yyyy-MM-dd 格式");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(t);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "没有这一天：「" + t + "」");
        }
        return within(field, date);
    }

    /** An optional date: missing or blank is null. */
    public static LocalDate parseOptional(String field, String text) {
        return text == null || text.isBlank() ? null : parse(field, text);
    }

    /**
     * A date ({@code yyyy-MM-dd}, as {@link #parse}) or an RFC 3339 date-time with its offset
     * ({@code 2026-11-03T08:00:00Z}), the latter counted as its date in {@code zone}; within the range.
     */
    public static LocalDate dateOrDateTime(String field, String text, java.time.ZoneId zone) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= 10) {
            return parse(field, t);
        }
        try {
            return within(field, java.time.OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDate());
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "「" + Texts.quote(t)
                    + "」不是 RFC 3339 日期或时间（如 2026-11-03 或 2026-11-03T08:00:00Z）");
        }
    }

    /** A month {@code yyyy-MM} within the range. */
    public static YearMonth month(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (!MONTH.matcher(t).matches()) {
            throw new InvalidInputException(field, "月份「" + Texts.quote(text) + "」须为 yyyy-MM 格式");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(t);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "没有这个月：「" + t + "」");
        }
        within(field, month.atDay(1));
        return month;
    }

    /** The Monday of an ISO week written {@code yyyy-Www} (e.g. {@code 2026-W05}), within the range. */
    public static LocalDate isoWeek(String field, String text) {
        String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (!WEEK.matcher(t).matches()) {
            throw new InvalidInputException(field, "周「" + Texts.quote(text) + "」须写作 yyyy-Www，例如 2026-W05");
        }
        int year = Integer.parseInt(t.substring(0, 4));
        int week = Integer.parseInt(t.substring(6));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (week < 1 || week > jan4.range(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new InvalidInputException(field, year + " 年没有第 " + week + " 周");
        }
        return within(field, jan4.with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(java.time.DayOfWeek.MONDAY));
    }

    /** Refuses a date outside 1900-01-01..2100-12-31, naming the field. */
    public static LocalDate within(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new InvalidInputException(field, "日期须在 " + EARLIEST + " 到 " + LATEST + " 之间");
        }
        return date;
    }
}
