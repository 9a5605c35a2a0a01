package jp.kyodo.agreement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.agreement.procedure.RequiredParts;
import jp.kyodo.platform.problem.FieldError;

/**
 * Validation before a version is frozen: it must be complete enough to bind the parties. What every form needs (the
 * city on one side and a partner on the other, a purpose, costs that add up), what the forms that state roles and work
 * need (tasks each with a responsible party, every party with a task, how the work proceeds, outcome ownership), what
 * evaluated forms need (a target to evaluate), and what the form's procedure itself requires.
 */
public final class SignatureReadiness {

    private SignatureReadiness() {
    }

    public static List<FieldError> problems(UUID agreementId, AgreementContent content, FormProcedure procedure,
            RequiredParts parts) {
        List<FieldError> problems = new ArrayList<>(ContentRules.problems(content));
        if (content.departments().isEmpty()) {
            problems.add(FieldError.of("parties", "At least one city department must be a party.",
                    "市の所管課を当事者に含めてください。"));
        }
        if (content.parties().stream().noneMatch(p -> p.actorType() != null && !p.isCityDepartment())) {
            problems.add(FieldError.of("parties", "At least one actor other than the city must be a party.",
                    "市以外の主体を当事者に含めてください。"));
        }
        blank(content.purpose(), "purpose", "事業目的", problems);
        if (procedure.statesRolesAndWork()) {
            rolesAndWork(content, problems);
        }
        costs(content, problems);
        if (procedure.evaluated() && content.targets().indicators().isEmpty()
                && content.targets().outcomeGoals().isEmpty()) {
            problems.add(FieldError.of("targets", "State at least one activity indicator or outcome goal to evaluate.",
                    "評価のため活動指標または成果目標を一つ以上記載してください。"));
        }
        if (content.form() == procedure.form()) {
            problems.addAll(procedure.requirements(agreementId, content, parts));
        }
        return problems;
    }

    private static void rolesAndWork(AgreementContent content, List<FieldError> problems) {
        blank(content.approach(), "approach", "事業の進め方", problems);
        if (content.tasks().isEmpty()) {
            problems.add(FieldError.of("tasks", "State the tasks and who is responsible for each.", "役割分担を記載してください。"));
        }
        for (int i = 0; i < content.tasks().size(); i++) {
            if (content.tasks().get(i).responsiblePartyId() == null) {
                problems.add(FieldError.of("tasks[" + i + "].responsiblePartyId", "Every task needs a responsible party.",
                        "すべての役割に責任主体が必要です。"));
            }
        }
        for (int i = 0; i < content.parties().size(); i++) {
            Party party = content.parties().get(i);
            if (content.tasks().stream().noneMatch(t -> t.involves(party.organizationId()))) {
                problems.add(FieldError.of("parties[" + i + "]", "Every party needs at least one task.",
                        "すべての当事者に少なくとも一つの役割が必要です。"));
            }
        }
        problems.addAll(OutcomeOwnership.problems(content.activityArea(), content.deliverables()));
    }

    private static void costs(AgreementContent content, List<FieldError> problems) {
        for (int i = 0; i < content.costs().lines().size(); i++) {
            Long amount = content.costs().lines().get(i).amountYen();
            if (amount == null || amount < 0) {
                problems.add(FieldError.of("costs.lines[" + i + "].amountYen", "Costs cannot be negative.",
                        "費用は0円以上で記載してください。"));
            }
        }
        if (!content.costs().lines().isEmpty() && content.costs().consumptionTaxIncluded() == null) {
            problems.add(FieldError.of("costs.consumptionTaxIncluded", "State whether consumption tax is included.",
                    "消費税の扱い（税込・税抜）を記載してください。"));
        }
        CostTotals totals = CostTotals.of(content);
        Long declared = content.costs().declaredCityShareYen();
        if (declared != null && declared != totals.cityShareYen()) {
            problems.add(FieldError.of("costs.declaredCityShareYen",
                    "The city's share does not add up: the departments' lines total " + totals.cityShareYen() + " yen.",
                    "市の負担額が所管課の費用の合計（" + totals.cityShareYen() + "円）と一致しません。"));
        }
    }

    private static void blank(String value, String field, String ja, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldError.of(field, "Required before signature.", ja + "は署名前に記載が必要です。"));
        }
    }
}
