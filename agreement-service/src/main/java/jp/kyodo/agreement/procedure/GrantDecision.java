package jp.kyodo.agreement.procedure;

import jp.kyodo.kernel.Yen;

/** What a grant decision (交付決定) or a change approval (変更承認) fixes for one fiscal year. */
public record GrantDecision(int fiscalYear, Yen amount, SubsidyRate rate, Yen cap, String conditions) {
}
