package cn.pingangrid.dispute.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 大栗港镇社会治安矛盾纠纷排查表 as XLSX: the seed's six columns (attachment 2) followed by type, severity, status,
 * grid, longitude, latitude and an optional building code. Import reads the same layout by header name.
 */
final class DisputeSheet {

    static final String TITLE = "大栗港镇社会治安矛盾纠纷排查表";
    static final List<String> HEADERS = List.of("排查时间", "村名", "排查单位或排查人", "矛盾情况", "化解措施", "备注",
            "类型", "等级", "状态", "网格", "经度", "纬度", "楼栋代码");
    /** A row of the sheet: the header names and their text. */
    record Line(int rowNumber, Map<String, String> cells) {
        String get(String header) {
            String value = cells.get(header);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private DisputeSheet() {
    }

    /**
     * The 化解措施 cell: the measure written at registration, then each later one as "yyyy-MM-dd 措施" (the day in
     * {@code zone}), in order, separated by "；". Read back on import as one text, so a round trip keeps it.
     */
    static String measures(Dispute d, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        if (d.getMeasures() != null) {
            parts.add(d.getMeasures());
        }
        for (Measure m : d.getMeasuresTaken()) {
            parts.add(LocalDate.ofInstant(m.getTakenAt(), zone) + " " + m.getText());
        }
        return String.join("；", parts);
    }

    static byte[] write(List<Dispute> disputes, Map<String, String> villageNames, String subtitle, ZoneId zone) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("矛盾纠纷排查表");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(TITLE + (subtitle == null ? "" : "（" + subtitle + "）"));
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 2;
            for (Dispute d : disputes) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(d.getSweptOn().toString());
                row.createCell(1).setCellValue(villageNames.getOrDefault(d.getVillageCode(), d.getVillageCode()));
                row.createCell(2).setCellValue(d.getSweptBy());
                row.createCell(3).setCellValue(d.getSituation());
                row.createCell(4).setCellValue(measures(d, zone));
                row.createCell(5).setCellValue(d.getRemarks() == null ? "" : d.getRemarks());
                row.createCell(6).setCellValue(d.getType().label());
                row.createCell(7).setCellValue(d.getSeverity().label());
                row.createCell(8).setCellValue(d.getStatus().label());
                row.createCell(9).setCellValue(d.getGridCode());
                row.createCell(10).setCellValue(d.getLocation().getX());
                row.createCell(11).setCellValue(d.getLocation().getY());
                row.createCell(12).setCellValue(d.getBuildingCode() == null ? "" : d.getBuildingCode());
            }
            int[] widths = { 12, 12, 16, 40, 30, 20, 12, 8, 8, 16, 12, 12, 22 };
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The data rows of the first sheet: the header row is the first row holding 矛盾情况 (a title row above it is
     * allowed); blank rows are skipped. Throws {@link IllegalArgumentException} for a file that is not a workbook
     * or has no header.
     */
    static List<Line> read(InputStream in) {
        Workbook book;
        try {
            book = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("不是有效的 XLSX 文件");
        }
        try (book) {
            if (book.getNumberOfSheets() == 0) {
                throw new IllegalArgumentException("工作簿中没有工作表");
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Map<Integer, String> columns = null;
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                if (columns == null) {
                    Map<Integer, String> found = new HashMap<>();
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell).replaceAll("\\s", "");
                        if (HEADERS.contains(text)) {
                            found.put(cell.getColumnIndex(), text);
                        }
                    }
                    if (found.containsValue("矛盾情况")) {
                        columns = found;
                    }
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                boolean blank = true;
                for (var column : columns.entrySet()) {
                    String value = text(row.getCell(column.getKey()), formatter);
                    if (value != null && !value.isBlank()) {
                        blank = false;
                        cells.put(column.getValue(), value);
                    }
                }
                if (!blank) {
                    lines.add(new Line(row.getRowNum() + 1, cells));
                }
            }
            if (columns == null) {
                throw new IllegalArgumentException("找不到表头（须有“矛盾情况”等列，与导出的排查表相同）");
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalArgumentException("不是有效的 XLSX 文件");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }

    /** The sheet's column for an API field, for error messages by row and column. */
    static String column(String field) {
        return switch (field) {
            case "lng" -> "经度";
            case "lat" -> "纬度";
            case "location" -> "经度/纬度";
            case "building" -> "楼栋代码";
            case "sweptOn" -> "排查时间";
            case "sweptBy" -> "排查单位或排查人";
            case "situation" -> "矛盾情况";
            case "measures" -> "化解措施";
            case "remarks" -> "备注";
            case "type" -> "类型";
            case "severity" -> "等级";
            case "village" -> "村名";
            default -> field;
        };
    }

    static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN; // refused by the range check, naming the column
        }
    }

}
