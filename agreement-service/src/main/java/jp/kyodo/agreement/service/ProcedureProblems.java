package jp.kyodo.agreement.service;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/** The problems the forms' procedures answer with, one type per meaning. */
public final class ProcedureProblems {

    /** A step of another form's procedure (a grant decision on a commission, a settlement of an endorsement). */
    public static final ProblemType FORM_WITHOUT_STEP = ProblemType.of("form-without-step", 409,
            "This form of collaboration has no such step", "この協働の形態にはこの手続がありません");
    /** A version of a form the city alone decides was sent for signature, or the reverse. */
    public static final ProblemType WRONG_WAY_TO_FORCE = ProblemType.of("wrong-way-into-force", 409,
            "This form's version comes into force another way", "この形態の版は別の手続で効力を生じます");
    /** An endorsement the exclusion rules forbid was to be approved. */
    public static final ProblemType ENDORSEMENT_EXCLUDED = ProblemType.of("endorsement-excluded", 409,
            "The exclusion rules forbid this endorsement", "除外基準により後援名義の使用を承認できません");
    /** A collaboration whose procedure still expects a step was to be completed. */
    public static final ProblemType PROCEDURE_OPEN = ProblemType.of("procedure-open", 409,
            "The procedure is not finished", "手続が完了していません");

    private ProcedureProblems() {
    }

    /** 409 unless the content is of {@code form}. */
    public static void requireForm(AgreementContent content, CollaborationForm form) {
        if (content.form() != form) {
            throw new ProblemException(FORM_WITHOUT_STEP, LocalizedText.of(
                    "This step belongs to the procedure of " + form + "; this collaboration is " + content.form() + ".",
                    "この手続は「" + form.japanese() + "」のものです（この協働は「" + content.form().japanese() + "」）。"));
        }
    }

    /** 409 unless the procedure is of {@code form}. */
    public static void requireForm(FormProcedure procedure, CollaborationForm form) {
        if (procedure.form() != form) {
            throw new ProblemException(FORM_WITHOUT_STEP, LocalizedText.of(
                    "This step belongs to the procedure of " + form + "; this collaboration is " + procedure.form() + ".",
                    "この手続は「" + form.japanese() + "」のものです（この協働は「" + procedure.form().japanese() + "」）。"));
        }
    }
}
