package jp.kyodo.proposal.domain.publiccomment;

/** How the city answered a group of opinions (対応区分), as Japanese public-comment results classify it. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CommentResponseKind")
public enum ResponseKind {
    /** 意見を踏まえ案を修正した */
    AMENDED,
    /** 既に案に盛り込まれている */
    ALREADY_INCLUDED,
    /** 今後の参考とする */
    FOR_FUTURE_REFERENCE,
    /** 案を修正しない */
    NOT_AMENDED,
    /** その他（質問への回答など） */
    OTHER
}
