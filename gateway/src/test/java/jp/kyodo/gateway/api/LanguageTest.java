package jp.kyodo.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "ja                         | JA",
            "ja-JP                      | JA",
            "ja-JP,ja;q=0.9,en;q=0.8    | JA",
            "fr,ja;q=0.5                | JA",
            "en;q=0.4,ja;q=0.6          | JA",
            "en-US,en;q=0.9,ja;q=0.8    | EN",
            "*                          | EN",
            "NULL                       | EN",
            "'not a ;;; language'       | EN",
    })
    void japaneseOnlyWhenPreferred(String header, Language expected) {
        assertEquals(expected, Language.preferredBy(header));
    }
}
