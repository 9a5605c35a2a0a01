package jp.kyodo.agreement.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.CostLine;
import jp.kyodo.agreement.domain.content.InKindContribution;
import jp.kyodo.agreement.domain.content.Liability;
import jp.kyodo.agreement.domain.content.Task;
import jp.kyodo.platform.problem.FieldError;

/**
 * Consistency every saved content must have, even a draft: the term runs forward, nothing refers to an organisation
 * that is not a party, no party is listed twice, and costs fall in the term's fiscal years. Completeness is checked
 * later, before signature (SignatureReadiness).
 */
public final class ContentRules {

    private ContentRules() {
    }

    public static List<FieldError> problems(AgreementContent content) {
        List<FieldError> problems = new ArrayList<>();
        if (!content.term().isOrdered()) {
            problems.add(FieldError.of("term.end", "The term cannot end before it starts.", "終了日が開始日より前です。"));
        }
        if (content.terms() != null && content.terms().form() != content.form()) {
            problems.add(FieldError.of("terms.form", "The terms are of another form than the content (" + content.form()
                    + ").", "取決めの形態が協働の形態（" + content.form().japanese() + "）と一致しません。"));
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < content.parties().size(); i++) {
            if (!seen.add(content.parties().get(i).organizationId())) {
                problems.add(FieldError.of("parties[" + i + "].organizationId", "This organisation is listed twice.",
                        "同じ団体が重複しています。"));
            }
        }
        for (int i = 0; i < content.tasks().size(); i++) {
            Task task = content.tasks().get(i);
            requireParty(content, task.responsiblePartyId(), "tasks[" + i + "].responsiblePartyId", problems);
            for (int j = 0; j < task.supportingPartyIds().size(); j++) {
                requireParty(content, task.supportingPartyIds().get(j), "tasks[" + i + "].supportingPartyIds[" + j + "]",
                        problems);
            }
        }
        List<Integer> years = content.term().fiscalYears();
        for (int i = 0; i < content.costs().lines().size(); i++) {
            CostLine line = content.costs().lines().get(i);
            requireParty(content, line.organizationId(), "costs.lines[" + i + "].organizationId", problems);
            if (line.fiscalYear() != null && !years.isEmpty() && !years.contains(line.fiscalYear())) {
                problems.add(FieldError.of("costs.lines[" + i + "].fiscalYear",
                        "The fiscal year is outside the term " + years + ".", "年度が協定期間 " + years + " の外です。"));
            }
        }
        for (int i = 0; i < content.costs().inKind().size(); i++) {
            InKindContribution contribution = content.costs().inKind().get(i);
            requireParty(content, contribution.organizationId(), "costs.inKind[" + i + "].organizationId", problems);
        }
        for (int i = 0; i < content.liabilities().size(); i++) {
            Liability liability = content.liabilities().get(i);
            requireParty(content, liability.responsiblePartyId(), "liabilities[" + i + "].responsiblePartyId", problems);
        }
        return problems;
    }

    private static void requireParty(AgreementContent content, UUID organizationId, String field,
            List<FieldError> problems) {
        if (organizationId != null && !content.hasParty(organizationId)) {
            problems.add(FieldError.of(field, "Not a party of this agreement.", "この協定の当事者ではありません。"));
        }
    }
}
