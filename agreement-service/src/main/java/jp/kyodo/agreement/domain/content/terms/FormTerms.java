package jp.kyodo.agreement.domain.content.terms;

import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/**
 * What the form of collaboration adds to the content (形態ごとの取決め): a commission's specification and payment
 * terms, a subsidy's programme, an endorsed event, co-hosted events, goods lent, an adopted place. One typed shape
 * per form, told apart by {@code form}, which must be the content's form.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "form", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = AgreementTerms.class, name = "AGREEMENT"),
        @JsonSubTypes.Type(value = JointFundingTerms.class, name = "JOINT_FUNDING"),
        @JsonSubTypes.Type(value = CommissionTerms.class, name = "COLLABORATIVE_COMMISSION"),
        @JsonSubTypes.Type(value = SubsidyTerms.class, name = "SUBSIDY"),
        @JsonSubTypes.Type(value = EndorsementTerms.class, name = "ENDORSEMENT"),
        @JsonSubTypes.Type(value = CoHostingTerms.class, name = "CO_HOSTING"),
        @JsonSubTypes.Type(value = CooperationTerms.class, name = "PROJECT_COOPERATION"),
        @JsonSubTypes.Type(value = AdoptTerms.class, name = "ADOPT_PROGRAM") })
@Schema(name = "FormTerms", description = "The terms of the form of collaboration (形態ごとの取決め), one shape per form; "
        + "form must equal the content's form",
        oneOf = { AgreementTerms.class, JointFundingTerms.class, CommissionTerms.class, SubsidyTerms.class,
                EndorsementTerms.class, CoHostingTerms.class, CooperationTerms.class, AdoptTerms.class },
        discriminatorProperty = "form",
        discriminatorMapping = {
                @DiscriminatorMapping(value = "AGREEMENT", schema = AgreementTerms.class),
                @DiscriminatorMapping(value = "JOINT_FUNDING", schema = JointFundingTerms.class),
                @DiscriminatorMapping(value = "COLLABORATIVE_COMMISSION", schema = CommissionTerms.class),
                @DiscriminatorMapping(value = "SUBSIDY", schema = SubsidyTerms.class),
                @DiscriminatorMapping(value = "ENDORSEMENT", schema = EndorsementTerms.class),
                @DiscriminatorMapping(value = "CO_HOSTING", schema = CoHostingTerms.class),
                @DiscriminatorMapping(value = "PROJECT_COOPERATION", schema = CooperationTerms.class),
                @DiscriminatorMapping(value = "ADOPT_PROGRAM", schema = AdoptTerms.class) })
public sealed interface FormTerms permits AgreementTerms, JointFundingTerms, CommissionTerms, SubsidyTerms,
        EndorsementTerms, CoHostingTerms, CooperationTerms, AdoptTerms {

    CollaborationForm form();

    /** The same terms with an id on every item that lacks one (events, goods), so that steps can refer to them. */
    default FormTerms withIdsAssigned(Supplier<UUID> ids) {
        return this;
    }
}
