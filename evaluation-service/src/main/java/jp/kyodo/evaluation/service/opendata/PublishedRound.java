package jp.kyodo.evaluation.service.opendata;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;

/** The columns both evaluation data sets begin with: which round of which collaboration. */
record PublishedRound(UUID roundId, UUID planId, UUID agreementId, String title, RoundKind kind, int fiscalYear,
        FieldOfActivity field, CollaborationForm collaborationForm, ActivityArea activityArea, LocalDate publishedOn) {

    static PublishedRound of(RoundResult r) {
        return new PublishedRound(r.roundId(), r.planId(), r.agreementId(), r.title(), r.kind(), r.fiscalYear(),
                r.field(), r.collaborationForm(), r.activityArea(), dayOf(r.publishedAt()));
    }

    /** The day of a moment in the city (Asia/Tokyo). */
    static LocalDate dayOf(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate();
    }
}
