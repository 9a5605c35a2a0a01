package jp.kyodo.platform.problem;

import java.util.Locale;
import java.util.Objects;

/** A message for people, in English and Japanese; the caller's {@code Accept-Language} chooses. */
public record LocalizedText(String en, String ja) {

    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ja, "ja");
    }

    public static LocalizedText of(String en, String ja) {
        return new LocalizedText(en, ja);
    }

    public String in(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage()) ? ja : en;
    }
}
