package cn.pingangrid.household.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A household as JSON for one reader: handlers see names, masked ID numbers and phones and a birth year, or (with a
 * stated, audited reason) the full values; masked readers see masks only and no birth date. The masks are made
 * here, from the decrypted value, so no caller ever holds a full value it is not meant to show.
 */
@Component
class HouseholdView {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HouseholdView.class);
    static final String UNREADABLE = "（无法解密：密钥未配置）";

    private final HouseholdCipher cipher;

    HouseholdView(HouseholdCipher cipher) {
        this.cipher = cipher;
    }

    /** A line of a list: no ID numbers, no phones. */
    Map<String, Object> summary(Household h, HouseholdAccess access) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.getId());
        m.put("building", h.getBuildingCode());
        m.put("grid", h.getGridCode());
        m.put("village", h.getVillageCode());
        m.put("groupName", h.getGroupName());
        m.put("headName", name(h.getHeadName(), access));
        m.put("memberCount", h.getMemberCount());
        m.put("povertyRegistered", h.isPovertyRegistered());
        m.put("housing", h.getHousing());
        return m;
    }

    Map<String, Object> detail(Household h, HouseholdAccess access, boolean revealed) {
        Map<String, Object> m = summary(h, access);
        m.put("otherNotes", h.getOtherNotes());
        m.put("access", access.name());
        m.put("revealed", revealed);
        m.put("updatedAt", h.getUpdatedAt().toString());
        m.put("members", h.getMembers().stream().map(p -> person(p, access, revealed)).toList());
        m.put("moves", h.getMoves().stream().map(v -> {
            Map<String, Object> row = person(v.getPerson(), access, revealed);
            row.put("direction", v.getDirection());
            row.put("movedOn", v.getMovedOn().toString());
            row.put("reason", v.getReason());
            row.put("place", v.getPlace());
            return row;
        }).toList());
        m.put("merits", h.getMerits().stream().map(x -> row("name", name(x.getName(), access), "doneOn",
                x.getDoneOn().toString(), "deed", x.getDeed(), "commendation", x.getCommendation())).toList());
        m.put("misconduct", h.getMisconduct().stream().map(x -> row("name", name(x.getName(), access), "recordedOn",
                x.getRecordedOn().toString(), "detail", x.getDetail(), "handling", x.getHandling())).toList());
        m.put("conflicts", h.getConflicts().stream().map(x -> row("checkedOn", x.getCheckedOn().toString(),
                "situation", x.getSituation(), "measures", x.getMeasures(), "remarks", x.getRemarks(), "disputeId",
                x.getDisputeId())).toList());
        return m;
    }

    Map<String, Object> person(Person p, HouseholdAccess access, boolean revealed) {
        boolean full = access == HouseholdAccess.HANDLER && revealed;
        String id = readable(p.getIdNumberEnc());
        String phone = readable(p.getPhoneEnc());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name(p.getName(), access));
        m.put("gender", p.getGender());
        m.put("birthDate", full ? p.getBirthDate().toString()
                : access == HouseholdAccess.HANDLER ? Masks.birthYear(p.getBirthDate()) : null);
        m.put("idNumber", id == null ? UNREADABLE : full ? id : Masks.idNumber(id));
        m.put("relation", p.getRelation());
        m.put("phone", phone == null && p.getPhoneEnc() != null ? UNREADABLE : full ? phone : Masks.phone(phone));
        m.put("education", p.getEducation());
        m.put("health", p.getHealth());
        return m;
    }

    /**
     * The plain value, or null when its key is not configured (a key removed too early, or a database restored
     * without its key file): one unreadable value shows as such instead of failing the whole list or export.
     */
    private String readable(String stored) {
        try {
            return cipher.decrypt(stored);
        } catch (IllegalStateException e) {
            log.warn("一户一档：{}", e.getMessage()); // names the key id, never the value
            return null;
        }
    }

    static String name(String name, HouseholdAccess access) {
        return access == HouseholdAccess.HANDLER ? name : Masks.name(name);
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
