package jp.kyodo.directory.domain;

import java.text.Normalizer;

import jp.kyodo.kernel.SearchableText;

/**
 * フリガナ: the reading of a name in kana, by which the directory sorts. Hiragana, katakana (also half-width), the
 * long-vowel mark, middle dot, spaces and Latin letters or digits (as in "NPOホウジン") are accepted; kanji are not.
 */
public final class KanaReading {

    private KanaReading() {
    }

    public static boolean isValid(String reading) {
        if (reading == null || reading.isBlank()) {
            return false;
        }
        String text = Normalizer.normalize(reading, Normalizer.Form.NFKC);
        return text.codePoints().allMatch(KanaReading::allowed);
    }

    /** The sort key: katakana, NFKC-folded, without spaces; its code-point order is the gojūon order. */
    public static String sortKey(String reading) {
        return SearchableText.fold(reading);
    }

    private static boolean allowed(int cp) {
        return (cp >= 0x3041 && cp <= 0x309f) // hiragana
                || (cp >= 0x30a0 && cp <= 0x30ff) // katakana, ・ and ー
                || Character.isWhitespace(cp) || cp == '\u3000'
                || (cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '&'));
    }
}
