package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.document.SigningParties;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.LocalizedText;

/**
 * The procedure of one form of collaboration. Every form shares the lifecycle of the agreement aggregate (draft →
 * frozen versions → signatures or the city's decision → in force → completion or termination); a procedure says what
 * its form adds: the document a version produces and who signs it, what must be in the content before it is frozen,
 * the tracks it opens once in force with their state machines, what must be done before it can be completed, whether
 * it is evaluated, and whether an organisation may apply for it directly.
 */
public abstract class FormProcedure {

    protected final ProcedureSettings settings;

    protected FormProcedure(ProcedureSettings settings) {
        this.settings = settings;
    }

    public abstract CollaborationForm form();

    /** The document a frozen version produces (協定書, 委託契約書, …) and so who signs it. */
    public abstract DocumentKind versionDocument();

    /** The shape of this form's terms. */
    public abstract Class<? extends FormTerms> termsShape();

    public final SigningParties signers() {
        return versionDocument().signers();
    }

    /** Whether the city alone decides a version (an application), rather than every party signing it. */
    public final boolean decidedByCity() {
        return signers() == SigningParties.CITY_ALONE;
    }

    /**
     * For a form the city alone decides, the day its decision on an application received on {@code receivedOn} is due
     * (標準処理期間); null for a form the parties sign.
     */
    public LocalDate decisionDue(LocalDate receivedOn) {
        return null;
    }

    /** Whether the evaluation plans and rounds follow (all forms but 後援). */
    public boolean evaluated() {
        return true;
    }

    /** Whether an organisation may apply for it directly, without a proposal (後援, アダプト). */
    public boolean directApplication() {
        return false;
    }

    /** Whether each fiscal year ends with the partner's actual-cost report and the city's settlement (実績報告・精算). */
    public boolean settlesYearlyCosts(AgreementContent content) {
        return false;
    }

    /**
     * Whether the version states tasks with responsible parties, how the work proceeds and what is delivered; a 後援
     * application is only a request to use the city's name.
     */
    public boolean statesRolesAndWork() {
        return true;
    }

    /** What this form requires of the content before a version is frozen; fields relative to the content. */
    public final List<FieldError> requirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        if (content.terms() != null && !termsShape().isInstance(content.terms())) {
            return List.of(); // terms of another form: ContentRules names content.terms.form
        }
        if (content.terms() == null && !termsOptional()) {
            return List.of(FieldError.of("terms", "State the terms of the form " + form() + ".",
                    "協働の形態（" + form().japanese() + "）の取決めを記載してください。"));
        }
        return ownRequirements(agreementId, content, parts);
    }

    /** Whether the form needs no terms beyond the common content. */
    protected boolean termsOptional() {
        return false;
    }

    protected List<FieldError> ownRequirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        return List.of();
    }

    /** Checks that depend on the day the version is received (an endorsement's lead time); fields relative to content. */
    public List<FieldError> onReceipt(AgreementContent content, LocalDate receivedOn) {
        return List.of();
    }

    /** The tracks to open when a version comes into force (those already open are kept). */
    public List<TrackOpening> tracksInForce(AgreementContent content, LocalDate today) {
        return List.of();
    }

    /**
     * Why the collaboration cannot be completed yet: a track that must close first (a grant not paid or settled, a
     * commission not paid, an event not reported, goods not returned) still expects a step.
     */
    public final Optional<LocalizedText> completionBlocker(List<ProcedureTrack> tracks) {
        return tracks.stream().filter(t -> closeBeforeCompletion().contains(t.kind) && t.nextStep != null).findFirst()
                .map(t -> LocalizedText.of(
                        "The " + t.kind + " " + t.trackKey + " still expects " + t.nextStep + " (" + t.state + ").",
                        "手続が完了していません（" + t.kind + " " + t.trackKey + ": " + t.nextStep + " 待ち）。"));
    }

    /** The kinds of track that must expect nothing more before the collaboration is completed. */
    protected java.util.Set<TrackKind> closeBeforeCompletion() {
        return java.util.Set.of();
    }

    /** The state machines of the form's tracks, for the documentation and the tests. */
    public List<StepMachine<?, ?>> machines() {
        return List.of();
    }

    /** Whether a party's name may appear in the public record (an adopt group only with its consent). */
    public boolean namesPartyPublicly(AgreementContent content, Party party) {
        return true;
    }

    /** A problem naming a part of the content that is missing. */
    protected static FieldError missing(String field, String en, String ja) {
        return FieldError.of(field, en, ja);
    }

    protected static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The parties that are not the city: the partner(s), the organiser, the group. */
    protected static List<Party> partners(AgreementContent content) {
        return content.parties().stream().filter(p -> p.actorType() != null && !p.isCityDepartment()).toList();
    }
}
