package cn.pingangrid.household.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import cn.pingangrid.scope.AreaBound;
import cn.pingangrid.system.InvalidInputException;

/**
 * 一户一档: a household in a building, placed by the building's village and grid (so the one scope cuts every read
 * and write), with the rows of its five forms. The invariants of 家庭人员基本信息表 live here: exactly one 户主, and
 * no ID number twice in one household.
 */
@Entity
@AreaBound(village = "villageCode", grid = "gridCode")
@Table(name = "household")
public class Household {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "building_code")
    private String buildingCode;
    @Column(name = "village_code")
    private String villageCode;
    @Column(name = "grid_code")
    private String gridCode;
    @Column(name = "group_name")
    private String groupName;
    @Column(name = "head_name")
    private String headName;
    @Column(name = "member_count")
    private int memberCount;
    @Column(name = "poverty_registered")
    private boolean povertyRegistered;
    private String housing;
    @Column(name = "other_notes")
    private String otherNotes;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    @ElementCollection
    @CollectionTable(name = "household_member", joinColumns = @JoinColumn(name = "household_id"))
    @OrderColumn(name = "seq")
    @org.hibernate.annotations.BatchSize(size = 200) // lists and exports read many households' members
    private List<Person> members = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "household_move", joinColumns = @JoinColumn(name = "household_id"))
    @OrderColumn(name = "seq")
    @org.hibernate.annotations.BatchSize(size = 200)
    private List<MemberMove> moves = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "household_merit", joinColumns = @JoinColumn(name = "household_id"))
    @OrderColumn(name = "seq")
    @org.hibernate.annotations.BatchSize(size = 200)
    private List<Merit> merits = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "household_misconduct", joinColumns = @JoinColumn(name = "household_id"))
    @OrderColumn(name = "seq")
    @org.hibernate.annotations.BatchSize(size = 200)
    private List<Misconduct> misconduct = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "household_conflict", joinColumns = @JoinColumn(name = "household_id"))
    @OrderColumn(name = "seq")
    @org.hibernate.annotations.BatchSize(size = 200)
    private List<ConflictCheck> conflicts = new ArrayList<>();

    protected Household() {
    }

    /** The household-level columns of 家庭人员基本信息表 (already checked for length and text). */
    record Basics(String groupName, boolean povertyRegistered, String housing, String otherNotes) {
    }

    Household(String buildingCode, String villageCode, String gridCode, Basics basics, List<Person> members,
            String by, Instant now) {
        this.buildingCode = buildingCode;
        this.villageCode = villageCode;
        this.gridCode = gridCode;
        this.createdAt = now;
        edit(basics, members, by, now);
    }

    /**
     * Replaces the basics and the members. {@code members} must hold exactly one 户主 and no ID number twice
     * (checked by blind index; the error names the later row, {@code members[i].idNumber}).
     */
    void edit(Basics basics, List<Person> members, String by, Instant now) {
        checkMembers(members, "members");
        this.groupName = basics.groupName();
        this.povertyRegistered = basics.povertyRegistered();
        this.housing = basics.housing();
        this.otherNotes = basics.otherNotes();
        this.members.clear();
        this.members.addAll(members);
        this.memberCount = members.size();
        this.headName = members.stream().filter(Person::isHead).findFirst().orElseThrow().getName();
        touch(by, now);
    }

    static void checkMembers(List<Person> members, String field) {
        if (members.isEmpty()) {
            throw new InvalidInputException(field, "至少登记一名家庭成员（户主）");
        }
        if (members.size() > 50) {
            throw new InvalidInputException(field, "一户最多登记 50 人");
        }
        Map<String, Integer> seen = new HashMap<>();
        int heads = 0;
        for (int i = 0; i < members.size(); i++) {
            Person p = members.get(i);
            Integer earlier = seen.putIfAbsent(p.getIdNumberIndex(), i);
            if (earlier != null) {
                throw new InvalidInputException(field + "[" + i + "].idNumber", "身份证号码与第 " + (earlier + 1)
                        + " 名成员重复：同一户中每人只登记一次");
            }
            heads += p.isHead() ? 1 : 0;
        }
        if (heads != 1) {
            throw new InvalidInputException(field, heads == 0 ? "须有一名成员的与户主关系为「户主」"
                    : "只能有一名户主（现有 " + heads + " 名）");
        }
    }

    /**
     * Records a move: moving in adds the person to the members (unless already one), moving out removes them; the
     * 户主 cannot move out before another member becomes 户主.
     */
    void recordMove(MemberMove move, String by, Instant now) {
        Person person = move.getPerson();
        int at = indexOf(person.getIdNumberIndex());
        if ("IN".equals(move.getDirection())) {
            if (at < 0) {
                List<Person> next = new ArrayList<>(members);
                next.add(person);
                if (person.isHead()) {
                    throw new InvalidInputException("relation", "本户已有户主：迁入人员的与户主关系不能是「户主」");
                }
                checkMembers(next, "members");
                members.add(person);
            }
        } else {
            if (at >= 0 && members.get(at).isHead()) {
                throw new InvalidInputException("idNumber", "户主迁出前须先在家庭人员基本信息表中变更户主");
            }
            if (at >= 0) {
                members.remove(at);
            }
        }
        memberCount = members.size();
        moves.add(move);
        touch(by, now);
    }

    void addMerit(Merit merit, String by, Instant now) {
        merits.add(merit);
        touch(by, now);
    }

    void addMisconduct(Misconduct entry, String by, Instant now) {
        misconduct.add(entry);
        touch(by, now);
    }

    void addConflict(ConflictCheck check, String by, Instant now) {
        conflicts.add(check);
        touch(by, now);
    }

    /** Replaces one form's rows (an import names the household: the file is its archive for that form). */
    void replaceEntries(List<MemberMove> moves, List<Merit> merits, List<Misconduct> misconduct,
            List<ConflictCheck> conflicts, String by, Instant now) {
        replace(this.moves, moves);
        replace(this.merits, merits);
        replace(this.misconduct, misconduct);
        replace(this.conflicts, conflicts);
        touch(by, now);
    }

    private static <T> void replace(List<T> target, List<T> rows) {
        if (rows != null) {
            target.clear();
            target.addAll(rows);
        }
    }

    /**
     * Moves every encrypted value to the active key: {values changed, people left unchanged because a key is
     * missing}.
     */
    int[] reseal(HouseholdCipher cipher) {
        int[] result = new int[2];
        List<Person> people = new ArrayList<>(members);
        moves.forEach(m -> people.add(m.getPerson()));
        for (Person p : people) {
            try {
                result[0] += p.reseal(cipher);
            } catch (IllegalStateException e) {
                result[1]++;
            }
        }
        return result;
    }

    private int indexOf(String idNumberIndex) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).getIdNumberIndex().equals(idNumberIndex)) {
                return i;
            }
        }
        return -1;
    }

    private void touch(String by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getBuildingCode() {
        return buildingCode;
    }

    public String getVillageCode() {
        return villageCode;
    }

    public String getGridCode() {
        return gridCode;
    }

    public String getGroupName() {
        return groupName;
    }

    public String getHeadName() {
        return headName;
    }

    public int getMemberCount() {
        return memberCount;
    }

    public boolean isPovertyRegistered() {
        return povertyRegistered;
    }

    public String getHousing() {
        return housing;
    }

    public String getOtherNotes() {
        return otherNotes;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<Person> getMembers() {
        return Collections.unmodifiableList(members);
    }

    public List<MemberMove> getMoves() {
        return Collections.unmodifiableList(moves);
    }

    public List<Merit> getMerits() {
        return Collections.unmodifiableList(merits);
    }

    public List<Misconduct> getMisconduct() {
        return Collections.unmodifiableList(misconduct);
    }

    public List<ConflictCheck> getConflicts() {
        return Collections.unmodifiableList(conflicts);
    }
}
