package jp.kyodo.agreement.domain.content.terms;

/** How a commission is paid (支払方法). */
public enum PaymentTerms {
    /** 一括払: everything after the passed inspection. */
    LUMP_SUM,
    /** 前金払: part before the work, the rest (精算) after the passed inspection. */
    ADVANCE_PAYMENT,
    /** 概算払: an estimate before the work, settled (精算) on the actual amount after the passed inspection. */
    ESTIMATED_PAYMENT
}
