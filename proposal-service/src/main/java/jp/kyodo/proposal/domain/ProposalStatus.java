package jp.kyodo.proposal.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Where a proposal stands; the allowed next states follow the ordinance's procedure. */
public enum ProposalStatus {
    /** 作成中: only the proposers see and edit it. */
    DRAFT,
    /** 提出済み */
    SUBMITTED,
    /** 協議中: brush-up with the department. */
    IN_CONSULTATION,
    /** 審査中 */
    UNDER_SCREENING,
    /** 採択 */
    ADOPTED,
    /** 不採択 */
    NOT_ADOPTED,
    /** 取下げ: the proposers withdrew it before a decision. */
    WITHDRAWN,
    /** 相談終了: the city closed the consultation without screening. */
    NOT_PURSUED;

    public Set<ProposalStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(IN_CONSULTATION, WITHDRAWN, NOT_PURSUED);
            case IN_CONSULTATION -> EnumSet.of(UNDER_SCREENING, WITHDRAWN, NOT_PURSUED);
            case UNDER_SCREENING -> EnumSet.of(ADOPTED, NOT_ADOPTED, WITHDRAWN);
            case ADOPTED, NOT_ADOPTED, WITHDRAWN, NOT_PURSUED -> EnumSet.noneOf(ProposalStatus.class);
        };
    }

    public boolean canMoveTo(ProposalStatus target) {
        return next().contains(target);
    }

    public List<String> nextNames() {
        return next().stream().map(Enum::name).toList();
    }

    /** A proposal that ended without leading to collaboration becomes a consultation case (相談案件). */
    public boolean endsAsConsultationCase() {
        return this == NOT_ADOPTED || this == WITHDRAWN || this == NOT_PURSUED;
    }

    public boolean isDecided() {
        return this == ADOPTED || this == NOT_ADOPTED;
    }
}
