package jp.kyodo.directory.domain;

import java.text.Normalizer;

import jp.kyodo.kernel.SearchableText;

/**
 * フリガナ: the reading of a name in kana, by which the directory sorts. Hiragana, katakana (also half-width), the
 * long-vowel mark, middle dot, spaces and Latin letters or digits (as in "NPOホウジン") are accepted; kanji are not.
 * Whatever was typed, the reading is kept in full-width katakana, as Japanese forms write フリガナ.
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

    /**
     * The reading as it is stored and shown: full-width katakana (half-width katakana widened, hiragana turned into
     * katakana), Latin letters and digits in their ordinary form, and each run of spaces as one full-width space.
     * E.g. {@code ｴﾇﾋﾟｰｵｰ みどりの もり} becomes {@code エヌピーオー　ミドリノ　モリ}.
     */
    public static String normalize(String reading) {
        String text = Normalizer.normalize(reading.strip(), Normalizer.Form.NFKC);
        StringBuilder katakana = new StringBuilder(text.length());
        boolean space = false;
        for (int cp : text.codePoints().toArray()) {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (space && !katakana.isEmpty()) {
                katakana.append('\u3000');
            }
            space = false;
            katakana.appendCodePoint(isHiragana(cp) ? cp + 0x60 : cp);
        }
        return katakana.toString();
    }

    /** Hiragana with a katakana counterpart 0x60 above it: ぁ–ゖ and the iteration marks ゝゞ. */
    private static boolean isHiragana(int cp) {
        return (cp >= 0x3041 && cp <= 0x3096) || cp == 0x309d || cp == 0x309e;
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
