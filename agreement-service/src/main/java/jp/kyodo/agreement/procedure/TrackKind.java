package jp.kyodo.agreement.procedure;

/** The kinds of procedure track a collaboration can have, each with the key that tells its tracks apart. */
public enum TrackKind {
    /** 補助年度: one subsidy grant per fiscal year (key: the fiscal year). */
    GRANT_YEAR,
    /** 委託の年度: the performance of a commission in one fiscal year (key: the fiscal year). */
    COMMISSION_YEAR,
    /** 委託の検査員: who inspects a commission (key: "contract"). */
    COMMISSION_CONTRACT,
    /** 後援事業: the endorsed event and its report (key: "event"). */
    ENDORSED_EVENT,
    /** 共催事業: one co-hosted event and its report (key: the event id). */
    HOSTED_EVENT,
    /** 貸与物品: goods lent or supplied (key: the goods id). */
    GOODS,
    /** 活動報告: periodic activity reports (key: "reports"). */
    ACTIVITY_REPORTS,
    /** 物品支給申請: one request for supplies of an adopt programme (key: the request id). */
    SUPPLY_REQUEST
}
