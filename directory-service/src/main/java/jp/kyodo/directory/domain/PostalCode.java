package jp.kyodo.directory.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * 郵便番号: seven digits, typed as "1000001", "100-0001", "〒100-0001" or in full-width "１００－０００１"; stored as
 * the seven digits and shown as 100-0001.
 */
public record PostalCode(String digits) {

    public PostalCode {
        if (digits == null || !digits.matches("[0-9]{7}")) {
            throw new IllegalArgumentException("a postal code has 7 digits");
        }
    }

    public static Optional<PostalCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        // NFKC turns full-width digits and the full-width hyphen into ASCII; other dashes people type are mapped here.
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip()
                .replaceAll("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70]", "-");
        if (text.startsWith("〒")) {
            text = text.substring(1).strip();
        }
        if (!text.matches("[0-9]{3}-?[0-9]{4}")) {
            return Optional.empty();
        }
        return Optional.of(new PostalCode(text.replace("-", "")));
    }

    /** As printed on mail: 123-4567. */
    public String display() {
        return digits.substring(0, 3) + "-" + digits.substring(3);
    }
}
