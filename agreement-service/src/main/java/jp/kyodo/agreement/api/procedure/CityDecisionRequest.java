package jp.kyodo.agreement.api.procedure;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.SubsidyRate;
import jp.kyodo.kernel.CollaborationForm;

/**
 * The city's decision on a version it alone decides, in the shape of the form: a subsidy's grant decision or refusal,
 * an endorsement's approval or refusal. It names the version decided (and may name its SHA-256), like a signature.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "form", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CityDecisionRequest.SubsidyDecision.class, name = "SUBSIDY"),
        @JsonSubTypes.Type(value = CityDecisionRequest.EndorsementDecision.class, name = "ENDORSEMENT") })
@Schema(name = "CityDecisionRequest", description = "The city's decision on an application awaiting it, one shape per "
        + "form the city alone decides (told apart by form)",
        oneOf = { CityDecisionRequest.SubsidyDecision.class, CityDecisionRequest.EndorsementDecision.class },
        discriminatorProperty = "form",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "SUBSIDY", schema = CityDecisionRequest.SubsidyDecision.class),
                @DiscriminatorMapping(value = "ENDORSEMENT", schema = CityDecisionRequest.EndorsementDecision.class) })
public sealed interface CityDecisionRequest {

    CollaborationForm form();

    UUID actingFor();

    Integer documentVersion();

    String contentSha256();

    List<String> reasons();

    /** 交付決定 (or 変更承認) with the grant's terms, or 不交付決定 with reasons. */
    @Schema(name = "SubsidyDecision", description = "A grant decision (交付決定; 変更承認 when the year is already decided) "
            + "or a refusal (不交付決定) on a subsidy application")
    record SubsidyDecision(
            @Schema(description = "SUBSIDY", enumeration = "SUBSIDY", required = true) @NotNull CollaborationForm form,
            @Schema(description = "The department the signatory (決裁権者) decides for", required = true) @NotNull
            UUID actingFor,
            @Schema(description = "The application version decided (the one awaiting the decision)", required = true,
                    minimum = "1") @NotNull @Min(1) Integer documentVersion,
            @Schema(description = "SHA-256 of that version as the signatory read it", pattern = "^[0-9a-fA-F]{64}$")
            @Pattern(regexp = "^[0-9a-fA-F]{64}$") String contentSha256,
            @Schema(description = "GRANTED (交付) or REFUSED (不交付)", required = true) @NotNull GrantOutcome outcome,
            @Schema(description = "The grant's terms; required when GRANTED") @Valid Grant grant,
            @Schema(description = "Reasons of a refusal (不交付の理由); required when REFUSED")
            @Size(max = 20) List<@NotBlank @Size(max = 2000) String> reasons) implements CityDecisionRequest {
    }

    /** 承認 with conditions, or 不承認 with reasons. */
    @Schema(name = "EndorsementDecision", description = "The approval (承認, with conditions) or refusal (不承認, with "
            + "reasons) of an endorsement application")
    record EndorsementDecision(
            @Schema(description = "ENDORSEMENT", enumeration = "ENDORSEMENT", required = true) @NotNull
            CollaborationForm form,
            @Schema(description = "The department the signatory (決裁権者) decides for", required = true) @NotNull
            UUID actingFor,
            @Schema(description = "The application version decided (the one awaiting the decision)", required = true,
                    minimum = "1") @NotNull @Min(1) Integer documentVersion,
            @Schema(description = "SHA-256 of that version as the signatory read it", pattern = "^[0-9a-fA-F]{64}$")
            @Pattern(regexp = "^[0-9a-fA-F]{64}$") String contentSha256,
            @Schema(description = "APPROVED (承認) or REFUSED (不承認)", required = true) @NotNull
            EndorsementOutcome outcome,
            @Schema(description = "Conditions of the approval (承認の条件), e.g. how the city's name is shown",
                    maxLength = 4000) @Size(max = 4000) String conditions,
            @Schema(description = "Reasons of a refusal (不承認の理由); required when REFUSED")
            @Size(max = 20) List<@NotBlank @Size(max = 2000) String> reasons) implements CityDecisionRequest {
    }

    /** The terms of a grant for one fiscal year. */
    @Schema(name = "GrantTerms", description = "What a grant decision fixes for one fiscal year (交付決定の内容)")
    record Grant(
            @Schema(description = "The fiscal year granted (年度); one of the application's term", required = true,
                    minimum = "2000", maximum = "2200") @NotNull @Min(2000) @Max(2200) Integer fiscalYear,
            @Schema(description = "Decided amount in whole yen (交付決定額)", required = true, minimum = "0") @NotNull
            @PositiveOrZero Long amountYen,
            @Schema(description = "Subsidy rate (補助率)", required = true) @NotNull @Valid SubsidyRate rate,
            @Schema(description = "Cap in whole yen (上限額)", required = true, minimum = "0") @NotNull @PositiveOrZero
            Long capYen,
            @Schema(description = "Conditions of the grant (交付の条件)", maxLength = 4000) @Size(max = 4000)
            String conditions) {
    }

    /** A subsidy decision's outcome. */
    enum GrantOutcome {
        GRANTED, REFUSED
    }

    /** An endorsement decision's outcome. */
    enum EndorsementOutcome {
        APPROVED, REFUSED
    }
}
