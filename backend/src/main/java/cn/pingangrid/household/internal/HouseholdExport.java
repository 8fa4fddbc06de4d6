package cn.pingangrid.household.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.pingangrid.audit.AuditTrail;
import cn.pingangrid.household.internal.HouseholdSheet.Form;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.Texts;

/**
 * The archive as the seed's XLSX forms for one reader. Masked as the reader's view is; a handler who states a
 * reason ({@code reveal=true&reason=…}) gets the full ID numbers, phones and birth dates. Every export is audited.
 */
@Service
class HouseholdExport {

    static final int MAX_EXPORT_HOUSEHOLDS = 5000;

    /** A workbook and its file name. */
    record Sheet(byte[] bytes, String filename) {
    }

    private final Households households;
    private final HouseholdView view;
    private final AuditTrail audit;

    HouseholdExport(Households households, HouseholdView view, AuditTrail audit) {
        this.households = households;
        this.view = view;
        this.audit = audit;
    }

    /** The workbook for the caller: masked as their view is, or (a handler with a reason) full; audited. */
    @Transactional(readOnly = true)
    Sheet export(String building, String grid, String village, String reveal, String reason) {
        HouseholdAccess access = HouseholdAccess.current().requireArchive();
        Households.Query filter = HouseholdArchive.filter(building, grid, village);
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
        return new Sheet(bytes, full ? "一户一档（完整）.xlsx" : "一户一档.xlsx");
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
                HouseholdView.PersonView v = view.person(p, access, full);
                rows.get(Form.MEMBERS).add(list(key, first ? h.getBuildingCode() : "", first ? h.getGroupName() : "",
                        v.name(), v.gender(), v.birthDate(), v.idNumber(), v.relation(),
                        v.phone(), v.education(), v.health(), first ? poverty : "",
                        first ? h.getHousing() : "", first ? h.getOtherNotes() : ""));
                first = false;
            }
            for (MemberMove m : h.getMoves()) {
                HouseholdView.PersonView v = view.person(m.getPerson(), access, full);
                String direction = MemberMove.Direction.valueOf(m.getDirection()).label();
                rows.get(Form.MOVES).add(list(key, h.getGroupName(), direction, m.getMovedOn(), m.getReason(),
                        m.getPlace(), v.name(), v.gender(), v.birthDate(), v.idNumber(), v.relation(), v.phone(),
                        v.education(), v.health(), poverty, h.getHousing(), h.getOtherNotes()));
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
