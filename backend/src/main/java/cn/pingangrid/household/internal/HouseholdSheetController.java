package cn.pingangrid.household.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.household.internal.HouseholdSheet.Form;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.Texts;

/**
 * The archive as the seed's XLSX forms. The export is masked as the reader's view is; a handler who states a
 * reason ({@code reveal=true&reason=…}) gets the full ID numbers, phones and birth dates. Every export is audited.
 * The import is all or nothing ({@link HouseholdImport}).
 */
@RestController
class HouseholdSheetController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final int MAX_EXPORT_HOUSEHOLDS = 5000;

    private final Households households;
    private final HouseholdView view;
    private final HouseholdImport importer;
    private final AuditTrail audit;
    private final DataSize maxUpload;

    HouseholdSheetController(Households households, HouseholdView view, HouseholdImport importer, AuditTrail audit,
            @Value("${pingan.household.import-max-size:5MB}") DataSize maxUpload) {
        this.households = households;
        this.view = view;
        this.importer = importer;
        this.audit = audit;
        this.maxUpload = maxUpload;
    }

    @GetMapping("/api/households/export.xlsx")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> export(@RequestParam(required = false) String building,
            @RequestParam(required = false) String grid, @RequestParam(required = false) String village,
            @RequestParam(required = false) String reveal, @RequestParam(required = false) String reason) {
        HouseholdAccess access = HouseholdAccess.current().requireArchive();
        Households.Query filter = HouseholdController.filter(building, grid, village);
        boolean full = false;
        if (reveal != null && !reveal.isBlank()) {
            if (!reveal.equals("true") && !reveal.equals("false")) {
                throw new InvalidInputException("reveal", "须为 true 或 false");
            }
            full = reveal.equals("true");
        }
        String why = null;
        if (full) {
            access.requireHandler();
            why = Texts.field("reason", reason, 100, true);
            if (why.codePointCount(0, why.length()) < 2) {
                throw new InvalidInputException("reason", "请写明导出完整信息的事由（至少 2 个字）");
            }
        }
        List<Household> found = households.query(filter).orderBy("h.buildingCode, h.id")
                .list(MAX_EXPORT_HOUSEHOLDS);
        byte[] bytes = HouseholdSheet.write(rows(found, access, full), full ? "含完整身份证号码，注意保密" : "已脱敏");
        audit.record(full ? "HOUSEHOLD_EXPORT_FULL" : "HOUSEHOLD_EXPORT", "household", null,
                found.size() + " 户" + (why == null ? "" : "，事由：" + why));
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(full ? "一户一档（完整）.xlsx" : "一户一档.xlsx", StandardCharsets.UTF_8).build()
                        .toString())
                .body(bytes);
    }

    @PostMapping(path = "/api/households/import", produces = "application/json")
    ResponseEntity<Map<String, Object>> importSheet(@RequestParam("file") MultipartFile file) throws IOException {
        HouseholdAccess.current().requireHandler();
        if (file.getSize() > maxUpload.toBytes()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    "文件过大：户档案表不能超过 " + maxUpload.toMegabytes() + " MB");
            problem.setTitle("文件过大");
            throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
        }
        Map<Form, List<HouseholdSheet.Line>> sheets;
        try (InputStream in = file.getInputStream()) {
            sheets = HouseholdSheet.read(in);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        Map<String, Object> result = importer.run(sheets);
        audit.record("HOUSEHOLD_IMPORT", "household", null, "新建 " + result.get("created") + " 户，更新 "
                + result.get("updated") + " 户");
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    /** Each form's rows for the reader: names, ID numbers, phones and birth dates as {@link HouseholdView} shows them. */
    private Map<Form, List<List<String>>> rows(List<Household> found, HouseholdAccess access, boolean full) {
        Map<Form, List<List<String>>> rows = new EnumMap<>(Form.class);
        for (Form form : Form.values()) {
            rows.put(form, new ArrayList<>());
        }
        for (Household h : found) {
            String key = String.valueOf(h.getId());
            String head = HouseholdView.name(h.getHeadName(), access);
            String poverty = h.isPovertyRegistered() ? "是" : "否";
            boolean first = true;
            for (Person p : h.getMembers()) {
                Map<String, Object> v = view.person(p, access, full);
                rows.get(Form.MEMBERS).add(list(key, first ? h.getBuildingCode() : "", first ? h.getGroupName() : "",
                        v.get("name"), v.get("gender"), v.get("birthDate"), v.get("idNumber"), v.get("relation"),
                        v.get("phone"), v.get("education"), v.get("health"), first ? poverty : "",
                        first ? h.getHousing() : "", first ? h.getOtherNotes() : ""));
                first = false;
            }
            for (MemberMove m : h.getMoves()) {
                Map<String, Object> v = view.person(m.getPerson(), access, full);
                rows.get(Form.MOVES).add(list(key, h.getGroupName(), m.getDirection().equals("IN") ? "迁入" : "迁出",
                        m.getMovedOn(), m.getReason(), m.getPlace(), v.get("name"), v.get("gender"),
                        v.get("birthDate"), v.get("idNumber"), v.get("relation"), v.get("phone"), v.get("education"),
                        v.get("health"), poverty, h.getHousing(), h.getOtherNotes()));
            }
            for (Merit m : h.getMerits()) {
                rows.get(Form.MERITS).add(list(key, head, HouseholdView.name(m.getName(), access), m.getDoneOn(),
                        m.getDeed(), m.getCommendation()));
            }
            for (Misconduct m : h.getMisconduct()) {
                rows.get(Form.MISCONDUCT).add(list(key, head, HouseholdView.name(m.getName(), access),
                        m.getRecordedOn(), m.getDetail(), m.getHandling()));
            }
            for (ConflictCheck c : h.getConflicts()) {
                rows.get(Form.CONFLICTS).add(list(key, head, c.getCheckedOn(), c.getSituation(), c.getMeasures(),
                        c.getRemarks(), c.getDisputeId()));
            }
        }
        return rows;
    }

    private static List<String> list(Object... values) {
        List<String> list = new ArrayList<>();
        for (Object v : values) {
            list.add(v == null ? "" : v.toString());
        }
        return list;
    }
}
