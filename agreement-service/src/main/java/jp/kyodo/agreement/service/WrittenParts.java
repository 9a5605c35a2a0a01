package jp.kyodo.agreement.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.terms.CoHostingTerms;
import jp.kyodo.agreement.domain.content.terms.CommissionTerms;
import jp.kyodo.agreement.procedure.RequiredPart;
import jp.kyodo.agreement.procedure.RequiredParts;

/**
 * Required parts as written into the content (the commission's specification and division of roles, the committee's
 * rules). Parts attached as documents are the document store's answer; this answers for the written ones.
 */
@ApplicationScoped
public class WrittenParts implements RequiredParts {

    @Override
    public boolean present(UUID agreementId, AgreementContent content, RequiredPart part) {
        String text = switch (part) {
            case SPECIFICATION -> content.terms(CommissionTerms.class).map(CommissionTerms::specification).orElse(null);
            case DIVISION_OF_ROLES -> content.terms(CommissionTerms.class).map(CommissionTerms::divisionOfRoles)
                    .orElse(null);
            case COMMITTEE_RULES -> content.terms(CoHostingTerms.class).map(CoHostingTerms::committeeRules).orElse(null);
        };
        return text != null && !text.isBlank();
    }
}
