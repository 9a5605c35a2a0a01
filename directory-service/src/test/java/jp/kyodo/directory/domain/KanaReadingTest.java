package jp.kyodo.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** フリガナ: typed in any kana, kept in full-width katakana. */
class KanaReadingTest {

    @Test
    void hiraganaKatakanaAndHalfWidthKanaAreAcceptedKanjiAreNot() {
        assertThat(KanaReading.isValid("みどりのもり")).isTrue();
        assertThat(KanaReading.isValid("ミドリノモリ")).isTrue();
        assertThat(KanaReading.isValid("ﾐﾄﾞﾘﾉﾓﾘ")).isTrue();
        assertThat(KanaReading.isValid("NPOホウジン ミドリノモリ")).isTrue();
        assertThat(KanaReading.isValid("緑の森")).isFalse();
        assertThat(KanaReading.isValid(" ")).isFalse();
    }

    @Test
    void everyKanaIsStoredAsFullWidthKatakana() {
        assertThat(KanaReading.normalize("みどりのもり")).isEqualTo("ミドリノモリ");
        assertThat(KanaReading.normalize("ﾐﾄﾞﾘﾉﾓﾘ")).as("voiced marks join their letter").isEqualTo("ミドリノモリ");
        assertThat(KanaReading.normalize("ミドリノモリ")).isEqualTo("ミドリノモリ");
        assertThat(KanaReading.normalize("ゔぁいおりん")).isEqualTo("ヴァイオリン");
        assertThat(KanaReading.normalize("さゝき")).isEqualTo("サヽキ");
        assertThat(KanaReading.normalize("ｺｰﾋｰ･ﾊｳｽ")).isEqualTo("コーヒー・ハウス");
    }

    @Test
    void latinLettersAndDigitsStayOrdinaryAndSpacesBecomeOneFullWidthSpace() {
        assertThat(KanaReading.normalize(" ＮＰＯほうじん　 みどりの  もり "))
                .isEqualTo("NPOホウジン\u3000ミドリノ\u3000モリ");
        assertThat(KanaReading.normalize("だい2ちく")).isEqualTo("ダイ2チク");
    }

    @Test
    void theStoredFormSortsAsTheTypedOneDid() {
        assertThat(KanaReading.sortKey(KanaReading.normalize("みどりの もり"))).isEqualTo(KanaReading.sortKey("みどりの もり"));
    }
}
