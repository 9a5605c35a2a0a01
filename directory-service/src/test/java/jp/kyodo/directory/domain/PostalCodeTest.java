package jp.kyodo.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostalCodeTest {

    @Test
    void sevenDigitsWithOrWithoutHyphenAndInFullWidthAreTheSameCode() {
        assertThat(PostalCode.parse("1000001")).map(PostalCode::digits).hasValue("1000001");
        assertThat(PostalCode.parse("100-0001")).map(PostalCode::digits).hasValue("1000001");
        assertThat(PostalCode.parse("１００－０００１")).map(PostalCode::digits).hasValue("1000001");
        assertThat(PostalCode.parse("〒100-0001")).map(PostalCode::digits).hasValue("1000001");
        assertThat(PostalCode.parse("100ー0001")).as("a long-vowel mark typed for the hyphen").isPresent();
    }

    @Test
    void itIsShownWithAHyphen() {
        assertThat(new PostalCode("1234567").display()).isEqualTo("123-4567");
    }

    @Test
    void sixOrEightDigitsAreNotAPostalCode() {
        assertThat(PostalCode.parse("100001")).isEmpty();
        assertThat(PostalCode.parse("100-001")).isEmpty();
        assertThat(PostalCode.parse("10000011")).isEmpty();
        assertThat(PostalCode.parse("abc-defg")).isEmpty();
    }
}
