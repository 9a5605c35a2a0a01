package jp.kyodo.evaluation.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The catalogue of what every party scores, per track. Indicator and outcome-goal items are scored once per
 * indicator or goal of the plan; every other item once.
 */
public enum EvaluationItem {

    PROJECT_INDICATOR_ACHIEVEMENT(Track.PROJECT, Target.INDICATOR, "活動指標の達成度", "Achievement of each activity indicator"),
    PROJECT_OUTCOME_GOAL(Track.PROJECT, Target.GOAL, "成果目標の達成度", "Attainment of each outcome goal"),
    PROJECT_SCHEDULE_PROGRESS(Track.PROJECT, Target.NONE, "スケジュールの進捗", "Progress against the schedule"),
    PROJECT_BENEFICIARY_SATISFACTION(Track.PROJECT, Target.NONE, "受益者の満足度", "Beneficiary satisfaction"),
    PROJECT_EFFECTS_BEYOND_EXPECTATION(Track.PROJECT, Target.NONE, "想定以上の効果", "Effects beyond what was expected"),
    PROJECT_COST_EFFECTIVENESS(Track.PROJECT, Target.NONE, "費用対効果", "Cost effectiveness"),

    COLLABORATION_PROCESS(Track.COLLABORATION, Target.NONE, "協働のプロセス（対話・課題の共有）",
            "Process: dialogue and a shared understanding of the problem"),
    COLLABORATION_SPREAD(Track.COLLABORATION, Target.NONE, "広がり（新たな参加者・団体、受益者の増加）",
            "Spread: new participants and organisations, more beneficiaries"),
    COLLABORATION_BENEFIT_CITIZENS(Track.COLLABORATION, Target.NONE, "市民にとっての効果", "Benefit to citizens"),
    COLLABORATION_BENEFIT_PARTNER(Track.COLLABORATION, Target.NONE, "協働相手の団体にとっての効果",
            "Benefit to the partner organisation"),
    COLLABORATION_BENEFIT_CITY(Track.COLLABORATION, Target.NONE, "市にとっての効果", "Benefit to the city"),
    COLLABORATION_SYNERGY(Track.COLLABORATION, Target.NONE, "相乗効果", "Synergy: better than either side alone"),
    COLLABORATION_METHOD_APPROPRIATENESS(Track.COLLABORATION, Target.NONE, "協働という手法の妥当性",
            "Whether collaboration was the right method"),
    COLLABORATION_PRINCIPLE_EQUALITY(Track.COLLABORATION, Target.NONE, "対等の原則", "Principle of equality"),
    COLLABORATION_PRINCIPLE_AUTONOMY(Track.COLLABORATION, Target.NONE, "自主性尊重の原則", "Principle of respect for autonomy"),
    COLLABORATION_PRINCIPLE_INDEPENDENCE(Track.COLLABORATION, Target.NONE, "自立化の原則", "Principle of independence"),
    COLLABORATION_PRINCIPLE_MUTUAL_UNDERSTANDING(Track.COLLABORATION, Target.NONE, "相互理解の原則",
            "Principle of mutual understanding"),
    COLLABORATION_PRINCIPLE_SHARED_PURPOSE(Track.COLLABORATION, Target.NONE, "目的共有の原則", "Principle of shared purpose"),
    COLLABORATION_PRINCIPLE_OPENNESS(Track.COLLABORATION, Target.NONE, "公開の原則", "Principle of openness"),
    COLLABORATION_PRINCIPLE_ROLE_CLARITY(Track.COLLABORATION, Target.NONE, "役割分担明確化の原則",
            "Principle of clear roles"),
    COLLABORATION_PRINCIPLE_EVALUATION(Track.COLLABORATION, Target.NONE, "評価の原則", "Principle of evaluation");

    /** What an item is scored against: the round as a whole, or one indicator or goal of the plan. */
    @Schema(name = "EvaluationItemTarget")
    public enum Target {
        NONE, INDICATOR, GOAL
    }

    private final Track track;
    private final Target target;
    private final String labelJa;
    private final String labelEn;

    EvaluationItem(Track track, Target target, String labelJa, String labelEn) {
        this.track = track;
        this.target = target;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public Track track() {
        return track;
    }

    public Target target() {
        return target;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
