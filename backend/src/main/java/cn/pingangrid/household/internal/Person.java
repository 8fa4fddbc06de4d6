package cn.pingangrid.household.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A person on a household's forms (家庭人员基本信息表, 异动人员基本信息表): 姓名, 性别, 出生日期, 身份证号码, 与户主关系,
 * 联系电话, 文化程度, 健康状况. The ID number and the phone are held only encrypted (with the ID number's blind index);
 * {@link HouseholdCipher} reads them.
 */
@Embeddable
public class Person {

    static final String HEAD = "户主";

    private String name;
    private String gender;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "id_number_enc")
    private String idNumberEnc;
    @Column(name = "id_number_index")
    private String idNumberIndex;
    private String relation;
    @Column(name = "phone_enc")
    private String phoneEnc;
    private String education;
    private String health;

    protected Person() {
    }

    Person(String name, String gender, LocalDate birthDate, String idNumberEnc, String idNumberIndex,
            String relation, String phoneEnc, String education, String health) {
        this.name = name;
        this.gender = gender;
        this.birthDate = birthDate;
        this.idNumberEnc = idNumberEnc;
        this.idNumberIndex = idNumberIndex;
        this.relation = relation;
        this.phoneEnc = phoneEnc;
        this.education = education;
        this.health = health;
    }

    boolean isHead() {
        return HEAD.equals(relation);
    }

    /**
     * Moves the encrypted values to the active key: the number of values changed. A value whose key is missing is
     * left as it is (and throws), so a rotation never destroys what a restored key could still read.
     */
    int reseal(HouseholdCipher cipher) {
        String id = cipher.reseal(idNumberEnc);
        String phone = cipher.reseal(phoneEnc);
        int changed = (id.equals(idNumberEnc) ? 0 : 1) + (phone == null || phone.equals(phoneEnc) ? 0 : 1);
        idNumberEnc = id;
        phoneEnc = phone;
        return changed;
    }

    public String getName() {
        return name;
    }

    public String getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    String getIdNumberEnc() {
        return idNumberEnc;
    }

    String getIdNumberIndex() {
        return idNumberIndex;
    }

    public String getRelation() {
        return relation;
    }

    String getPhoneEnc() {
        return phoneEnc;
    }

    public String getEducation() {
        return education;
    }

    public String getHealth() {
        return health;
    }
}
