package jp.kyodo.evaluation.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A party's score of one item, with its reason and, for an indicator, the actual value and achievement rate. */
@Embeddable
public class ItemScore {

    @Enumerated(EnumType.STRING)
    public EvaluationItem item;
    @Column(name = "target_id")
    public UUID targetId;
    public int score;
    public String reason;
    @Column(name = "actual_value")
    public BigDecimal actualValue;
    @Column(name = "achievement_rate")
    public BigDecimal achievementRate;

    public ItemScore() {
    }

    public ItemScore(EvaluationItem item, UUID targetId, int score, String reason, BigDecimal actualValue,
            BigDecimal achievementRate) {
        this.item = item;
        this.targetId = targetId;
        this.score = score;
        this.reason = reason;
        this.actualValue = actualValue;
        this.achievementRate = achievementRate;
    }

    public ItemKey key() {
        return new ItemKey(item, targetId);
    }
}
