package jp.kyodo.directory.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** 提案者の要件: an organisation may be verified only when every requirement was checked and found satisfied. */
public final class Eligibility {

    private Eligibility() {
    }

    /** The requirements not (yet) found satisfied; empty when the organisation is eligible. */
    public static List<EligibilityRequirement> unmet(Map<EligibilityRequirement, EligibilityCheck> checks) {
        return Arrays.stream(EligibilityRequirement.values())
                .filter(r -> checks.get(r) == null || !checks.get(r).satisfied)
                .toList();
    }
}
