package jp.kyodo.proposal.domain;

import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.ProblemException;

/** A theme response may not ask the city for more than the theme's budget ceiling (上限額). */
public final class CityShareCeiling {

    private CityShareCeiling() {
    }

    public static void requireWithin(ProposalContent content, Theme theme) {
        if (theme == null) {
            return;
        }
        Yen share = content.cityShare();
        if (share.exceeds(theme.budgetCeiling())) {
            throw ProblemException.invalidField("budgetLines",
                    "The city's share " + share + " exceeds the theme's ceiling " + theme.budgetCeiling() + ".",
                    "市の負担額 " + share + " がテーマの上限額 " + theme.budgetCeiling() + " を超えています。");
        }
    }
}
