package jp.kyodo.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kyodo.agreement.domain.content.Deliverable;
import jp.kyodo.agreement.domain.content.OutcomeOwner;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.KnownMembership;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationProblems;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.platform.problem.ProblemException;

/** The agreement rules of DOMAIN.md and docs/domain-decisions.md, checked without a server. */
class AgreementRulesTest {

    private static final String SIGNER = "signer";
    private static final String REPRESENTATIVE = "representative";

    // --- who signs (署名権限) ------------------------------------------------------------------------------------

    @Test
    void aDepartmentSignsThroughASignatoryWhoseLimitCoversTheCitysShare() {
        KnownOrganization department = organization(ActorType.CITY_DEPARTMENT, OrganizationStatus.VERIFIED);
        member(department, SIGNER, MemberRole.SIGNATORY, 500_000L);
        member(department, "staff", MemberRole.STAFF, null);
        Party party = party(department);
        assertThat(SignaturePolicy.roleOfSigner(party, Optional.of(department), SIGNER, 500_000))
                .isEqualTo(MemberRole.SIGNATORY);
        assertRefused(() -> SignaturePolicy.roleOfSigner(party, Optional.of(department), SIGNER, 500_001), 403,
                SignaturePolicy.AMOUNT_LIMIT_EXCEEDED.slug());
        assertRefused(() -> SignaturePolicy.roleOfSigner(party, Optional.of(department), "staff", 1), 403, "forbidden");
        member(department, "unlimited", MemberRole.SIGNATORY, null);
        assertThat(SignaturePolicy.roleOfSigner(party, Optional.of(department), "unlimited", 90_000_000))
                .isEqualTo(MemberRole.SIGNATORY);
    }

    @Test
    void aPartnerSignsThroughItsRepresentativeOnlyWhileVerified() {
        KnownOrganization npo = organization(ActorType.CIVIC_GROUP, OrganizationStatus.VERIFIED);
        member(npo, REPRESENTATIVE, MemberRole.REPRESENTATIVE, null);
        member(npo, "service-account", MemberRole.STAFF, null);
        Party party = party(npo);
        assertThat(SignaturePolicy.roleOfSigner(party, Optional.of(npo), REPRESENTATIVE, 0))
                .isEqualTo(MemberRole.REPRESENTATIVE);
        assertRefused(() -> SignaturePolicy.roleOfSigner(party, Optional.of(npo), "service-account", 0), 403,
                "forbidden");
        npo.status = OrganizationStatus.SUSPENDED;
        assertRefused(() -> SignaturePolicy.roleOfSigner(party, Optional.of(npo), REPRESENTATIVE, 0), 403,
                OrganizationProblems.NOT_ELIGIBLE.slug());
        assertRefused(() -> SignaturePolicy.roleOfSigner(party, Optional.empty(), REPRESENTATIVE, 0), 403,
                OrganizationProblems.NOT_ELIGIBLE.slug());
    }

    // --- the state machine ----------------------------------------------------------------------------------------

    @Test
    void editingAFrozenVersionReturnsToDraftAndTheNextFreezeIsANewVersion() {
        Agreement agreement = Agreement.draft(UUID.randomUUID(), null, "協定", "{}");
        assertThat(agreement.freeze(null)).isEqualTo(1);
        assertThat(agreement.state).isEqualTo(AgreementState.AWAITING_SIGNATURES);
        assertThat(agreement.pendingVersion).isEqualTo(1);
        assertThatThrownBy(() -> agreement.freeze(null)).isInstanceOf(ProblemException.class);

        agreement.edit("{\"v\":2}", "協定（改）");
        assertThat(agreement.state).isEqualTo(AgreementState.DRAFT);
        assertThat(agreement.pendingVersion).as("version 1 no longer awaits signatures").isNull();
        assertThat(agreement.title).isEqualTo("協定（改）");
        assertThat(agreement.freeze(null)).isEqualTo(2);

        agreement.signatureAdded();
        assertThat(agreement.bringPendingVersionIntoForce()).as("nothing was in force before").isNull();
        assertThat(agreement.state).isEqualTo(AgreementState.ACTIVE);
        assertThat(agreement.versionInForce).isEqualTo(2);
        assertThat(agreement.isPublic()).isTrue();
    }

    @Test
    void anAgreementInForceChangesOnlyByAnAmendmentWhileTheSignedVersionStaysInForce() {
        Agreement agreement = active();
        assertThatThrownBy(() -> agreement.edit("{}", "x")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(Agreement.AMENDMENT_NEEDED));
        assertThatThrownBy(agreement::signatureAdded).as("nothing awaits signatures").isInstanceOf(ProblemException.class);

        agreement.startAmendment("回数を増やす", "{\"in\":\"force\"}");
        assertThat(agreement.stateLabel()).isEqualTo("ACTIVE/AMENDMENT_DRAFTING");
        assertThat(agreement.isNegotiating()).isTrue();
        agreement.edit("{\"amended\":true}", "新しい題名");
        assertThat(agreement.title).as("the title in force stays until the amendment is in force").isEqualTo("協定");
        assertThat(agreement.freeze(null)).isEqualTo(2);
        assertThat(agreement.stateLabel()).isEqualTo("ACTIVE/AMENDMENT_AWAITING_SIGNATURES");
        assertThat(agreement.versionInForce).isEqualTo(1);
        assertThat(agreement.allowedTransitions()).contains("AMENDMENT_DRAFTING", "ACTIVE", "COMPLETED", "TERMINATED");

        assertThat(agreement.bringPendingVersionIntoForce()).isEqualTo(1);
        assertThat(agreement.versionInForce).isEqualTo(2);
        assertThat(agreement.stateLabel()).isEqualTo("ACTIVE");
    }

