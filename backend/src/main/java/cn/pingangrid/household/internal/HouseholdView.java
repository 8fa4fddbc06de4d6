package cn.pingangrid.household.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
    record Summary(Long id, String building, String grid, String village, String groupName, String headName,
            int memberCount, boolean povertyRegistered, String housing) {
    }

    /**
     * The whole household for one reader: the list line's fields, then the forms, and the register's disputes at its
     * building and those its 登记表 names.
     */
    record Detail(@JsonUnwrapped Summary summary, String otherNotes, String access, boolean revealed,
            String updatedAt, List<PersonView> members, List<MoveView> moves, List<MeritView> merits,
            List<MisconductView> misconduct, List<ConflictView> conflicts, List<LinkedDispute> disputes) {
    }

    /** A member as this reader may see them: {@code birthDate} is a year or null unless revealed. */
    record PersonView(String name, String gender, String birthDate, String idNumber, String relation, String phone,
            String education, String health) {
    }

    /** A 迁入 / 迁出 (direction {@code IN} / {@code OUT}) with the person's fields. */
    record MoveView(@JsonUnwrapped PersonView person, String direction, String movedOn, String reason,
            String place) {
    }

    record MeritView(String name, String doneOn, String deed, String commendation) {
    }

    record MisconductView(String name, String recordedOn, String detail, String handling) {
    }

    record ConflictView(String checkedOn, String situation, String measures, String remarks, Long disputeId) {
    }

    /** A dispute of the register at the building, or named by a 矛盾排查 entry ({@code linked}). */
    record LinkedDispute(long id, String type, String status, String sweptOn, boolean linked) {
    }

    Summary summary(Household h, HouseholdAccess access) {
        return new Summary(h.getId(), h.getBuildingCode(), h.getGridCode(), h.getVillageCode(), h.getGroupName(),
                name(h.getHeadName(), access), h.getMemberCount(), h.isPovertyRegistered(), h.getHousing());
    }

    Detail detail(Household h, HouseholdAccess access, boolean revealed, List<LinkedDispute> disputes) {
        return new Detail(summary(h, access), h.getOtherNotes(), access.name(), revealed,
                h.getUpdatedAt().toString(),
                h.getMembers().stream().map(p -> person(p, access, revealed)).toList(),
                h.getMoves().stream().map(v -> new MoveView(person(v.getPerson(), access, revealed),
                        v.getDirection(), v.getMovedOn().toString(), v.getReason(), v.getPlace())).toList(),
                h.getMerits().stream().map(x -> new MeritView(name(x.getName(), access), x.getDoneOn().toString(),
                        x.getDeed(), x.getCommendation())).toList(),
                h.getMisconduct().stream().map(x -> new MisconductView(name(x.getName(), access),
                        x.getRecordedOn().toString(), x.getDetail(), x.getHandling())).toList(),
                h.getConflicts().stream().map(x -> new ConflictView(x.getCheckedOn().toString(), x.getSituation(),
                        x.getMeasures(), x.getRemarks(), x.getDisputeId())).toList(),
                disputes);
    }

    PersonView person(Person p, HouseholdAccess access, boolean revealed) {
        boolean full = access == HouseholdAccess.HANDLER && revealed;
        String id = readable(p.getIdNumberEnc());
        String phone = readable(p.getPhoneEnc());
        return new PersonView(name(p.getName(), access), p.getGender(), full ? p.getBirthDate().toString()
                : access == HouseholdAccess.HANDLER ? Masks.birthYear(p.getBirthDate()) : null,
                id == null ? UNREADABLE : full ? id : Masks.idNumber(id), p.getRelation(),
                phone == null && p.getPhoneEnc() != null ? UNREADABLE : full ? phone : Masks.phone(phone),
                p.getEducation(), p.getHealth());
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
}
