package jp.kyodo.agreement.domain;

import java.util.Optional;

import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.directory.readmodel.KnownMembership;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationProblems;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * Who may sign for a party (署名権限): a non-city organisation signs through its representative (代表者) while it is
 * VERIFIED (not unverified, not suspended); a city department signs through a member with the signatory role
 * (決裁権者) whose amount limit, if any, covers the city's cost share. Staff members and partner systems' service
 * accounts never sign.
 */
public final class SignaturePolicy {

    public static final ProblemType AMOUNT_LIMIT_EXCEEDED = ProblemType.of("signatory-amount-limit-exceeded", 403,
            "The city's share exceeds the signatory's amount limit", "市の負担額が決裁権者の決裁限度額を超えています");

    private SignaturePolicy() {
    }

    /** The role in which the subject signs for the party; a problem explains why they may not. */
    public static MemberRole roleOfSigner(Party party, Optional<KnownOrganization> organization, String subject,
            long cityShareYen) {
        KnownOrganization known = organization.orElseThrow(() -> new ProblemException(OrganizationProblems.NOT_ELIGIBLE,
                LocalizedText.of("The directory does not know this organisation.", "この団体は名簿に登録されていません。")));
        if (known.type != null && known.type.isCityDepartment()) {
            KnownMembership signatory = known.memberships.stream()
                    .filter(m -> m.subject.equals(subject) && m.role == MemberRole.SIGNATORY).findFirst()
                    .orElseThrow(() -> ProblemException.forbidden(
                            "Only a signatory (決裁権者) of the department can sign for it.",
                            "所管課の署名は決裁権者のみが行えます。"));
            if (signatory.amountLimitYen != null && signatory.amountLimitYen < cityShareYen) {
                throw new ProblemException(AMOUNT_LIMIT_EXCEEDED, LocalizedText.of(
                        "The city's share of " + cityShareYen + " yen exceeds your limit of " + signatory.amountLimitYen
                                + " yen.",
                        "市の負担額 " + cityShareYen + "円 が決裁限度額 " + signatory.amountLimitYen + "円 を超えています。"));
            }
            return MemberRole.SIGNATORY;
        }
        if (!known.hasMember(subject, MemberRole.REPRESENTATIVE)) {
            throw ProblemException.forbidden("Only the representative (代表者) of " + party.organizationId()
                    + " can sign for it.", "この団体の署名は代表者のみが行えます。");
        }
        if (known.status != OrganizationStatus.VERIFIED) {
            throw new ProblemException(OrganizationProblems.NOT_ELIGIBLE, LocalizedText.of(
                    "The organisation is " + known.status + "; only verified organisations sign.",
                    "団体の状態が " + known.status + " のため署名できません（確認済みの団体のみ署名できます）。"));
        }
        return MemberRole.REPRESENTATIVE;
    }
}
