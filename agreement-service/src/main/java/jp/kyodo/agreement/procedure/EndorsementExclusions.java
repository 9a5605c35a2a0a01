package jp.kyodo.agreement.procedure;

import java.util.ArrayList;
import java.util.List;

import jp.kyodo.agreement.domain.content.terms.EndorsementTerms;
import jp.kyodo.directory.readmodel.OrganizationStatus;

/**
 * The exclusion rules (後援名義の使用を承認しない場合) a city applies to an endorsement: an event with a political,
 * religious or commercial purpose, or an organiser that is not eligible (unknown to the directory, or suspended). An
 * endorsement needs lighter checks than a proposal: an organiser not yet verified may apply.
 */
public final class EndorsementExclusions {

    /** One reason the city's name cannot be lent, in words for the refusal. */
    public enum Exclusion {
        POLITICAL_PURPOSE("The event has a political purpose.", "政治的目的を有する事業です。"),
        RELIGIOUS_PURPOSE("The event has a religious purpose.", "宗教的目的を有する事業です。"),
        COMMERCIAL_PURPOSE("The event has a commercial purpose.", "営利を目的とする事業です。"),
        ORGANISER_NOT_ELIGIBLE("The organiser is not eligible (unknown to the directory or suspended).",
                "主催者が要件を満たしていません（名簿に未登録、または資格停止中）。");

        private final String en;
        private final String ja;

        Exclusion(String en, String ja) {
            this.en = en;
            this.ja = ja;
        }

        public String english() {
            return en;
        }

        public String japanese() {
            return ja;
        }
    }

    private EndorsementExclusions() {
    }

    /** The exclusions that apply; the organiser's status is null when the directory does not know it. */
    public static List<Exclusion> of(EndorsementTerms terms, OrganizationStatus organiserStatus) {
        List<Exclusion> found = new ArrayList<>();
        if (Boolean.TRUE.equals(terms.politicalPurpose())) {
            found.add(Exclusion.POLITICAL_PURPOSE);
        }
        if (Boolean.TRUE.equals(terms.religiousPurpose())) {
            found.add(Exclusion.RELIGIOUS_PURPOSE);
        }
        if (Boolean.TRUE.equals(terms.commercialPurpose())) {
            found.add(Exclusion.COMMERCIAL_PURPOSE);
        }
        if (organiserStatus == null || organiserStatus == OrganizationStatus.SUSPENDED) {
            found.add(Exclusion.ORGANISER_NOT_ELIGIBLE);
        }
        return found;
    }
}