    @Test
    void completingOrTerminatingEndsTheAgreementAndDiscardsAnUnsignedAmendment() {
        Agreement draft = Agreement.draft(UUID.randomUUID(), null, "協定", "{}");
        assertThatThrownBy(() -> draft.complete("完了")).as("only an ACTIVE agreement is completed")
                .isInstanceOf(ProblemException.class);
        draft.terminate("中止");
        assertThat(draft.state).isEqualTo(AgreementState.TERMINATED);
        assertThat(draft.allowedTransitions()).isEmpty();
        assertThatThrownBy(() -> draft.terminate("again")).isInstanceOf(ProblemException.class);

        Agreement amended = active();
        amended.startAmendment("変更", "{}");
        amended.freeze(null);
        amended.complete("事業完了");
        assertThat(amended.state).isEqualTo(AgreementState.COMPLETED);
        assertThat(amended.pendingVersion).isNull();
        assertThat(amended.amendmentState).isEqualTo(AmendmentState.NONE);
        assertThat(amended.versionInForce).isEqualTo(1);
        assertThat(amended.endReason).isEqualTo("事業完了");
    }

    // --- outcome ownership (成果の帰属) and settlement (精算) ---------------------------------------------------

    @Test
    void outcomesBelongToTheCitizensInAreaBToTheCityInAreaDAndAreChosenInAreaC() {
        Deliverable open = new Deliverable(null, "ハザードマップ", null, null, null);
        assertThat(OutcomeOwnership.ownerOf(ActivityArea.B, open)).hasValue(OutcomeOwner.CITIZENS_SIDE);
        assertThat(OutcomeOwnership.ownerOf(ActivityArea.D, open)).hasValue(OutcomeOwner.CITY);
        assertThat(OutcomeOwnership.ownerOf(ActivityArea.C, open)).isEmpty();
        assertThat(OutcomeOwnership.problems(ActivityArea.C, List.of(open))).extracting("field")
                .containsExactly("deliverables[0].ownership");

        Deliverable toTheCity = new Deliverable(null, "報告書", OutcomeOwner.CITY, null, null);
        assertThat(OutcomeOwnership.problems(ActivityArea.B, List.of(toTheCity))).as("a deviation needs a clause")
                .extracting("field").containsExactly("deliverables[0].ownershipClause");
        Deliverable withClause = new Deliverable(null, "報告書", OutcomeOwner.CITY, null, "市の広報に使うため市に帰属する");
        assertThat(OutcomeOwnership.problems(ActivityArea.B, List.of(withClause))).isEmpty();
        Deliverable copyright = new Deliverable(null, "写真", null, OutcomeOwner.JOINT, "共有とする");
        assertThat(OutcomeOwnership.copyrightHolderOf(ActivityArea.D, copyright)).hasValue(OutcomeOwner.JOINT);
        assertThat(OutcomeOwnership.copyrightHolderOf(ActivityArea.D, open)).hasValue(OutcomeOwner.CITY);
    }

    @Test
    void aSettlementPaysWhatIsConfirmedBeyondWhatWasPaidOrGetsTheDifferenceBack() {
        Settlement owed = new Settlement();
        owed.settle(300_000, 200_000);
        assertThat(owed.toPayYen).isEqualTo(100_000);
        assertThat(owed.toReturnYen).isZero();
        Settlement overpaid = new Settlement();
        overpaid.settle(250_000, 300_000);
        assertThat(overpaid.toPayYen).isZero();
        assertThat(overpaid.toReturnYen).isEqualTo(50_000);
    }

    private static Agreement active() {
        Agreement agreement = Agreement.draft(UUID.randomUUID(), null, "協定", "{}");
        agreement.freeze(null);
        agreement.signatureAdded();
        agreement.bringPendingVersionIntoForce();
        return agreement;
    }

    private static KnownOrganization organization(ActorType type, OrganizationStatus status) {
        KnownOrganization organization = new KnownOrganization();
        organization.id = UUID.randomUUID();
        organization.name = "団体";
        organization.type = type;
        organization.status = status;
        return organization;
    }

    private static void member(KnownOrganization organization, String subject, MemberRole role, Long limit) {
        KnownMembership membership = new KnownMembership();
        membership.organization = organization;
        membership.subject = subject;
        membership.role = role;
        membership.amountLimitYen = limit;
        organization.memberships.add(membership);
    }

    private static Party party(KnownOrganization organization) {
        return new Party(organization.id, organization.name, organization.type, null, null);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
            String slug) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type().status()).isEqualTo(status);
            assertThat(e.type().slug()).isEqualTo(slug);
        });
    }
}
