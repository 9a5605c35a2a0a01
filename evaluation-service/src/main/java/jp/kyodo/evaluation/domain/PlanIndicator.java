package jp.kyodo.evaluation.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An activity indicator (活動指標) fixed in the agreement, with its target value and unit. */
@Embeddable
public class PlanIndicator {

    @Column(name = "indicator_id")
    public UUID indicatorId;
    public String name;
    public String unit;
    @Column(name = "target_value")
    public BigDecimal targetValue;

    public PlanIndicator() {
    }

    public PlanIndicator(UUID indicatorId, String name, String unit, BigDecimal targetValue) {
        this.indicatorId = indicatorId;
        this.name = name;
        this.unit = unit;
        this.targetValue = targetValue;
    }
}
