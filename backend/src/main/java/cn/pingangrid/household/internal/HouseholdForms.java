package cn.pingangrid.household.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.pingangrid.system.Coded;
import cn.pingangrid.system.Dates;
import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.system.Texts;

/**
 * The one reading of the forms' fields, from JSON and from spreadsheet rows alike: each value checked (length, text,
 * GB 11643, dates not in the future), the ID number and phone encrypted at once. A refusal names the field
 * ({@code members[2].idNumber}); callers translate it to a sheet's column.
 */
@Component
class HouseholdForms {

    /** A mobile number (11 digits from 1) or a fixed line with its area code (0737-1234567). */
    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

    record PersonRequest(String name, String gender, String birthDate, String idNumber, String relation,
            String phone, String education, String health) {
    }

    record HouseholdRequest(String building, String groupName, Boolean povertyRegistered, String housing,
            String otherNotes, List<PersonRequest> members) {
    }

    record MoveRequest(String direction, String movedOn, String reason, String place, String name, String gender,
            String birthDate, String idNumber, String relation, String phone, String education, String health) {

        PersonRequest person() {
            return new PersonRequest(name, gender, birthDate, idNumber, relation, phone, education, health);
        }
    }

    record MeritRequest(String name, String doneOn, String deed, String commendation) {
    }

    record MisconductRequest(String name, String recordedOn, String detail, String handling) {
    }

    record ConflictRequest(String checkedOn, String situation, String measures, String remarks, Long disputeId) {
    }

    private final HouseholdCipher cipher;

    HouseholdForms(HouseholdCipher cipher) {
        this.cipher = cipher;
    }

    Household.Basics basics(HouseholdRequest r) {
        return new Household.Basics(Texts.field("groupName", r.groupName(), 32, false),
                r.povertyRegistered() != null && r.povertyRegistered(),
                Texts.field("housing", r.housing(), 64, false), Texts.field("otherNotes", r.otherNotes(), 500, false));
    }

    List<Person> members(List<PersonRequest> requests, LocalDate today) {
        if (requests == null) {
            throw new InvalidInputException("members", "必填：至少登记一名家庭成员（户主）");
        }
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) == null) {
                throw new InvalidInputException("members[" + i + "]", "必填");
            }
            members.add(person("members[" + i + "].", requests.get(i), today));
        }
        return members;
    }

    /** A person; {@code prefix} is prepended to the field names in errors ("members[2]." or ""). */
    Person person(String prefix, PersonRequest r, LocalDate today) {
        String name = Texts.field(prefix + "name", r.name(), 32, true);
        ResidentIdNumber id = ResidentIdNumber.parse(prefix + "idNumber", r.idNumber(), today);
        String gender = Texts.field(prefix + "gender", r.gender(), 2, false);
        if (gender != null && !gender.equals("男") && !gender.equals("女")) {
            throw new InvalidInputException(prefix + "gender", "性别须为「男」或「女」");
        }
        if (gender != null && !gender.equals(id.gender())) {
            throw new InvalidInputException(prefix + "gender", "与身份证号码（第 17 位）不符");
        }
        LocalDate birth = Dates.parseOptional(prefix + "birthDate", r.birthDate());
        if (birth != null && birth.isAfter(today)) {
            throw new InvalidInputException(prefix + "birthDate", "出生日期不能晚于今天");
        }
        if (birth != null && !birth.equals(id.birthDate())) {
            throw new InvalidInputException(prefix + "birthDate", "与身份证号码中的出生日期不符");
        }
        String relation = Texts.field(prefix + "relation", r.relation(), 16, true);
        String phone = Texts.field(prefix + "phone", r.phone(), 20, false);
        if (phone != null) {
            phone = phone.replace(" ", "");
            if (!PHONE.matcher(phone).matches()) {
                throw new InvalidInputException(prefix + "phone", "联系电话须为 11 位手机号或带区号的固定电话");
            }
        }
        return new Person(name, id.gender(), id.birthDate(), cipher.encrypt(id.value()), cipher.index(id.value()),
                relation, cipher.encrypt(phone), Texts.field(prefix + "education", r.education(), 16, false),
                Texts.field(prefix + "health", r.health(), 32, false));
    }

    MemberMove move(MoveRequest r, LocalDate today) {
        String direction = Coded.parse(MemberMove.Direction.class, "direction",
                Texts.field("direction", r.direction(), 8, true)).name();
        return new MemberMove(direction, past("movedOn", r.movedOn(), today),
                Texts.field("reason", r.reason(), 200, false), Texts.field("place", r.place(), 100, false),
                person("", r.person(), today));
    }

    Merit merit(MeritRequest r, LocalDate today) {
        return new Merit(Texts.field("name", r.name(), 32, true), past("doneOn", r.doneOn(), today),
                Texts.field("deed", r.deed(), 500, true), Texts.field("commendation", r.commendation(), 200, false));
    }

    Misconduct misconduct(MisconductRequest r, LocalDate today) {
        return new Misconduct(Texts.field("name", r.name(), 32, true), past("recordedOn", r.recordedOn(), today),
                Texts.field("detail", r.detail(), 500, true), Texts.field("handling", r.handling(), 200, false));
    }

    ConflictCheck conflict(ConflictRequest r, LocalDate today) {
        if (r.disputeId() != null && r.disputeId() <= 0) {
            throw new InvalidInputException("disputeId", "纠纷编号须为正整数");
        }
        return new ConflictCheck(past("checkedOn", r.checkedOn(), today),
                Texts.field("situation", r.situation(), 500, true), Texts.field("measures", r.measures(), 500, false),
                Texts.field("remarks", r.remarks(), 200, false), r.disputeId());
    }

    /** The blind index of an ID number typed into a search (checked like any ID number). */
    String index(String field, String idNumber, LocalDate today) {
        return cipher.index(ResidentIdNumber.parse(field, idNumber, today).value());
    }

    private static LocalDate past(String field, String text, LocalDate today) {
        LocalDate date = Dates.parse(field, text);
        if (date.isAfter(today)) {
            throw new InvalidInputException(field, "日期不能晚于今天");
        }
        return date;
    }
}
