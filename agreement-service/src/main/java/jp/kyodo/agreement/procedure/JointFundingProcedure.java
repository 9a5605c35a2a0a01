package jp.kyodo.agreement.procedure;

import java.util.List;
import java.util.UUID;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.agreement.domain.content.terms.JointFundingTerms;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.problem.FieldError;

/**
 * 協働負担金 (JOINT_FUNDING): both sides bear money and labour under a 協定書 both sign, the city's share named; after
 * each fiscal year the partner files its actual-cost report (実績報告) and the department records the settlement (精算).
 */
public final class JointFundingProcedure extends FormProcedure {

    public JointFundingProcedure(ProcedureSettings settings) {
        super(settings);
    }

    @Override
    public CollaborationForm form() {
        return CollaborationForm.JOINT_FUNDING;
    }

    @Override
    public DocumentKind versionDocument() {
        return DocumentKind.AGREEMENT_DEED;
    }

    @Override
    public Class<? extends FormTerms> termsShape() {
        return JointFundingTerms.class;
    }

    @Override
    protected boolean termsOptional() {
        return true;
    }

    @Override
    public boolean settlesYearlyCosts(AgreementContent content) {
        return true;
    }

    @Override
    protected List<FieldError> ownRequirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        if (content.costs().declaredCityShareYen() == null) {
            return List.of(missing("costs.declaredCityShareYen", "Name the city's share for this form.",
                    "この形態では市の負担額を明記してください。"));
        }
        return List.of();
    }
}
