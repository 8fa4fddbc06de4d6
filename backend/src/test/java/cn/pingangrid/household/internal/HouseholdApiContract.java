package cn.pingangrid.household.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.testsupport.BrowserCsrf;
import cn.pingangrid.testsupport.DemoUsers;
import cn.pingangrid.testsupport.TestIdNumbers;
import cn.pingangrid.testsupport.TownDataset;
import cn.pingangrid.testsupport.TownDataset.Item;

/**
 * 一户一档 on one database: encryption at rest (read straight from the columns), key rotation, what each role sees,
 * masks that no search, sort or export undoes, GB 11643 and duplicate refusals that write nothing, and the XLSX
 * forms both ways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HouseholdApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<Item> BUILDINGS = TownDataset.read("buildings");
    static final Pattern STORED = Pattern.compile("[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]+=*");
    static final Pattern ANY_ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    static final Pattern ANY_MOBILE = Pattern.compile("1\\d{10}");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HouseholdKeyRotation rotation;

    String ownGrid;
    String ownBuilding;
    String secondOwnBuilding;
    String foreignBuilding;
    String foreignCadre;

    @BeforeAll
    void places() {
        ownGrid = users.loadUserByUsername(DemoUsers.GRID_MANAGER).getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith(AreaScope.GRID_PREFIX))
                .map(a -> a.substring(AreaScope.GRID_PREFIX.length())).findFirst().orElseThrow();
        List<String> own = BUILDINGS.stream().map(Item::code).filter(c -> c.startsWith(ownGrid)).toList();
        ownBuilding = own.get(1);
        secondOwnBuilding = own.get(2);
        foreignBuilding = BUILDINGS.stream().map(Item::code).filter(c -> !c.startsWith(ownGrid.substring(0, 12)))
                .findFirst().orElseThrow();
        foreignCadre = "cunganbu-" + foreignBuilding.substring(9, 12);
    }

    /** A person of a household request. */
    static Map<String, Object> person(String name, String relation, String idNumber, String phone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("relation", relation);
        p.put("idNumber", idNumber);
        p.put("phone", phone);
        p.put("education", "初中");
        p.put("health", "健康");
        return p;
    }

    static Map<String, Object> household(String building, List<Map<String, Object>> members) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("building", building);
        h.put("groupName", "三组");
        h.put("povertyRegistered", false);
        h.put("housing", "砖混两层");
        h.put("members", members);
        return h;
    }

    record Made(long id, String headName, String headId, String headPhone, String otherId) {
    }

    private static final AtomicInteger GIVEN_NAMES = new AtomicInteger((int) (Math.random() * 200));

    Made make(String user, String building, String surname) throws Exception {
        // a random birth date too: a person found by number must be this test's, whatever earlier runs left
        return make(user, building, surname, LocalDate.of(1950, 1, 1).plusDays((long) (Math.random() * 14_000)));
    }

    Made make(String user, String building, String surname, LocalDate headBirth) throws Exception {
        String headId = TestIdNumbers.valid(headBirth, true);
        String otherId = TestIdNumbers.valid();
        String phone = TestIdNumbers.phone();
        // given names never repeat within a run (a search for one must find that household only)
        int n = GIVEN_NAMES.getAndIncrement();
        String name = surname + "测" + (char) ('甲' + n % 200); // U+7532..U+75F9: all ideographs
        MockHttpServletResponse r = send(user, "POST", "/api/households", household(building, List.of(
                person(name, "户主", headId, phone), person(surname + "小妹", "女儿", otherId, null))));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return new Made(JSON.readTree(r.getContentAsString()).get("id").asLong(), name, headId, phone, otherId);
    }

    @Test
    void theDatabaseHoldsNoPlainIdNumberOrPhone() throws Exception {
        Made made = make(DemoUsers.VILLAGE_CADRE, ownBuilding, "钱");
        List<Map<String, Object>> rows = jdbc.queryForList("select * from household_member where household_id = ?",
                made.id());
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            assertThat(String.valueOf(row.get("id_number_enc"))).matches(STORED);
            assertThat(String.valueOf(row.get("id_number_index"))).hasSize(43).doesNotContain(made.headId());
        }
        assertThat(String.valueOf(rows.get(0).get("phone_enc"))).matches(STORED);
        assertThat(rows.get(1).get("phone_enc")).isNull();
        // every text column of every household table, every row: no ID number, no mobile number, in plain text
        for (String table : List.of("household", "household_member", "household_move", "household_merit",
                "household_misconduct", "household_conflict")) {
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
                for (var column : row.entrySet()) {
                    if (column.getValue() instanceof String text && !column.getKey().toLowerCase().endsWith("_code")) {
                        String stripped = text.contains(":") ? "" : text; // ciphertext may hold any digits
                        assertThat(ANY_ID_NUMBER.matcher(stripped).find()).as(table + ": " + text).isFalse();
                        assertThat(ANY_MOBILE.matcher(stripped).find()).as(table + ": " + text).isFalse();
                        assertThat(text).doesNotContain(made.headId()).doesNotContain(made.headPhone());
                    }
                }
            }
        }
    }

    @Test
    void keyRotationKeepsEveryValueReadable() throws Exception {
        Made made = make(DemoUsers.GRID_MANAGER, ownBuilding, "孙");
        send(DemoUsers.GRID_MANAGER, "POST", "/api/households/" + made.id() + "/moves", Map.of("direction", "IN",
                "movedOn", LocalDate.now().minusDays(3).toString(), "reason", "婚嫁", "place", "桃江县城",
                "name", "孙新来", "relation", "儿媳", "idNumber", TestIdNumbers.valid(), "phone", TestIdNumbers.phone()));
        JsonNode before = reveal(DemoUsers.GRID_MANAGER, made.id());
        String key = "t" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        HouseholdKeyRotation.Result result = rotation.rotate(key);
        assertThat(result.households()).isGreaterThanOrEqualTo(1);
        assertThat(result.values()).isGreaterThanOrEqualTo(5); // 2 + 1 ID numbers, 2 phones at least
        for (String table : List.of("household_member", "household_move")) {
            for (Map<String, Object> row : jdbc.queryForList("select id_number_enc, phone_enc from " + table
                    + " where household_id = ?", made.id())) {
                assertThat((String) row.get("id_number_enc")).startsWith(key + ":");
                if (row.get("phone_enc") != null) {
                    assertThat((String) row.get("phone_enc")).startsWith(key + ":");
                }
            }
        }
        JsonNode after = reveal(DemoUsers.GRID_MANAGER, made.id());
        assertThat(after.get("members")).isEqualTo(before.get("members"));
        assertThat(after.get("moves")).isEqualTo(before.get("moves"));
        assertThat(after.get("members").get(0).get("idNumber").asString()).isEqualTo(made.headId());
        // the blind index survives the rotation: the person is still found by number
        assertThat(ids(json(DemoUsers.GRID_MANAGER, "/api/households?idNumber=" + made.otherId()))).contains(made.id());
        assertThat(rotation.rotate(key).values()).as("a second run finds nothing left to do").isZero();
    }

    @Test
    void eachRoleSeesExactlyWhatItShould() throws Exception {
        Made made = make(DemoUsers.VILLAGE_CADRE, ownBuilding, "李", LocalDate.of(1970, 3, 9));
        String url = "/api/households/" + made.id();
        String maskedId = made.headId().substring(0, 6) + "********" + made.headId().substring(14);
        String maskedPhone = made.headPhone().substring(0, 3) + "****" + made.headPhone().substring(7);
        for (String handler : List.of(DemoUsers.VILLAGE_CADRE, DemoUsers.GRID_MANAGER)) {
            JsonNode d = json(handler, url);
            assertThat(d.get("access").asString()).isEqualTo("HANDLER");
            JsonNode head = d.get("members").get(0);
            assertThat(head.get("name").asString()).isEqualTo(made.headName());
            assertThat(head.get("idNumber").asString()).isEqualTo(maskedId);
            assertThat(head.get("phone").asString()).isEqualTo(maskedPhone);
            assertThat(head.get("birthDate").asString()).isEqualTo("1970年");
            long audited = count("select count(*) from audit_log where action = 'HOUSEHOLD_REVEAL' and object_id = '"
                    + made.id() + "'");
            JsonNode full = reveal(handler, made.id());
            assertThat(full.get("members").get(0).get("idNumber").asString()).isEqualTo(made.headId());
            assertThat(full.get("members").get(0).get("phone").asString()).isEqualTo(made.headPhone());
            assertThat(full.get("members").get(0).get("birthDate").asString()).isEqualTo("1970-03-09");
            assertThat(count("select count(*) from audit_log where action = 'HOUSEHOLD_REVEAL' and object_id = '"
                    + made.id() + "' and username = '" + handler + "' and detail like '%入户核对%'"))
                    .as("the reveal and its reason are in the audit log").isGreaterThan(0);
            assertThat(count("select count(*) from audit_log where action = 'HOUSEHOLD_REVEAL' and object_id = '"
                    + made.id() + "'")).isEqualTo(audited + 1);
            assertThat(String.join(" ", jdbc.queryForList("select detail from audit_log where object_type = "
                    + "'household'", String.class))).doesNotContain(made.headId()).doesNotContain(made.headPhone());
        }
        for (String masked : List.of(DemoUsers.TOWN_OFFICE, DemoUsers.AUX_POLICE)) {
            JsonNode d = json(masked, url);
            assertThat(d.get("access").asString()).isEqualTo("MASKED");
            JsonNode head = d.get("members").get(0);
            assertThat(head.get("name").asString()).isEqualTo(made.headName().substring(0, 1) + "**");
            assertThat(head.get("idNumber").asString()).isEqualTo(maskedId);
            assertThat(head.get("phone").asString()).isEqualTo(maskedPhone);
            assertThat(head.get("birthDate").isNull()).as("a birth date beside the mask would give the number away")
                    .isTrue();
            assertThat(d.toString()).doesNotContain(made.headId()).doesNotContain(made.headPhone())
                    .doesNotContain(made.headName());
            MockHttpServletResponse refused = send(masked, "POST", url + "/reveal", Map.of("reason", "想看看"));
            assertThat(refused.getStatus()).isEqualTo(403);
            assertThat(refused.getContentAsString()).doesNotContain(made.headId());
            assertThat(send(masked, "POST", url + "/merits", Map.of("name", "李四", "doneOn", "2026-01-02", "deed",
                    "好事")).getStatus()).isEqualTo(403);
        }
        for (String countsOnly : List.of(DemoUsers.LEADER, DemoUsers.MEDIATOR, DemoUsers.ADMIN)) {
            assertThat(status(countsOnly, url)).as(countsOnly).isEqualTo(403);
            assertThat(status(countsOnly, "/api/households")).as(countsOnly).isEqualTo(403);
            assertThat(status(countsOnly, "/api/households/export.xlsx")).as(countsOnly).isEqualTo(403);
        }
        JsonNode leader = json(DemoUsers.LEADER, "/api/households/counts?building=" + ownBuilding);
        assertThat(leader.get("households").asLong()).isEqualTo(count(
                "select count(*) from household where building_code = '" + ownBuilding + "'"));
        assertThat(leader.get("members").asLong()).isEqualTo(count("select count(*) from household_member m "
                + "join household h on h.id = m.household_id where h.building_code = '" + ownBuilding + "'"));
        assertThat(leader.toString()).doesNotContain(made.headName().substring(1));
        assertThat(json(DemoUsers.MEDIATOR, "/api/households/counts?building=" + ownBuilding).get("households")
                .asLong()).as("no area, nothing to count").isZero();
        // another village's cadre: the household is as absent as an unknown one
        assertThat(status(foreignCadre, url)).isEqualTo(404);
        assertThat(send(foreignCadre, "POST", url + "/reveal", Map.of("reason", "入户核对")).getStatus())
                .isEqualTo(404);
    }

    @Test
    void maskedValuesNeverUnmaskThroughSearchSortOrExport() throws Exception {
        Made first = make(DemoUsers.VILLAGE_CADRE, secondOwnBuilding, "欧阳");
        Made second = make(DemoUsers.VILLAGE_CADRE, secondOwnBuilding, "欧阳");
        String office = DemoUsers.TOWN_OFFICE;
        // a masked reader finds by the visible surname, never by the hidden given name
        assertThat(ids(json(office, "/api/households?building=" + secondOwnBuilding + "&q=欧")))
                .contains(first.id(), second.id());
        assertThat(ids(json(office, "/api/households?building=" + secondOwnBuilding + "&q=" + first.headName())))
                .isEmpty();
        assertThat(ids(json(office, "/api/households?building=" + secondOwnBuilding + "&q=欧阳"))).isEmpty();
        assertThat(ids(json(DemoUsers.VILLAGE_CADRE, "/api/households?building=" + secondOwnBuilding + "&q="
                + first.headName()))).contains(first.id()).doesNotContain(second.id());
        // nor by an ID number or phone
        assertThat(status(office, "/api/households?idNumber=" + first.headId())).isEqualTo(403);
        assertThat(ids(json(office, "/api/households?q=" + first.headId().substring(0, 6)))).isEmpty();
        assertThat(ids(json(DemoUsers.VILLAGE_CADRE, "/api/households?q=" + first.headPhone()))).isEmpty();
        assertThat(ids(json(DemoUsers.VILLAGE_CADRE, "/api/households?idNumber=" + first.headId())))
                .containsExactly(first.id());
        // sorted by head: a masked reader's order depends on the surname only, so it leaks no given name
        List<Long> masked = ids(json(office, "/api/households?building=" + secondOwnBuilding + "&sort=head"));
        List<Long> expected = new ArrayList<>(masked);
        expected.sort(Long::compare); // same building, same surname: by id
        assertThat(masked).isEqualTo(expected);
        JsonNode list = json(office, "/api/households?building=" + secondOwnBuilding + "&sort=head");
        assertThat(list.toString()).doesNotContain(first.headName()).doesNotContain(second.headName());
        // exports: masked for the masked and (without a reason) for handlers; full only with a reason, audited
        String officeSheet = sheet(office, "/api/households/export.xlsx?building=" + secondOwnBuilding);
        assertThat(officeSheet).contains("欧**").doesNotContain(first.headName()).doesNotContain(first.headId())
                .doesNotContain(first.headPhone());
        String handlerSheet = sheet(DemoUsers.VILLAGE_CADRE, "/api/households/export.xlsx?building="
                + secondOwnBuilding);
        assertThat(handlerSheet).contains(first.headName()).doesNotContain(first.headId())
                .doesNotContain(first.headPhone());
        assertThat(status(office, "/api/households/export.xlsx?reveal=true&reason=核对")).isEqualTo(403);
        assertThat(status(DemoUsers.VILLAGE_CADRE, "/api/households/export.xlsx?reveal=true")).isEqualTo(400);
        long fullExports = count("select count(*) from audit_log where action = 'HOUSEHOLD_EXPORT_FULL'");
        String full = sheet(DemoUsers.VILLAGE_CADRE, "/api/households/export.xlsx?building=" + secondOwnBuilding
                + "&reveal=true&reason=" + java.net.URLEncoder.encode("年度档案核对", "UTF-8"));
        assertThat(full).contains(first.headId()).contains(first.headPhone()).contains(second.headId());
        assertThat(count("select count(*) from audit_log where action = 'HOUSEHOLD_EXPORT_FULL'"))
                .isEqualTo(fullExports + 1);
    }

    @Test
    void aWrongChecksumAFutureBirthOrADuplicateIdIsA400NamingTheFieldAndWritesNothing() throws Exception {
        String head = TestIdNumbers.valid(LocalDate.of(1965, 1, 2), true);
        String child = TestIdNumbers.valid(LocalDate.of(1990, 6, 6), false);
        String tomorrow = TestIdNumbers.valid(LocalDate.now().plusDays(1), false);
        Map<String, List<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("members[1].idNumber", List.of(person("周一", "户主", head, null),
                person("周二", "女儿", TestIdNumbers.wrongCheck(child), null)));
        cases.put("members[0].idNumber", List.of(person("周一", "户主", tomorrow, null)));
        Map<String, Object> bornTomorrow = person("周三", "户主", head, null);
        bornTomorrow.put("birthDate", LocalDate.now().plusDays(1).toString());
        cases.put("members[0].birthDate", List.of(bornTomorrow));
        cases.put("members[2].idNumber", List.of(person("周一", "户主", head, null), person("周二", "女儿", child, null),
                person("周二", "女儿", child.toLowerCase(), null)));
        Map<String, Object> wrongGender = person("周四", "户主", head, null);
        wrongGender.put("gender", "女");
        cases.put("members[0].gender", List.of(wrongGender));
        cases.put("members[1].phone", List.of(person("周一", "户主", head, null), person("周二", "女儿", child, "12345")));
        cases.put("members", List.of(person("周一", "妻子", head, null)));
        for (var c : cases.entrySet()) {
            long households = count("select count(*) from household");
            long members = count("select count(*) from household_member");
            MockHttpServletResponse r = send(DemoUsers.GRID_MANAGER, "POST", "/api/households",
                    household(ownBuilding, c.getValue()));
            assertThat(r.getStatus()).as(c.getKey() + " " + r.getContentAsString()).isEqualTo(400);
            assertThat(r.getContentType()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(r.getContentAsString());
            assertThat(problem.get("invalid-params").get(0).get("name").asString()).isEqualTo(c.getKey());
            assertThat(r.getContentAsString()).doesNotContain(head).doesNotContain(child);
            assertThat(count("select count(*) from household")).isEqualTo(households);
            assertThat(count("select count(*) from household_member")).isEqualTo(members);
        }
        // the same on an existing household's edit and a move into it
        Made made = make(DemoUsers.GRID_MANAGER, ownBuilding, "吴");
        String before = jdbc.queryForList("select * from household_member where household_id = ? order by seq",
                made.id()).toString();
        MockHttpServletResponse dup = send(DemoUsers.GRID_MANAGER, "PUT", "/api/households/" + made.id(),
                household(ownBuilding, List.of(person("吴一", "户主", made.headId(), null), person("吴二", "儿子",
                        made.headId(), null))));
        assertThat(dup.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(dup.getContentAsString()).get("invalid-params").get(0).get("name").asString())
                .isEqualTo("members[1].idNumber");
        MockHttpServletResponse moveIn = send(DemoUsers.GRID_MANAGER, "POST", "/api/households/" + made.id()
                + "/moves", Map.of("direction", "IN", "movedOn", LocalDate.now().toString(), "name", "吴三",
                        "relation", "孙子", "idNumber", TestIdNumbers.wrongCheck(made.otherId())));
        assertThat(moveIn.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(moveIn.getContentAsString()).get("invalid-params").get(0).get("name").asString())
                .isEqualTo("idNumber");
        assertThat(jdbc.queryForList("select * from household_member where household_id = ? order by seq",
                made.id()).toString()).isEqualTo(before);
        assertThat(count("select count(*) from household_move where household_id = " + made.id())).isZero();
    }

    @Test
    void theFormsRoundTripThroughXlsxAndABadRowImportsNothing() throws Exception {
        Made made = make(DemoUsers.VILLAGE_CADRE, ownBuilding, "郑");
        String base = "/api/households/" + made.id();
        assertThat(send(DemoUsers.VILLAGE_CADRE, "POST", base + "/merits", Map.of("name", made.headName(), "doneOn",
                "2026-03-01", "deed", "带头修村道", "commendation", "村表彰")).getStatus()).isEqualTo(201);
        assertThat(send(DemoUsers.VILLAGE_CADRE, "POST", base + "/misconduct", Map.of("name", made.headName(),
                "recordedOn", "2026-04-01", "detail", "占道堆放杂物", "handling", "批评教育")).getStatus()).isEqualTo(201);
        assertThat(send(DemoUsers.VILLAGE_CADRE, "POST", base + "/conflicts", Map.of("checkedOn", "2026-05-01",
                "situation", "邻里排水纠纷", "measures", "上门调解")).getStatus()).isEqualTo(201);
        byte[] book = bytes(DemoUsers.VILLAGE_CADRE, "/api/households/export.xlsx?building=" + ownBuilding
                + "&reveal=true&reason=" + java.net.URLEncoder.encode("档案整理", "UTF-8"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            for (HouseholdSheet.Form form : HouseholdSheet.Form.values()) {
                Sheet sheet = workbook.getSheet(form.sheet);
                assertThat(sheet).as(form.sheet).isNotNull();
                List<String> header = new ArrayList<>();
                sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
                assertThat(header).isEqualTo(form.columns);
            }
            assertThat(workbook.getSheet("家庭人员基本信息表").getRow(1).getCell(6).getStringCellValue())
                    .isEqualTo("身份证号码");
        }
        // the full export imported again: the archive is the same (no duplicate entries)
        MockHttpServletResponse again = upload(DemoUsers.VILLAGE_CADRE, book);
        assertThat(again.getStatus()).as(again.getContentAsString()).isEqualTo(201);
        JsonNode detail = json(DemoUsers.VILLAGE_CADRE, base);
        assertThat(detail.get("members")).hasSize(2);
        assertThat(detail.get("merits")).hasSize(1);
        assertThat(detail.get("misconduct")).hasSize(1);
        assertThat(detail.get("conflicts")).hasSize(1);

        // a new household by label, one bad row: nothing at all is written
        long households = count("select count(*) from household");
        String members = jdbc.queryForList("select * from household_member order by household_id, seq").toString();
        String good = TestIdNumbers.valid(LocalDate.of(1980, 2, 2), true);
        byte[] bad = workbook(List.of(
                List.of("新1", ownBuilding, "一组", "冯一", "", "", good, "户主", "", "", "", "否", "", ""),
                List.of("新1", "", "", "冯二", "", "", TestIdNumbers.wrongCheck(TestIdNumbers.valid()), "儿子", "", "",
                        "", "", "", ""),
                List.of(String.valueOf(made.id()), "", "", "郑改", "", "", made.headId(), "户主", "13800000000x", "",
                        "", "", "", "")));
        MockHttpServletResponse refused = upload(DemoUsers.VILLAGE_CADRE, bad);
        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(400);
        List<String> names = new ArrayList<>();
        JSON.readTree(refused.getContentAsString()).get("invalid-params").forEach(p -> names.add(p.get("name")
                .asString()));
        assertThat(names).containsExactly("rows[4].身份证号码", "rows[5].联系电话");
        assertThat(count("select count(*) from household")).isEqualTo(households);
        assertThat(jdbc.queryForList("select * from household_member order by household_id, seq").toString())
                .isEqualTo(members);
        // the same file without the faults imports
        byte[] fine = workbook(List.of(
                List.of("新1", ownBuilding, "一组", "冯一", "", "", good, "户主", "", "", "", "是", "", ""),
                List.of("新1", "", "", "冯二", "", "", TestIdNumbers.valid(), "儿子", "", "", "", "", "", "")));
        MockHttpServletResponse created = upload(DemoUsers.VILLAGE_CADRE, fine);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        assertThat(count("select count(*) from household")).isEqualTo(households + 1);
        // a foreign building and a masked reader are refused
        byte[] foreign = workbook(List.of(List.of("新2", foreignBuilding, "", "冯三", "", "", TestIdNumbers.valid(),
                "户主", "", "", "", "", "", "")));
        MockHttpServletResponse outside = upload(DemoUsers.VILLAGE_CADRE, foreign);
        assertThat(outside.getStatus()).isEqualTo(400);
        assertThat(outside.getContentAsString()).contains("rows[3].楼栋代码");
        assertThat(upload(DemoUsers.TOWN_OFFICE, fine).getStatus()).isEqualTo(403);
    }

    /** A workbook of the members form only, with the export's title and header rows (data from row 3). */
    static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("家庭人员基本信息表");
            sheet.createRow(0).createCell(0).setCellValue("道德档案信息表");
            Row header = sheet.createRow(1);
            List<String> columns = HouseholdSheet.Form.MEMBERS.columns;
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    JsonNode reveal(String user, long id) throws Exception {
        MockHttpServletResponse r = send(user, "POST", "/api/households/" + id + "/reveal", Map.of("reason",
                "入户核对信息"));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return JSON.readTree(r.getContentAsString());
    }

    MockHttpServletResponse upload(String user, byte[] book) throws Exception {
        return mvc.perform(multipart("/api/households/import").file(new MockMultipartFile("file", "a.xlsx",
                "application/octet-stream", book)).with(DemoUsers.as(users, user)).with(BrowserCsrf.token()))
                .andReturn().getResponse();
    }

    MockHttpServletResponse send(String user, String method, String url, Object body) throws Exception {
        var builder = method.equals("POST") ? post(url)
                : org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(url);
        return mvc.perform(builder.with(DemoUsers.as(users, user)).with(BrowserCsrf.token())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn()
                .getResponse();
    }

    JsonNode json(String user, String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn().getResponse();
        assertThat(r.getStatus()).as(url + " " + r.getContentAsString()).isEqualTo(200);
        return JSON.readTree(r.getContentAsString());
    }

    int status(String user, String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn().getResponse();
        if (r.getStatus() >= 400) {
            assertThat(r.getContentType()).startsWith("application/problem+json");
        }
        return r.getStatus();
    }

    byte[] bytes(String user, String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url).with(DemoUsers.as(users, user))).andReturn().getResponse();
        assertThat(r.getStatus()).as(url).isEqualTo(200);
        return r.getContentAsByteArray();
    }

    /** Every cell of every sheet of an export, as text. */
    String sheet(String user, String url) throws Exception {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes(user, url)))) {
            book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(formatter.formatCellValue(cell))
                    .append('\t'))));
        }
        return text.toString();
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.get("households").forEach(h -> ids.add(h.get("id").asLong()));
        return ids;
    }
}
