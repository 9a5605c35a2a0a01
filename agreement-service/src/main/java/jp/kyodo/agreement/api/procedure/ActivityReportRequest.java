package jp.kyodo.agreement.api.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/** An activity report in the shape of the form: a cooperation's period, or an adopt group's activity. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "form", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = ActivityReportRequest.CooperationReport.class, name = "PROJECT_COOPERATION"),
        @JsonSubTypes.Type(value = ActivityReportRequest.AdoptReport.class, name = "ADOPT_PROGRAM") })
@Schema(name = "ActivityReportRequest", description = "An activity report (活動報告), one shape per form that reports "
        + "its activity (told apart by form)",
        oneOf = { ActivityReportRequest.CooperationReport.class, ActivityReportRequest.AdoptReport.class },
        discriminatorProperty = "form",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "PROJECT_COOPERATION", schema = ActivityReportRequest.CooperationReport.class),
                @DiscriminatorMapping(value = "ADOPT_PROGRAM", schema = ActivityReportRequest.AdoptReport.class) })
public sealed interface ActivityReportRequest {

    CollaborationForm form();

    UUID actingFor();

    /** A project cooperation's report on its next reporting period. */
    @Schema(name = "CooperationActivityReport", description = "事業協力: the report on the next reporting period")
    record CooperationReport(
            @Schema(description = "PROJECT_COOPERATION", enumeration = "PROJECT_COOPERATION", required = true) @NotNull
            CollaborationForm form,
            @Schema(description = "The partner reporting", required = true) @NotNull UUID actingFor,
            @Schema(description = "What was done in the period (活動内容)", required = true, maxLength = 8000) @NotBlank
            @Size(max = 8000) String summary) implements ActivityReportRequest {
    }

    /** An adopt group's report of one activity. */
    @Schema(name = "AdoptActivityReport", description = "アダプト制度: the report of one activity")
    record AdoptReport(
            @Schema(description = "ADOPT_PROGRAM", enumeration = "ADOPT_PROGRAM", required = true) @NotNull
            CollaborationForm form,
            @Schema(description = "The group reporting", required = true) @NotNull UUID actingFor,
            @Schema(description = "Day of the activity (活動日); not in the future", required = true, format = "date")
            @NotNull LocalDate activityOn,
            @Schema(description = "Participants (参加人数)", required = true, minimum = "1", maximum = "100000") @NotNull
            @Min(1) @Max(100_000) Integer participants,
            @Schema(description = "Work done (清掃・除草・花壇の手入れ …)", required = true, maxLength = 2000) @NotBlank
            @Size(max = 2000) String workDone,
            @Schema(description = "Waste collected in kg (ごみ回収量)", minimum = "0", maximum = "100000") @DecimalMin("0")
            @DecimalMax("100000") BigDecimal wasteCollectedKg,
            @Schema(description = "Remarks", maxLength = 4000) @Size(max = 4000) String summary)
            implements ActivityReportRequest {
    }
}
