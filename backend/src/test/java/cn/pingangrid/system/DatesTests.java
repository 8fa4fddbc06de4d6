package cn.pingangrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class DatesTests {

    @Test
    void acceptsIsoDaysFrom1900To2100() {
        assertThat(Dates.parse("d", " 2026-05-09 ")).isEqualTo(LocalDate.of(2026, 5, 9));
        assertThat(Dates.parse("d", "1900-01-01")).isEqualTo(Dates.EARLIEST);
        assertThat(Dates.parse("d", "2100-12-31")).isEqualTo(Dates.LATEST);
        assertThat(Dates.parseOptional("d", "  ")).isNull();
        assertThat(Dates.month("m", "2026-05")).isEqualTo(YearMonth.of(2026, 5));
        assertThat(Dates.isoWeek("week", "2026-W05")).isEqualTo(LocalDate.of(2026, 1, 26));
        assertThat(Dates.isoWeek("week", "2020-w53")).isEqualTo(LocalDate.of(2020, 12, 28));
    }

    @Test
    void refusesEverythingElseNamingTheField() {
        for (String bad : new String[] { "1899-12-31", "2101-01-01", "+999999999-01-01", "-999999999-12-31",
                "2026-02-30", "2026-5-9", "20260509", "2026-05-09T00:00", "0000-01-01", "9999-12-31", "x",
                "2026-05-09\u0000" }) {
            assertThatThrownBy(() -> Dates.parse("from", bad)).as(bad).isInstanceOfSatisfying(
                    InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        }
        assertThatThrownBy(() -> Dates.parse("to", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Dates.month("period", "2101-01")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Dates.month("period", "2026-13")).isInstanceOf(InvalidInputException.class);
        for (String bad : new String[] { "2026-W54", "2026-W00", "2021-W53", "9999-W01", "1899-W52", "2026W05", "" }) {
            assertThatThrownBy(() -> Dates.isoWeek("week", bad)).as(bad).isInstanceOfSatisfying(
                    InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("week"));
        }
    }

    @Test
    void textFaultsAreNulAndUnpairedSurrogates() {
        assertThat(Texts.fault("平安 ok \t\n 😀")).isNull();
        assertThat(Texts.fault("a\u0000b")).contains("NUL");
        assertThat(Texts.fault("a\ud800")).contains("Unicode");
        assertThat(Texts.fault("\udc00b")).contains("Unicode");
        assertThat(Texts.field("unit", "  单位  ", 64, false)).isEqualTo("单位");
        assertThatThrownBy(() -> Texts.field("unit", "u".repeat(65), 64, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("unit"));
        assertThat(Texts.quote("a\u0000b")).isEqualTo("a\\u0000b");
    }
}
