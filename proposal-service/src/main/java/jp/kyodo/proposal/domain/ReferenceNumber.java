package jp.kyodo.proposal.domain;

import jp.kyodo.kernel.FiscalYear;

/** The number staff quote on the phone and in documents: fiscal year and a running number, e.g. 2027-0012. */
public record ReferenceNumber(FiscalYear fiscalYear, int number) {

    @Override
    public String toString() {
        return String.format("%d-%04d", fiscalYear.year(), number);
    }

    /** As written in city documents: 令和9年度 第0012号. */
    public String inJapanese() {
        return fiscalYear.eraName() + " 第" + String.format("%04d", number) + "号";
    }

    public static String japaneseOf(String referenceNumber) {
        if (referenceNumber == null) {
            return null;
        }
        String[] parts = referenceNumber.split("-");
        return new ReferenceNumber(FiscalYear.of(Integer.parseInt(parts[0])), Integer.parseInt(parts[1])).inJapanese();
    }
}
