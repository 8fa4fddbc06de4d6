package cn.pingangrid.hotspot.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.pingangrid.dispute.DisputeStatus;
import cn.pingangrid.dispute.DisputeType;
import cn.pingangrid.dispute.Severity;
import cn.pingangrid.report.FengqiaoKpis;

/** The monthly pack's tables as one XLSX, one sheet per table, in the order of the page. */
final class MeetingWorkbook {

    static final String[] SITE_STATUSES = { "BUILDING", "MET", "NOT_MET", "UNDER_REVIEW" };
    static final String[] SITE_STATUS_NAMES = { "创建中", "已达标", "未达标", "复查中" };

    private MeetingWorkbook() {
    }

    static byte[] write(MeetingPack.Pack pack) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet kpis = sheet(book, "枫桥指标", bold, "村（社区）", "登记", "环比", "同比", "化解", "化解率", "环比（百分点）",
                    "同比（百分点）", "小事不出村", "大事不出镇", "矛盾不上交", "逾期", "化解天数中位数", "周排查合规率");
            List<MeetingPack.KpiRow> rows = new ArrayList<>(pack.villages());
            if (pack.town() != null) {
                rows.add(pack.town());
            }
            for (MeetingPack.KpiRow r : rows) {
                FengqiaoKpis k = r.current();
                add(kpis, r.name(), k.registered(), change(k.registered(), r.previousMonth().registered()),
                        change(k.registered(), r.lastYear().registered()), k.resolved(), percent(k.resolutionRate()),
                        points(k.resolutionRate(), r.previousMonth().resolutionRate()),
                        points(k.resolutionRate(), r.lastYear().resolutionRate()), percent(k.villageRate()),
                        percent(k.townRate()), k.sentBeyondTown(), k.overdue(), k.medianDaysToResolve(),
                        percent(k.sweepCompliance()));
            }

            Sheet hot = sheet(book, "热点", bold, "网格", "网格代码", "村（社区）", "纠纷数", "Gi* z", "置信度（FDR）", "主要类型",
                    "该类件数");
            if (pack.hotspots().problem() != null) {
                add(hot, pack.hotspots().problem());
            }
            for (MeetingPack.TopHotspot h : pack.hotspots().top()) {
                add(hot, h.gridName(), h.gridCode(), h.villageName(), h.count(), h.z(), confidence(h.fdrBin()),
                        type(h.dominantType()), h.dominantTypeCount());
            }

            Sheet overdue = sheet(book, "逾期案件", bold, "编号", "类型", "等级", "状态", "村（社区）", "网格代码", "排查时间", "期限",
                    "责任单位", "责任人");
            pack.overdue().forEach(c -> add(overdue, c.id(), type(c.type()), severity(c.severity()), status(c.status()),
                    c.villageName(), c.gridCode(), text(c.sweptOn()), text(c.deadline()), c.responsibleUnit(),
                    c.responsiblePerson()));

            Sheet sweeps = sheet(book, "排查合规", bold, "村（社区）", "已报周数", "应报周数", "周排查合规率");
            pack.sweeps().villages().forEach(s -> add(sweeps, s.name(), s.filed(), s.weeks(), percent(s.compliance())));
            if (pack.sweeps().townMonthlyFiled() != null) {
                add(sweeps, "镇每月排查", pack.sweeps().townMonthlyFiled() ? "已开展" : "未开展");
            }

            String[] cardHeader = new String[4 + SITE_STATUSES.length];
            cardHeader[0] = "村（社区）";
            cardHeader[1] = "点位数";
            System.arraycopy(SITE_STATUS_NAMES, 0, cardHeader, 2, SITE_STATUSES.length);
            cardHeader[2 + SITE_STATUSES.length] = "检查逾期";
            cardHeader[3 + SITE_STATUSES.length] = "关联纠纷";
            Sheet cards = sheet(book, "平安创建", bold, cardHeader);
            for (MeetingPack.Scorecard c : pack.scorecards()) {
                Object[] values = new Object[cardHeader.length];
                values[0] = c.villageName();
                values[1] = c.total();
                for (int i = 0; i < SITE_STATUSES.length; i++) {
                    values[2 + i] = c.byStatus().getOrDefault(SITE_STATUSES[i], 0L);
                }
                values[2 + SITE_STATUSES.length] = c.overdueInspections();
                values[3 + SITE_STATUSES.length] = c.linkedDisputes();
                add(cards, values);
            }

            Sheet border = sheet(book, "跨界纠纷", bold, "编号", "类型", "状态", "发生时间", "所在村", "涉及村", "相邻辖区");
            pack.crossBorder().forEach(b -> add(border, b.id(), type(b.type()), status(b.status()), text(b.occurredOn()),
                    b.villageName(), b.concerns(), b.neighbours()));

            Sheet sensitive = sheet(book, "敏感上报", bold, "编号", "类型", "等级", "状态", "村（社区）", "排查时间");
            pack.sensitive().forEach(c -> add(sensitive, c.id(), type(c.type()), severity(c.severity()),
                    status(c.status()), c.villageName(), text(c.sweptOn())));

            String[] trendHeader = new String[1 + pack.trend().months().size()];
            trendHeader[0] = "类型";
            for (int i = 0; i < pack.trend().months().size(); i++) {
                trendHeader[i + 1] = pack.trend().months().get(i);
            }
            Sheet trend = sheet(book, "月度趋势", bold, trendHeader);
            for (MeetingPack.TypeSeries s : pack.trend().series()) {
                Object[] values = new Object[trendHeader.length];
                values[0] = s.label();
                for (int i = 0; i < s.counts().length; i++) {
                    values[i + 1] = s.counts()[i];
                }
                add(trend, values);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Month-on-month or year-on-year change of a count, as a signed percentage; "—" when the base is zero. */
    static String change(int now, int before) {
        if (before == 0) {
            return now == 0 ? "0%" : "—";
        }
        return String.format(Locale.ROOT, "%+.1f%%", 100.0 * (now - before) / before);
    }

    /** Change of a rate in percentage points; "—" when either is undefined. */
    static String points(Double now, Double before) {
        return now == null || before == null ? "—" : String.format(Locale.ROOT, "%+.1f", 100 * (now - before));
    }

    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    static String confidence(int bin) {
        return switch (Math.abs(bin)) {
            case 3 -> "99%";
            case 2 -> "95%";
            case 1 -> "90%";
            default -> "不显著";
        };
    }

    private static String type(String code) {
        return code == null ? "" : DisputeType.valueOf(code).label();
    }

    private static String status(String code) {
        return code == null ? "" : DisputeStatus.valueOf(code).label();
    }

    private static String severity(String code) {
        return code == null ? "" : Severity.valueOf(code).label();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Sheet sheet(XSSFWorkbook book, String name, CellStyle bold, String... header) {
        Sheet sheet = book.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.length; i++) {
            row.createCell(i).setCellValue(header[i]);
            row.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, 14 * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** A row of values: numbers as numbers, the rest as text (never a formula: a leading = stays text). */
    private static void add(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (v != null) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
    }
}
