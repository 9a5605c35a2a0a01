package jp.kyodo.kernel;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Japanese text folded for search and uniqueness checks: NFKC (full-width ＡＢＣ and half-width ｶﾅ become their
 * usual forms), lower case, hiragana read as katakana (こうえん = コウエン), common variant kanji read as their
 * usual form (髙 = 高, 﨑 = 崎, …, which NFKC leaves alone), and white space removed. The text a person typed is
 * always stored as given; this is only the key it is found by.
 */
public final class SearchableText {

    /** Variant (異体字) → usual form, for characters common in names of people, places and organisations. */
    private static final Map<Integer, Integer> VARIANTS = Map.ofEntries(
            variant("髙", "高"), variant("﨑", "崎"), variant("嵜", "崎"), variant("碕", "崎"), variant("德", "徳"),
            variant("邊", "辺"), variant("邉", "辺"), variant("濵", "浜"), variant("濱", "浜"), variant("齋", "斎"),
            variant("齊", "斉"), variant("澤", "沢"), variant("櫻", "桜"), variant("廣", "広"),
            variant("國", "国"), variant("圓", "円"), variant("藪", "薮"), variant("槇", "槙"), variant("冨", "富"),
            variant("𠮷", "吉"), variant("惠", "恵"), variant("眞", "真"), variant("龍", "竜"),
            variant("嶋", "島"), variant("嶌", "島"), variant("曾", "曽"), variant("瀨", "瀬"),
            variant("會", "会"), variant("縣", "県"), variant("區", "区"), variant("學", "学"), variant("團", "団"));

    private SearchableText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder folded = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || cp == '\u3000') {
                return;
            }
            int usual = VARIANTS.getOrDefault(cp, cp);
            folded.appendCodePoint(isHiragana(usual) ? usual + 0x60 : usual);
        });
        return folded.toString();
    }

    /**
     * The overlapping two-character pieces of the folded text (a single character stands for itself), so that a
     * search for 公園 finds 市民公園の協働管理 without word boundaries, which Japanese does not have.
     */
    public static Set<String> bigrams(String text) {
        String folded = fold(text);
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = folded.codePoints().toArray();
        if (cps.length == 1) {
            grams.add(folded);
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    private static boolean isHiragana(int cp) {
        return cp >= 0x3041 && cp <= 0x3096;
    }

    private static Map.Entry<Integer, Integer> variant(String from, String to) {
        return Map.entry(from.codePointAt(0), to.codePointAt(0));
    }
}
