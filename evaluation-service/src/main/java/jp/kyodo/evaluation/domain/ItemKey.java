package jp.kyodo.evaluation.domain;

import java.util.UUID;

/** One scored line of an assessment: an item of the catalogue, and for indicator and goal items which one. */
public record ItemKey(EvaluationItem item, UUID targetId) implements Comparable<ItemKey> {

    @Override
    public int compareTo(ItemKey other) {
        int byItem = item.compareTo(other.item);
        if (byItem != 0) {
            return byItem;
        }
        return String.valueOf(targetId).compareTo(String.valueOf(other.targetId));
    }
}
