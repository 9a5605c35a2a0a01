package jp.kyodo.evaluation.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A qualitative outcome goal (成果目標) fixed in the agreement. */
@Embeddable
public class PlanGoal {

    @Column(name = "goal_id")
    public UUID goalId;
    public String description;

    public PlanGoal() {
    }

    public PlanGoal(UUID goalId, String description) {
        this.goalId = goalId;
        this.description = description;
    }
}
