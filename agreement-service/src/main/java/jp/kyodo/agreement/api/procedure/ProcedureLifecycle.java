package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.document.SigningParties;
import jp.kyodo.agreement.domain.AgreementState;

/** What every form's procedure shares: where the common lifecycle stands, and what is expected next. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProcedureLifecycle", description = "The common lifecycle of a collaboration (draft → versions → "
        + "signatures or the city's decision → in force → completion or termination) and what its procedure expects next")
public record ProcedureLifecycle(
        @Schema(description = "The agreement", required = true, format = "uuid") UUID agreementId,
        @Schema(description = "State of the agreement", required = true) AgreementState state,
        @Schema(description = "State as people read it, with an amendment in progress", required = true) String stage,
        @Schema(description = "The document a version produces (協定書, 委託契約書, 合意書, 交付決定通知書, 後援名義使用承認書)",
                required = true) DocumentKind documentKind,
        @Schema(description = "Who signs it: ALL_PARTIES, or CITY_ALONE (the city decides an application)",
                required = true) SigningParties signers,
        @Schema(description = "Whether the collaboration is evaluated (all forms but 後援)", required = true)
        boolean evaluated,
        @Schema(description = "Whether an organisation may apply for this form directly (後援, アダプト)", required = true)
        boolean directApplication,
        @Schema(description = "A version awaiting the city's decision: the day the decision is due (処理期限)",
                format = "date", nullable = true) LocalDate decisionDueOn,
        @Schema(description = "Every step the procedure expects now, soonest first", required = true)
        List<TrackViews.Expected> expected) {
}
