package jp.kyodo.agreement.service.opendata;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantState;
import jp.kyodo.platform.opendata.PublishedDataset;

/** One fiscal year's subsidy grant: the columns of subsidy-grants.csv. */
@PublishedDataset(name = "subsidy-grants", title = "補助金の交付決定と確定額",
        summary = "Subsidy grants as open data (補助金の交付決定と確定額)",
        description = "One record per fiscal year's grant of every SUBSIDY in force or completed: the decision (amount, "
                + "rate, cap) and, once fixed, the fixed amount — the public record of public money. fiscalYear keeps "
                + "that year's grants.",
        multiLineColumns = { "recipientNames" })
@Schema(name = "OpenDataSubsidyGrant", description = "A subsidy grant of one fiscal year: the decision and the fixed "
        + "amount (補助金の交付決定・額の確定)")
public record GrantRecord(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "Title of the subsidised project (事業名)") String title,
        @Schema(description = "The subsidy programme (補助金の名称)", nullable = true) String programName,
        @Schema(description = "Fiscal year (年度) of the grant: its budget year") int fiscalYear,
        @Schema(description = "Recipients (交付先); in CSV separated by ;") List<UUID> recipientOrganizationIds,
        @Schema(description = "Their names, same order; in CSV one per line") List<String> recipientNames,
        @Schema(description = "The department (所管課)", nullable = true) String departmentName,
        @Schema(description = "State of the grant: DECIDED … PAID, REFUNDED, SETTLED, CANCELLED") GrantState state,
        @Schema(description = "Day of the decision (交付決定日) or its last change") LocalDate decidedOn,
        @Schema(description = "Decided amount, whole yen (交付決定額)") long decidedAmountYen,
        @Schema(description = "Subsidy rate (補助率), e.g. 1/2") String rate,
        @Schema(description = "Cap, whole yen (上限額)") long capYen,
        @Schema(description = "Day the amount was fixed (額の確定日); empty until then", nullable = true) LocalDate fixedOn,
        @Schema(description = "Fixed amount, whole yen (確定額); empty until fixed", nullable = true) Long fixedAmountYen,
        @Schema(description = "Day the decision was cancelled (取消日); empty unless cancelled", nullable = true) LocalDate cancelledOn) {
}
