package cn.pingangrid.dispute.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import tools.jackson.databind.JsonNode;

/** The 排查表 out and back in: a round trip, and bad files that import nothing. Run once per database. */
abstract class DisputeSheetContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Rows in the register, read directly (the repository would cut them to a scope). */
    long disputeRows() {
        return jdbc.queryForObject("select count(*) from dispute", Long.class);
    }

    DisputeFixtures f;

    @BeforeEach
    void fixtures() {
        f = new DisputeFixtures(mvc, users);
    }

    /**
     * Every column out and back in: 排查时间, 村名, 排查单位或排查人 (the signed-in unit and person by default),
     * 矛盾情况, 化解措施 (the registration's and a later one, dated), 备注, type, severity, status, grid, longitude,
     * latitude and the building the point lies in.
     */
    @Test
    void exportedSheetImportsBackToTheSameRegister() throws Exception {
        LocalDate day = freshDay();
        List<String> situations = List.of("测试导出一：山林界址争议 " + day, "测试导出二：拖欠工资 " + day);
        String[] types = { "LAND_FOREST", "WAGES" };
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 40 + i), types[i],
                    "SERIOUS");
            body.put("sweptOn", day.toString());
            body.put("situation", situations.get(i));
            body.put("measures", "村调委会上门调解");
            body.put("remarks", i == 0 ? "涉及两个村民小组" : "");
            ids.add(f.register(DemoUsers.VILLAGE_CADRE, body).get("id").asLong());
        }
        MockHttpServletResponse added = f.postJson(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + ids.get(0)
                + "/measures", Map.of("measure", "邀请林业站现场勘界"));
        assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(200);
        byte[] sheet = export(day);
        List<List<String>> rows = rows(sheet);
        assertThat(rows.get(0).get(0)).startsWith("大栗港镇社会治安矛盾纠纷排查表");
        assertThat(rows.get(1)).containsExactlyElementsOf(DisputeSheet.HEADERS);
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(2, 4)).extracting(r -> r.get(3)).containsExactlyInAnyOrderElementsOf(situations);
        assertThat(rows.subList(2, 4)).extracting(r -> r.get(6)).containsExactlyInAnyOrder("山林土地", "劳资");
        assertThat(rows.get(2).get(0)).isEqualTo(day.toString());
        List<String> first = rows.subList(2, 4).stream().filter(r -> r.get(3).equals(situations.get(0))).findFirst()
                .orElseThrow();
        assertThat(first.get(4)).isEqualTo("村调委会上门调解；" + LocalDate.now() + " 邀请林业站现场勘界");
        assertThat(first.get(5)).isEqualTo("涉及两个村民小组");
        // the demo cadre: unit 九湖村 (their village), name 九湖村村干部
        assertThat(first.get(2)).matches("\\S+ \\S+村干部");
        assertThat(first.get(12)).matches("\\d{19}").startsWith(f.ownGrid);
        assertThat(rows.subList(2, 4)).extracting(r -> r.get(12))
                .containsExactlyInAnyOrderElementsOf(buildingsOf(DisputeFixtures.pointIn(f.ownGrid, 40),
                        DisputeFixtures.pointIn(f.ownGrid, 41)));
        // the export honours the map's other filters too: type, severity, status, open cases
        assertThat(rows(export(day, "&type=WAGES"))).hasSize(3).last().extracting(r -> r.get(6)).isEqualTo("劳资");
        assertThat(rows(export(day, "&severity=SERIOUS"))).hasSize(4);
        assertThat(rows(export(day, "&severity=MAJOR"))).hasSize(2);
        assertThat(rows(export(day, "&status=REGISTERED&open=true"))).hasSize(4);
        assertThat(rows(export(day, "&status=RESOLVED"))).hasSize(2);
        // the map's default, the period plus every open case: both (open) of the day and the village's other open ones
        List<List<String>> withOpen = rows(export(day, "&withOpen=true"));
        assertThat(withOpen.subList(2, withOpen.size())).extracting(r -> r.get(3)).containsAll(situations);
        List<List<String>> wagesWithOpen = rows(export(day, "&withOpen=true&type=WAGES"));
        assertThat(wagesWithOpen.subList(2, wagesWithOpen.size())).extracting(r -> r.get(6)).containsOnly("劳资");

        long before = disputeRows();
        MockHttpServletResponse imported = upload(DemoUsers.VILLAGE_CADRE, sheet);
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(201);
        assertThat(DisputeFixtures.read(imported).get("imported").asInt()).isEqualTo(2);
        assertThat(disputeRows()).isEqualTo(before + 2);
        List<List<String>> again = rows(export(day));
        assertThat(again).hasSize(6);
        for (int column = 0; column < DisputeSheet.HEADERS.size(); column++) {
            int c = column;
            assertThat(again.subList(2, 6)).extracting(r -> r.get(c))
                    .as(DisputeSheet.HEADERS.get(column))
                    .containsExactlyInAnyOrderElementsOf(doubled(rows.subList(2, 4), column));
        }
    }

    /** Each workflow step may add a 化解措施; the record and the sheet list them in the order taken. */
    @Test
    void measuresAddedWithTheStepsAreListedInOrder() throws Exception {
        LocalDate day = freshDay();
        Map<String, Object> body = DisputeFixtures.body(DisputeFixtures.pointIn(f.ownGrid, 44), "NEIGHBOURS",
                "ORDINARY");
        body.put("sweptOn", day.toString());
        body.put("measures", "网格员上门了解情况");
        long id = f.register(DemoUsers.VILLAGE_CADRE, body).get("id").asLong();
        f.act(DemoUsers.VILLAGE_CADRE, id, "ACCEPT", Map.of("measure", "村调委会约见双方"));
        f.act(DemoUsers.VILLAGE_CADRE, id, "START_MEDIATION", Map.of());
        JsonNode resolved = f.act(DemoUsers.VILLAGE_CADRE, id, "RESOLVE", Map.of("measure", "签订调解协议，重砌排水沟"));
        List<String> texts = new ArrayList<>();
        resolved.get("measuresTaken").forEach(m -> texts.add(m.get("text").asString()));
        assertThat(texts).containsExactly("村调委会约见双方", "签订调解协议，重砌排水沟");
        String today = LocalDate.now().toString();
        assertThat(rows(export(day)).get(2).get(4)).isEqualTo("网格员上门了解情况；" + today + " 村调委会约见双方；"
                + today + " 签订调解协议，重砌排水沟");
        // a refused step adds no measure
        MockHttpServletResponse refused = f.postJson(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + id + "/transitions",
                Map.of("action", "ACCEPT", "measure", "不应记录"));
        assertThat(refused.getStatus()).isEqualTo(409);
        MockHttpServletResponse tooLong = f.postJson(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + id + "/measures",
                Map.of("measure", "长".repeat(1001)));
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(DisputeFixtures.read(tooLong).get("invalid-params").get(0).get("name").asString())
                .isEqualTo("measure");
        JsonNode after = DisputeFixtures.read(f.get(DemoUsers.VILLAGE_CADRE, "/api/disputes/" + id));
        assertThat(after.get("measuresTaken")).hasSize(2);
        assertThat(f.postJson(DemoUsers.LEADER, "/api/disputes/" + id + "/measures", Map.of("measure", "x"))
                .getStatus()).isEqualTo(403);
    }

    /** The codes of the buildings (of the dataset) that hold these points, worked out with JTS. */
    static List<String> buildingsOf(org.locationtech.jts.geom.Point... points) {
        List<String> codes = new ArrayList<>();
        for (org.locationtech.jts.geom.Point p : points) {
            codes.add(DisputeFixtures.BUILDINGS.stream().filter(b -> b.geometry().covers(p)).map(b -> b.code())
                    .sorted().findFirst().orElse(""));
        }
        return codes;
    }

    @Test
    void aSheetWithBadRowsIsReportedByRowAndNothingIsImported() throws Exception {
        Point own = DisputeFixtures.pointIn(f.ownGrid, 45);
        String building = DisputeFixtures.BUILDINGS.stream().filter(b -> b.code().startsWith(f.ownGrid)).findFirst()
                .orElseThrow().code();
        byte[] sheet = sheet(List.of(
                List.of("2024-03-01", "", "网格员", "好的一行：按坐标", "", "", "邻里", "一般", "", "",
                        String.valueOf(own.getX()), String.valueOf(own.getY()), ""),
                List.of("2024-03-02", "", "网格员", "好的一行：按楼栋", "", "", "劳资", "", "", "", "", "", building),
                List.of("2024-03-03", "", "网格员", "类型不对", "", "", "吵架", "一般", "", "",
                        String.valueOf(own.getX()), String.valueOf(own.getY()), ""),
                List.of("2024-03-04", "", "网格员", "镇外的点", "", "", "邻里", "一般", "", "", "112.9", "28.9", ""),
                List.of("2024-03-05", "", "网格员", "没有位置", "", "", "邻里", "一般", "", "", "", "", "")));
        long before = disputeRows();
        MockHttpServletResponse r = upload(DemoUsers.VILLAGE_CADRE, sheet);
        assertThat(r.getStatus()).isEqualTo(400);
        JsonNode problem = DisputeFixtures.read(r);
        List<String> errors = new ArrayList<>();
        problem.get("rows").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        // header on row 1 here (no title row), so data rows are 2..6
        assertThat(errors).containsExactly("4:类型", "5:经度/纬度", "6:经度");
        assertThat(disputeRows()).isEqualTo(before);

        MockHttpServletResponse garbage = upload(DemoUsers.VILLAGE_CADRE, "这不是表格".getBytes());
        assertThat(garbage.getStatus()).isEqualTo(400);
        assertThat(DisputeFixtures.invalidParam(DisputeFixtures.read(garbage))).isEqualTo("file");
        MockHttpServletResponse huge = upload(DemoUsers.VILLAGE_CADRE, new byte[5 * 1024 * 1024 + 1]);
        assertThat(huge.getStatus()).isEqualTo(413);
        assertThat(huge.getContentType()).isEqualTo("application/problem+json");
        assertThat(upload(DemoUsers.LEADER, sheet).getStatus()).isEqualTo(403);
        assertThat(disputeRows()).isEqualTo(before);
    }

    private static List<String> doubled(List<List<String>> rows, int column) {
        List<String> values = new ArrayList<>();
        rows.forEach(r -> {
            values.add(r.get(column));
            values.add(r.get(column));
        });
        return values;
    }

    LocalDate freshDay() throws Exception {
        Random random = new Random();
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate day = LocalDate.of(1960 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28))
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
            if (rows(export(day)).size() == 2) {
                return day;
            }
        }
        throw new AssertionError("no free day found");
    }

    byte[] export(LocalDate day) throws Exception {
        return export(day, "");
    }

    byte[] export(LocalDate day, String filters) throws Exception {
        MockHttpServletResponse r = f.get(DemoUsers.VILLAGE_CADRE, "/api/disputes/export.xlsx?village=" + f.ownVillage
                + "&from=" + day + "&to=" + day + filters);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).isEqualTo(DisputeSheetController.XLSX.toString());
        return r.getContentAsByteArray();
    }

    MockHttpServletResponse upload(String user, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/disputes/import").file(new MockMultipartFile("file", "排查表.xlsx",
                DisputeSheetController.XLSX.toString(), bytes)).with(DemoUsers.as(users, user))
                .with(BrowserCsrf.token())).andReturn().getResponse();
    }

    static List<List<String>> rows(byte[] xlsx) throws Exception {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    static byte[] sheet(List<List<String>> data) throws Exception {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            Row header = sheet.createRow(0);
            for (int i = 0; i < DisputeSheet.HEADERS.size(); i++) {
                header.createCell(i).setCellValue(DisputeSheet.HEADERS.get(i));
            }
            for (int r = 0; r < data.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < data.get(r).size(); c++) {
                    row.createCell(c).setCellValue(data.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
