package jp.kyodo.proposal.domain;

import jp.kyodo.kernel.FiscalYear;

/** The number staff quote on the phone and in documents: fiscal year and a running number, e.g. 2027-0012. */
public record ReferenceNumber(FiscalYear fiscalYear, int number) {

    @Override
    public String toString() {
        return fiscalYear.year() + "-" + fourDigits();
    }

    /** As written in city documents: 令和9年度 第0012号. */
    public String inJapanese() {
        return fiscalYear.eraName() + " 第" + fourDigits() + "号";
    }

    // Every proposal read writes its number: String.format's parsing showed in the read's profile.
    private String fourDigits() {
        String digits = Integer.toString(number);
        return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
    }

    public static String japaneseOf(String referenceNumber) {
        if (referenceNumber == null) {
            return null;
        }
        String[] parts = referenceNumber.split("-");
        return new ReferenceNumber(FiscalYear.of(Integer.parseInt(parts[0])), Integer.parseInt(parts[1])).inJapanese();
    }
}
