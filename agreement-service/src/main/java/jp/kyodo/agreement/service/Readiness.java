package jp.kyodo.agreement.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.agreement.domain.SignatureReadiness;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.RequiredParts;
import jp.kyodo.platform.problem.FieldError;

/** What keeps a working copy from being frozen, as its form's procedure sees it (fields relative to the content). */
@ApplicationScoped
public class Readiness {

    @Inject
    Procedures procedures;

    @Inject
    RequiredParts parts;

    public List<FieldError> of(UUID agreementId, AgreementContent content) {
        return SignatureReadiness.problems(agreementId, content, procedures.of(content.form()), parts);
    }
}
