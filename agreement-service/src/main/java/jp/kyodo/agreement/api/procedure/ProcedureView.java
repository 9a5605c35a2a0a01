package jp.kyodo.agreement.api.procedure;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/**
 * A collaboration's procedure as its form runs it: the common lifecycle, and the form's own tracks. One typed shape
 * per form, told apart by {@code form}, so that a generated client gets one model per form.
 */
@Schema(name = "CollaborationProcedure", description = "The procedure of a collaboration, one shape per form of "
        + "collaboration (told apart by form)",
        oneOf = { ProcedureView.AgreementProcedure.class, ProcedureView.JointFundingProcedure.class,
                ProcedureView.CommissionProcedure.class, ProcedureView.SubsidyProcedure.class,
                ProcedureView.EndorsementProcedure.class, ProcedureView.CoHostingProcedure.class,
                ProcedureView.CooperationProcedure.class, ProcedureView.AdoptProcedure.class },
        discriminatorProperty = "form",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "AGREEMENT", schema = ProcedureView.AgreementProcedure.class),
                @DiscriminatorMapping(value = "JOINT_FUNDING", schema = ProcedureView.JointFundingProcedure.class),
                @DiscriminatorMapping(value = "COLLABORATIVE_COMMISSION", schema = ProcedureView.CommissionProcedure.class),
                @DiscriminatorMapping(value = "SUBSIDY", schema = ProcedureView.SubsidyProcedure.class),
                @DiscriminatorMapping(value = "ENDORSEMENT", schema = ProcedureView.EndorsementProcedure.class),
                @DiscriminatorMapping(value = "CO_HOSTING", schema = ProcedureView.CoHostingProcedure.class),
                @DiscriminatorMapping(value = "PROJECT_COOPERATION", schema = ProcedureView.CooperationProcedure.class),
                @DiscriminatorMapping(value = "ADOPT_PROGRAM", schema = ProcedureView.AdoptProcedure.class) })
public sealed interface ProcedureView {

    CollaborationForm form();

    @Schema(name = "AgreementFormProcedure", description = "協定 (AGREEMENT): the common lifecycle only")
    record AgreementProcedure(
            @Schema(description = "AGREEMENT", enumeration = "AGREEMENT", required = true) CollaborationForm form,
            @Schema(description = "The common lifecycle", required = true) ProcedureLifecycle lifecycle)
            implements ProcedureView {
    }

    @Schema(name = "JointFundingProcedure", description = "協働負担金 (JOINT_FUNDING): the common lifecycle; yearly "
            + "actual-cost reports and settlements are under /cost-reports and /settlements")
    record JointFundingProcedure(
            @Schema(description = "JOINT_FUNDING", enumeration = "JOINT_FUNDING", required = true) CollaborationForm form,
            @Schema(description = "The common lifecycle", required = true) ProcedureLifecycle lifecycle)
            implements ProcedureView {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommissionProcedure", description = "協働型委託 (COLLABORATIVE_COMMISSION): the inspector and each "
            + "fiscal year's completion report, inspection, invoice and payment")
    record CommissionProcedure(
            @Schema(description = "COLLABORATIVE_COMMISSION", enumeration = "COLLABORATIVE_COMMISSION", required = true)
            CollaborationForm form,
            @Schema(description = "The common lifecycle", required = true) ProcedureLifecycle lifecycle,
            @Schema(description = "Subject of the appointed inspector (検査員); absent until appointed", nullable = true)
            String inspectorSubject,
            @Schema(description = "Each fiscal year with a contract amount, once the contract is in force",
                    required = true) List<CommissionYearView> years) implements ProcedureView {
    }

    @Schema(name = "SubsidyProcedure", description = "補助 (SUBSIDY): each fiscal year's grant from decision to payment")
    record SubsidyProcedure(
            @Schema(description = "SUBSIDY", enumeration = "SUBSIDY", required = true) CollaborationForm form,
            @Schema(description = "The common lifecycle", required = true) ProcedureLifecycle lifecycle,
            @Schema(description = "The grants decided, by fiscal year", required = true) List<GrantYearView> grantYears)
            implements ProcedureView {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EndorsementProcedure", description = "後援 (ENDORSEMENT): receipt, decision and event report")
    record EndorsementProcedure(
            @Schema(description = "ENDORSEMENT", enumeration = "ENDORSEMENT", required = true) CollaborationForm form,
            @Schema(description = "The common lifecycle", required = true) ProcedureLifecycle lifecycle,
            @Schema(description = "The endorsement; absent until the application is received", nullable = true)
            EndorsementView endorsement)
            implements ProcedureView {
    }

    @Schema(name = "CoHostingProcedure", description = "実行委員会・共催 (CO_HOSTING): each event and its report")
    record CoHostingProcedure(
            @Schema(description = "CO_HOSTING", enumeration = "CO_HOSTING", required = true) CollaborationForm form,
            @Schema(description = "The common lifecycle", required = true) ProcedureLifecycle lifecycle,
            @Schema(description = "Whether money flows from the city (the budget gives it a burden), and so yearly "
                    + "actual-cost reports and settlements", required = true) boolean cityBearsCosts,
            @Schema(description = "The events, once in force", required = true) List<HostedEventView> events)
            implements ProcedureView {
    }

    @Schema(name = "CooperationProcedure", description = "事業協力 (PROJECT_COOPERATION): goods lent and periodic "
            + "activity reports")
    record CooperationProcedure(
            @Schema(description = "PROJECT_COOPERATION", enumeration = "PROJECT_COOPERATION", required = true)
            CollaborationForm form,
            @Schema(description = "The common lifecycle", required = true) ProcedureLifecycle lifecycle,
            @Schema(description = "Goods lent, once in force", required = true) List<LentGoodsView> lentGoods,
            @Schema(description = "Activity reports filed, oldest first", required = true)
            List<ActivityReportView> activityReports) implements ProcedureView {
    }

    @Schema(name = "AdoptProcedure", description = "アダプト制度 (ADOPT_PROGRAM): requests for supplies and activity "
            + "reports")
    record AdoptProcedure(
            @Schema(description = "ADOPT_PROGRAM", enumeration = "ADOPT_PROGRAM", required = true) CollaborationForm form,
            @Schema(description = "The common lifecycle", required = true) ProcedureLifecycle lifecycle,
            @Schema(description = "Requests for supplies, oldest first", required = true)
            List<SupplyRequestView> supplyRequests,
            @Schema(description = "Activity reports filed, oldest first", required = true)
            List<ActivityReportView> activityReports) implements ProcedureView {
    }
}
