package jp.kyodo.gateway.api;

import java.util.List;
import java.util.Locale;

/** The languages the gateway's own error messages are written in. */
public enum Language {
    EN("en"),
    JA("ja");

    private static final List<String> SUPPORTED = List.of("ja", "en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /**
     * Japanese when the caller's {@code Accept-Language} ranks it above English (quality values
     * respected), English otherwise - including for a missing or malformed header.
     */
    public static Language preferredBy(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return "ja".equals(match) ? JA : EN;
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
    }
}
