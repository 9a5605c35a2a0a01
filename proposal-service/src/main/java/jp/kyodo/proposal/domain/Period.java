package jp.kyodo.proposal.domain;

import java.time.LocalDate;

import jp.kyodo.kernel.FiscalYear;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The period in which the proposed collaboration would run (実施期間), both days included. */
@Schema(description = "Period (実施期間), both days included")
public record Period(@Schema(description = "First day", nullable = true) LocalDate start,
        @Schema(description = "Last day", nullable = true) LocalDate end) {

    public boolean hasBothDays() {
        return start != null && end != null;
    }

    public boolean endsBeforeItStarts() {
        return hasBothDays() && end.isBefore(start);
    }

    /** Whether a fiscal year overlaps the period, so that a budget line may be planned in it. */
    public boolean overlaps(FiscalYear year) {
        return hasBothDays() && !year.lastDay().isBefore(start) && !year.firstDay().isAfter(end);
    }
}
