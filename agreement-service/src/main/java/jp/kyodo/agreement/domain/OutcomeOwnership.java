package jp.kyodo.agreement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.kyodo.agreement.domain.content.Deliverable;
import jp.kyodo.agreement.domain.content.OutcomeOwner;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.platform.problem.FieldError;

/**
 * Outcome ownership (成果の帰属): in area B the outcomes belong to the citizens' side, in area D to the city, and in
 * area C the parties choose per deliverable. A choice other than the area's default is valid only with a written
 * clause (特約), so that no one gives up an outcome without saying so.
 */
public final class OutcomeOwnership {

    private OutcomeOwnership() {
    }

    public static Optional<OutcomeOwner> defaultFor(ActivityArea area) {
        return switch (area) {
            case B -> Optional.of(OutcomeOwner.CITIZENS_SIDE);
            case D -> Optional.of(OutcomeOwner.CITY);
            case C -> Optional.empty();
        };
    }

    /** The owner of the outcome: the one chosen, else the area's default; empty when area C left it open. */
    public static Optional<OutcomeOwner> ownerOf(ActivityArea area, Deliverable deliverable) {
        return deliverable.ownership() != null ? Optional.of(deliverable.ownership()) : defaultFor(area);
    }

    /** The copyright holder: the one chosen, else the outcome's owner. */
    public static Optional<OutcomeOwner> copyrightHolderOf(ActivityArea area, Deliverable deliverable) {
        return deliverable.copyrightHolder() != null ? Optional.of(deliverable.copyrightHolder())
                : ownerOf(area, deliverable);
    }

    public static boolean deviatesFromDefault(ActivityArea area, Deliverable deliverable) {
        Optional<OutcomeOwner> fallback = defaultFor(area);
        if (fallback.isEmpty()) {
            return false;
        }
        return (deliverable.ownership() != null && deliverable.ownership() != fallback.get())
                || (deliverable.copyrightHolder() != null && deliverable.copyrightHolder() != fallback.get());
    }

    /** What keeps the deliverables from being signed: an open owner in area C, a deviation without a clause. */
    public static List<FieldError> problems(ActivityArea area, List<Deliverable> deliverables) {
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < deliverables.size(); i++) {
            Deliverable deliverable = deliverables.get(i);
            if (area == ActivityArea.C && deliverable.ownership() == null) {
                problems.add(FieldError.of("deliverables[" + i + "].ownership",
                        "In area C the owner of each deliverable must be chosen.",
                        "領域Cでは成果物ごとに成果の帰属を定めてください。"));
            }
            if (deviatesFromDefault(area, deliverable)
                    && (deliverable.ownershipClause() == null || deliverable.ownershipClause().isBlank())) {
                problems.add(FieldError.of("deliverables[" + i + "].ownershipClause",
                        "Ownership other than the area's default needs a written clause.",
                        "領域の原則と異なる帰属には特約の記載が必要です。"));
            }
        }
        return problems;
    }
}
