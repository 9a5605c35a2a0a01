package jp.kyodo.agreement.domain.content;

/** To whom the outcome or copyright of a deliverable belongs (成果の帰属). */
public enum OutcomeOwner {
    /** 市民側（協働相手） */
    CITIZENS_SIDE,
    /** 市 */
    CITY,
    /** 共有 */
    JOINT;

    public String japanese() {
        return switch (this) {
            case CITIZENS_SIDE -> "市民側（協働相手）";
            case CITY -> "市";
            case JOINT -> "市と協働相手の共有";
        };
    }
}
