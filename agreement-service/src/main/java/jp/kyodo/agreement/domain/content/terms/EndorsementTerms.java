package jp.kyodo.agreement.domain.content.terms;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/**
 * An application to use the city's name (後援名義使用承認申請): the event, when and where, whether a fee is charged,
 * the expected audience, and the organiser's declarations the exclusion rules read. The organiser is the party that
 * is not the city; the event's name is the content's title.
 */
@Schema(name = "EndorsementTerms", description = "Terms of a 後援 (ENDORSEMENT) application: the event the city's name "
        + "is asked for; the organiser is the non-city party, the event's name the title")
public record EndorsementTerms(
        @Schema(description = "ENDORSEMENT", enumeration = "ENDORSEMENT", required = true) @NotNull CollaborationForm form,
        @Schema(description = "First day of the event", format = "date", nullable = true) LocalDate firstDay,
        @Schema(description = "Last day of the event (the first day for a one-day event)", format = "date",
                nullable = true)
        LocalDate lastDay,
        @Schema(description = "Where it is held (会場)", maxLength = 500, nullable = true) @Size(max = 500) String place,
        @Schema(description = "Whether participants pay a fee (参加費の有無)", nullable = true) Boolean feeCharged,
        @Schema(description = "The fee per participant in yen, when one is charged", minimum = "0", nullable = true)
        @PositiveOrZero Long feeYen,
        @Schema(description = "Expected audience (見込み参加者数)", minimum = "0", maximum = "10000000", nullable = true)
        @Min(0) @Max(10_000_000) Integer expectedAudience,
        @Schema(description = "The organiser declares a political purpose (政治的目的)", nullable = true)
        Boolean politicalPurpose,
        @Schema(description = "The organiser declares a religious purpose (宗教的目的)", nullable = true)
        Boolean religiousPurpose,
        @Schema(description = "The organiser declares a commercial purpose (営利目的)", nullable = true)
        Boolean commercialPurpose)
        implements FormTerms {
}
