package jp.kyodo.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorporateNumberTest {

    @Test
    void realPublishedCorporateNumbersAreAccepted() {
        assertThat(CorporateNumber.parse("7000012050002")).as("National Tax Agency").isPresent();
        assertThat(CorporateNumber.parse("1180301018771")).as("Toyota Motor Corporation").isPresent();
        assertThat(CorporateNumber.parse("4000012090001")).as("Ministry of Finance").isPresent();
    }

    @Test
    void theCheckDigitIsNineMinusTheWeightedSumModuloNine() {
        // 000012050002: from the right 2·1 + 0·2 + 0·1 + 0·2 + 5·1 + 0·2 + 2·1 + 1·2 = 11; 9 − 11 mod 9 = 7
        assertThat(CorporateNumber.checkDigitOf("000012050002")).isEqualTo(7);
    }

    @Test
    void aWrongCheckDigitIsRejected() {
        assertThat(CorporateNumber.parse("8000012050002")).isEmpty();
        assertThat(CorporateNumber.parse("1180301018772")).isEmpty();
    }

    @Test
    void fullWidthDigitsAreAcceptedAndStoredHalfWidth() {
        assertThat(CorporateNumber.parse("７００００１２０５０００２")).map(CorporateNumber::digits).hasValue("7000012050002");
    }

    @Test
    void anythingButThirteenDigitsIsRejected() {
        assertThat(CorporateNumber.parse("700001205000")).isEmpty();
        assertThat(CorporateNumber.parse("70000120500021")).isEmpty();
        assertThat(CorporateNumber.parse("700001205000A")).isEmpty();
        assertThat(CorporateNumber.parse(null)).isEmpty();
    }
}
