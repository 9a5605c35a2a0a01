package jp.kyodo.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void theFiscalYearStartsOnTheFirstOfApril() {
        assertThat(FiscalYear.containing(LocalDate.of(2027, 3, 31))).isEqualTo(FiscalYear.of(2026));
        assertThat(FiscalYear.containing(LocalDate.of(2027, 4, 1))).isEqualTo(FiscalYear.of(2027));
        assertThat(FiscalYear.of(2027).lastDay()).isEqualTo(LocalDate.of(2028, 3, 31));
    }

    @Test
    void itIsNamedInTheReiwaEraAsCityDocumentsDo() {
        assertThat(FiscalYear.of(2027).eraName()).isEqualTo("令和9年度");
        assertThat(FiscalYear.of(2019).eraName()).isEqualTo("令和元年度");
    }

    @Test
    void yenAreWholeAndNeverNegative() {
        assertThat(Yen.of(1_000).plus(Yen.of(234))).isEqualTo(Yen.of(1_234));
        assertThat(Yen.of(1_234_567).toString()).isEqualTo("1,234,567円");
        assertThatThrownBy(() -> Yen.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
