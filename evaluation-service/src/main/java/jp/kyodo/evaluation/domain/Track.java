package jp.kyodo.evaluation.domain;

/** The two tracks of an evaluation; they are reported side by side and never merged into one number. */
public enum Track {
    /** 事業の評価: did the project reach its targets. */
    PROJECT("事業の評価"),
    /** 協働の評価: did the collaboration itself work. */
    COLLABORATION("協働の評価");

    private final String labelJa;

    Track(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
