package jp.kyodo.proposal.domain.publiccomment;

/** What is put to public comment: the important measures (重要な施策) seed 001 names, or a draft theme. */
public enum CommentSubjectKind {
    /** 指針 */
    GUIDELINE,
    /** 計画 */
    PLAN,
    /** 条例案・条例改正案 */
    ORDINANCE,
    /** 協働テーマ案 */
    THEME
}
