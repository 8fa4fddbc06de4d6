package cn.pingangrid.household.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.pingangrid.system.InvalidInputException;
import cn.pingangrid.testsupport.TestIdNumbers;

/** GB 11643: length, digits, the ISO 7064 MOD 11-2 check character and the birth date, each refusal naming the field. */
class ResidentIdNumberTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void theStandardsOwnExampleIsValidWithItsXCheck() {
        // GB 11643-1999's example number (check character X), also accepted in lower case
        ResidentIdNumber id = ResidentIdNumber.parse("idNumber", "11010519491231002x", TODAY);
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo("女");
    }

    @Test
    void everyOtherCheckCharacterIsRefused() {
        String valid = TestIdNumbers.valid(LocalDate.of(1980, 5, 17), true);
        assertThat(ResidentIdNumber.parse("f", valid, TODAY).gender()).isEqualTo("男");
        for (char c : "0123456789X".toCharArray()) {
            String candidate = valid.substring(0, 17) + c;
            if (c != valid.charAt(17)) {
                assertThatThrownBy(() -> ResidentIdNumber.parse("members[1].idNumber", candidate, TODAY))
                        .isInstanceOfSatisfying(InvalidInputException.class,
                                e -> assertThat(e.field()).isEqualTo("members[1].idNumber"))
                        .hasMessageNotContaining(candidate);
            }
        }
    }

    @Test
    void aBirthDateInTheFutureOrNotOnTheCalendarIsRefused() {
        String tomorrow = TestIdNumbers.valid(TODAY.plusDays(1), false);
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", tomorrow, TODAY)).hasMessageContaining("晚于今天");
        assertThat(ResidentIdNumber.parse("idNumber", TestIdNumbers.valid(TODAY, false), TODAY).birthDate())
                .isEqualTo(TODAY);
        String february30 = TestIdNumbers.withCheck("99999920260230123");
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", february30, TODAY)).hasMessageContaining("不是有效日期");
        String before1900 = TestIdNumbers.withCheck("99999918991231123");
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", before1900, TODAY)).hasMessageContaining("早于");
    }

    @Test
    void lengthAndCharactersAreChecked() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", "12345", TODAY)).hasMessageContaining("18 位");
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", "9999991980051712X3", TODAY))
                .hasMessageContaining("前 17 位须为数字");
        assertThatThrownBy(() -> ResidentIdNumber.parse("idNumber", " ", TODAY)).hasMessageContaining("必填");
    }

    @Test
    void masksShowWhatTheIssueAsksAndNoMore() {
        assertThat(Masks.idNumber("430922198005171234")).isEqualTo("430922********1234");
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.name("欧阳修")).isEqualTo("欧**");
        assertThat(Masks.name("𠀋一")).isEqualTo("𠀋*"); // a surname outside the BMP stays one character
    }
}
