package jp.kyodo.directory.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * 法人番号: the 13-digit number the National Tax Agency gives every corporation. The first digit is a check digit
 * over the twelve that follow: with P(n) the n-th of those digits counted from the right and Q(n) = 1 for odd n and
 * 2 for even n, the check digit is 9 − (Σ P(n)·Q(n) mod 9). Full-width digits are accepted and stored half-width.
 */
public record CorporateNumber(String digits) {

    public CorporateNumber {
        if (digits == null || !digits.matches("[0-9]{13}")) {
            throw new IllegalArgumentException("a corporate number has 13 digits");
        }
        if (checkDigitOf(digits.substring(1)) != digits.charAt(0) - '0') {
            throw new IllegalArgumentException("the check digit does not match");
        }
    }

    /** The number as typed, or empty when it is not a valid corporate number. */
    public static Optional<CorporateNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{13}") || checkDigitOf(digits.substring(1)) != digits.charAt(0) - '0') {
            return Optional.empty();
        }
        return Optional.of(new CorporateNumber(digits));
    }

    /** The check digit of a 12-digit base number. */
    static int checkDigitOf(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = base.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    @Override
    public String toString() {
        return digits;
    }
}
