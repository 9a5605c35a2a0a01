package jp.kyodo.agreement.domain.content.terms;

/** How a co-hosted collaboration is organised. */
public enum HostingArrangement {
    /** 実行委員会: a committee of the organisers with its own rules (規約). */
    EXECUTIVE_COMMITTEE,
    /** 共催: the organisers host together under their own names. */
    CO_HOSTING
}
