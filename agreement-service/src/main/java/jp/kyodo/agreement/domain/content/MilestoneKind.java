package jp.kyodo.agreement.domain.content;

/** A point in the schedule: a milestone of the work, or a reflection point where the parties look back (振り返り). */
public enum MilestoneKind {
    MILESTONE, REFLECTION
}
