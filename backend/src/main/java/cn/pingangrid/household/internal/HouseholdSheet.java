package cn.pingangrid.household.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The seed's attachment 1 (道德档案信息表一套) as one XLSX workbook, a sheet per form, each with a title row and a
 * header row. Labels the seed shows are used verbatim; the others are the product's (see
 * docs/decisions/household-archive.md). {@code 户编号} ties a sheet's rows to a household: an archive number, or on
 * import a label of the import's own (not a number) for a new household.
 */
final class HouseholdSheet {

    static final String TITLE = "道德档案信息表";

    /** A form: its sheet name and columns. */
    enum Form {
        MEMBERS("家庭人员基本信息表", List.of("户编号", "楼栋代码", "组名", "姓名", "性别", "出生日期", "身份证号码", "与户主关系",
                "联系电话", "文化程度", "健康状况", "是否建档立卡", "住房状况", "其它情况说明")),
        MOVES("异动人员基本信息表", List.of("户编号", "组名", "异动类型", "异动日期", "异动原因", "迁入/迁出地", "姓名", "性别",
                "出生日期", "身份证号码", "与户主关系", "联系电话", "文化程度", "健康状况", "是否建档立卡", "住房状况", "其它情况说明")),
        MERITS("良好表现与突出贡献事迹登记表", List.of("户编号", "户主", "姓名", "时间", "事迹", "表彰情况")),
        MISCONDUCT("不良记录", List.of("户编号", "户主", "姓名", "日期", "不良表现详细记录", "处理情况")),
        CONFLICTS("矛盾处理排查登记表", List.of("户编号", "户主", "排查时间", "矛盾情况", "化解措施", "备注", "纠纷编号"));

        final String sheet;
        final List<String> columns;

        Form(String sheet, List<String> columns) {
            this.sheet = sheet;
            this.columns = columns;
        }
    }

    /** The sheet column of an API field, for errors by row and column. */
    static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("building", "楼栋代码"),
            Map.entry("groupName", "组名"), Map.entry("name", "姓名"), Map.entry("gender", "性别"),
            Map.entry("birthDate", "出生日期"), Map.entry("idNumber", "身份证号码"), Map.entry("relation", "与户主关系"),
            Map.entry("phone", "联系电话"), Map.entry("education", "文化程度"), Map.entry("health", "健康状况"),
            Map.entry("povertyRegistered", "是否建档立卡"), Map.entry("housing", "住房状况"),
            Map.entry("otherNotes", "其它情况说明"), Map.entry("direction", "异动类型"), Map.entry("movedOn", "异动日期"),
            Map.entry("reason", "异动原因"), Map.entry("place", "迁入/迁出地"), Map.entry("doneOn", "时间"),
            Map.entry("deed", "事迹"), Map.entry("commendation", "表彰情况"), Map.entry("recordedOn", "日期"),
            Map.entry("detail", "不良表现详细记录"), Map.entry("handling", "处理情况"), Map.entry("checkedOn", "排查时间"),
            Map.entry("situation", "矛盾情况"), Map.entry("measures", "化解措施"), Map.entry("remarks", "备注"),
            Map.entry("disputeId", "纠纷编号"), Map.entry("household", "户编号"));

    /** A data row: its number as a spreadsheet shows it (1-based) and its cells by column label. */
    record Line(int rowNumber, Map<String, String> cells) {
        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private HouseholdSheet() {
    }

    /** A workbook of the five forms; {@code rows} holds each form's rows in its column order. */
    static byte[] write(Map<Form, List<List<String>>> rows, String subtitle) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Form form : Form.values()) {
                Sheet sheet = book.createSheet(form.sheet);
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(TITLE + " · " + form.sheet + (subtitle == null ? "" : "（" + subtitle
                        + "）"));
                title.getCell(0).setCellStyle(bold);
                Row header = sheet.createRow(1);
                for (int i = 0; i < form.columns.size(); i++) {
                    header.createCell(i).setCellValue(form.columns.get(i));
                    header.getCell(i).setCellStyle(bold);
                    sheet.setColumnWidth(i, Math.max(10, form.columns.get(i).length() * 3 + 2) * 256);
                }
                int r = 2;
                for (List<String> values : rows.getOrDefault(form, List.of())) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        row.createCell(i).setCellValue(values.get(i) == null ? "" : values.get(i));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The data rows of each form present in the workbook (a sheet is found by its name; its header is the first row
     * holding 户编号). Throws {@link IllegalArgumentException} for a file that is not a workbook or holds no form.
     */
    static Map<Form, List<Line>> read(InputStream in) {
        Workbook book;
        try {
            book = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("不是有效的 XLSX 文件");
        }
        try (book) {
            Map<Form, List<Line>> forms = new LinkedHashMap<>();
            DataFormatter formatter = new DataFormatter();
            for (Form form : Form.values()) {
                Sheet sheet = book.getSheet(form.sheet);
                if (sheet != null) {
                    forms.put(form, lines(sheet, form, formatter));
                }
            }
            if (forms.isEmpty() || forms.values().stream().allMatch(List::isEmpty)) {
                throw new IllegalArgumentException("工作簿中没有可导入的表（须有“家庭人员基本信息表”等工作表，与导出的相同）");
            }
            return forms;
        } catch (IOException e) {
            throw new IllegalArgumentException("不是有效的 XLSX 文件");
        }
    }

    private static List<Line> lines(Sheet sheet, Form form, DataFormatter formatter) {
        Map<Integer, String> columns = null;
        List<Line> lines = new ArrayList<>();
        for (Row row : sheet) {
            if (columns == null) {
                Map<Integer, String> found = new HashMap<>();
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell).replaceAll("\\s", "");
                    if (form.columns.contains(text)) {
                        found.put(cell.getColumnIndex(), text);
                    }
                }
                if (found.containsValue("户编号")) {
                    columns = found;
                }
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (var column : columns.entrySet()) {
                String value = text(row.getCell(column.getKey()), formatter);
                if (value != null && !value.isBlank()) {
                    cells.put(column.getValue(), value);
                }
            }
            if (!cells.isEmpty()) {
                lines.add(new Line(row.getRowNum() + 1, cells));
            }
        }
        if (columns == null && sheet.getPhysicalNumberOfRows() > 0) {
            throw new IllegalArgumentException("工作表“" + form.sheet + "”中找不到表头（须有“户编号”列，与导出的相同）");
        }
        return lines;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            // an ID number typed as a number loses nothing up to 15 digits; 18 digits do not fit a double and
            // fail the checksum, which names the cell
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell); // checked per field (Texts), naming the cell
    }
}
