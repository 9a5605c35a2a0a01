package jp.kyodo.kernel;

/**
 * Forms of collaboration (協働の形態), as Wako's guideline lists them. Each is its own procedure with its own papers;
 * agreement-service holds the procedures (one class per form).
 */
public enum CollaborationForm {
    /** 実行委員会・共催 */
    CO_HOSTING("実行委員会・共催"),
    /** 協定 */
    AGREEMENT("協定"),
    /** 協働負担金 */
    JOINT_FUNDING("協働負担金"),
    /** 協働型委託 */
    COLLABORATIVE_COMMISSION("協働型委託"),
    /** 事業協力 */
    PROJECT_COOPERATION("事業協力"),
    /** 補助 */
    SUBSIDY("補助"),
    /** アダプト制度 */
    ADOPT_PROGRAM("アダプト制度"),
    /** 後援 */
    ENDORSEMENT("後援");

    private final String japanese;

    CollaborationForm(String japanese) {
        this.japanese = japanese;
    }

    /** The name city documents use, e.g. 協働型委託. */
    public String japanese() {
        return japanese;
    }
}
