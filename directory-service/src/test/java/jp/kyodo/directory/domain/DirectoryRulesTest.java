package jp.kyodo.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.platform.problem.ProblemException;

/** The directory's rules of DOMAIN.md and docs/domain-decisions.md, checked without a server. */
class DirectoryRulesTest {

    @Test
    void anOrganisationIsEligibleOnlyWhenAllFourRequirementsWereFoundSatisfied() {
        Organization npo = Organization.register(ActorType.CIVIC_GROUP);
        assertThat(Eligibility.unmet(npo.eligibility)).hasSize(4);
        npo.recordEligibility(EligibilityRequirement.ARTICLES_OF_ASSOCIATION, true, "会則", "staff");
        npo.recordEligibility(EligibilityRequirement.OFFICE_IN_CITY, true, "賃貸契約書", "staff");
        npo.recordEligibility(EligibilityRequirement.PROPER_ACCOUNTS, false, "決算書が未提出", "staff");
        assertThat(Eligibility.unmet(npo.eligibility)).containsExactly(EligibilityRequirement.PROPER_ACCOUNTS,
                EligibilityRequirement.NO_POLITICAL_RELIGIOUS_OR_CRIMINAL_PURPOSE);
        assertThat(Eligibility.unmet(Map.of(EligibilityRequirement.PROPER_ACCOUNTS,
                new EligibilityCheck(true, "x", "staff", OffsetDateTime.now())))).hasSize(3);
    }

    @Test
    void unverifiedBecomesVerifiedOnlyWithEveryCheckAndVerifiedAndSuspendedAlternate() {
        Organization npo = Organization.register(ActorType.CIVIC_GROUP);
        assertThat(npo.status).isEqualTo(OrganizationStatus.UNVERIFIED);
        assertThatThrownBy(npo::verify).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(DirectoryProblems.ELIGIBILITY_INCOMPLETE));
        assertThatThrownBy(npo::suspend).as("only a verified organisation is suspended")
                .isInstanceOf(ProblemException.class);
        for (EligibilityRequirement requirement : EligibilityRequirement.values()) {
            npo.recordEligibility(requirement, true, "確認", "staff");
        }
        npo.verify();
        assertThat(npo.allowedTransitions()).containsExactly(OrganizationStatus.SUSPENDED);
        npo.suspend();
        assertThat(npo.allowedTransitions()).containsExactly(OrganizationStatus.VERIFIED);
        npo.verify();
        assertThat(npo.status).isEqualTo(OrganizationStatus.VERIFIED);
    }

    @Test
    void aCityDepartmentIsTheCityItselfAndStartsVerified() {
        assertThat(Organization.register(ActorType.CITY_DEPARTMENT).status).isEqualTo(OrganizationStatus.VERIFIED);
        assertThat(ActorTraits.mayHaveCorporateNumber(ActorType.RESIDENT_GROUP)).isFalse();
        assertThat(ActorTraits.mayHaveCorporateNumber(ActorType.CIVIC_GROUP)).isTrue();
    }

    @Test
    void aPersonHasOneRoleAnOrganisationOneRepresentativeAndOnlyDepartmentsHaveSignatories() {
        Organization npo = Organization.register(ActorType.CIVIC_GROUP);
        npo.addMember("rep", MemberRole.REPRESENTATIVE, null, null, null);
        assertThatThrownBy(() -> npo.addMember("rep", MemberRole.MEMBER, null, null, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(DirectoryProblems.ALREADY_MEMBER));
        assertThatThrownBy(() -> npo.addMember("other", MemberRole.REPRESENTATIVE, null, null, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(DirectoryProblems.REPRESENTATIVE_EXISTS));
        assertThatThrownBy(() -> npo.addMember("signer", MemberRole.SIGNATORY, null, null, null))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> npo.addMember("member", MemberRole.MEMBER, 1000L, null, null))
                .as("only a signatory has an amount limit").isInstanceOf(ProblemException.class);

        Organization department = Organization.register(ActorType.CITY_DEPARTMENT);
        assertThat(department.addMember("signer", MemberRole.SIGNATORY, 5_000_000L, null, null).amountLimitYen)
                .isEqualTo(5_000_000L);
    }

    @Test
    void everyChangeTheEventsCarryMakesANewVersionEvenTwoInOneTransaction() {
        Organization npo = Organization.register(ActorType.CIVIC_GROUP);
        OffsetDateTime before = npo.updatedAt;
        npo.addMember("a", MemberRole.MEMBER, null, null, null);
        OffsetDateTime afterAdd = npo.updatedAt;
        npo.removeMember(npo.memberOf("a").orElseThrow());
        assertThat(afterAdd).isAfter(before);
        assertThat(npo.updatedAt).isAfter(afterAdd);
    }
}
