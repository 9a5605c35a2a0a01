package jp.kyodo.agreement.procedure;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.domain.content.terms.AgreementTerms;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.kernel.CollaborationForm;

/**
 * 協定 (AGREEMENT): a company, university or civic group and the city cooperate over a period, each contributing in
 * money and labour as the cost plan states; the 協定書 both sign is the whole procedure.
 */
public final class AgreementProcedure extends FormProcedure {

    public AgreementProcedure(ProcedureSettings settings) {
        super(settings);
    }

    @Override
    public CollaborationForm form() {
        return CollaborationForm.AGREEMENT;
    }

    @Override
    public DocumentKind versionDocument() {
        return DocumentKind.AGREEMENT_DEED;
    }

    @Override
    public Class<? extends FormTerms> termsShape() {
        return AgreementTerms.class;
    }

    @Override
    protected boolean termsOptional() {
        return true;
    }
}
