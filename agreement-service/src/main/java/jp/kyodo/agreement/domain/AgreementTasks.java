package jp.kyodo.agreement.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Milestone;
import jp.kyodo.agreement.domain.content.MilestoneKind;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.kernel.OfficeCalendar;
import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskRef;

/**
 * The steps of an agreement that wait for someone, as this service's rules decide them: each party signs the version
 * awaiting signatures (who may sign is {@link SignaturePolicy}'s answer), and the department sees each milestone and
 * reflection point (工程・振り返り) of the version in force reached by its date.
 */
public final class AgreementTasks {

    public static final String AGGREGATE = "agreement";
    public static final String SIGN = "SIGN_AGREEMENT";
    public static final String DECIDE = "DECIDE_APPLICATION";
    public static final String REACH_MILESTONE = "REACH_MILESTONE";
    public static final String MILESTONE_AGGREGATE = "agreement-milestone";

    private AgreementTasks() {
    }

    /** The signature task of one party on one version. */
    public static TaskRef signature(UUID agreementId, int documentVersion, UUID partyId) {
        return TaskRef.of(AGGREGATE, agreementId, SIGN, TaskAddressee.organization(partyId)).occurrence(documentVersion);
    }

    /** Every party's signature task on a version just frozen, due on {@code dueOn}. */
    public static List<OpenTask> signatures(Agreement agreement, AgreementContent content, int documentVersion,
            LocalDate dueOn, long cityShareYen, Function<UUID, Optional<KnownOrganization>> directory) {
        UUID department = departmentOf(content);
        return content.parties().stream().map(party -> new OpenTask(
                signature(agreement.id, documentVersion, party.organizationId()), dueOn,
                SignaturePolicy.whoMaySign(party, directory.apply(party.organizationId()), cityShareYen), department,
                "協定「" + content.title() + "」第" + documentVersion + "版に" + nameOf(party) + "として署名する",
                "Sign version " + documentVersion + " of the agreement “" + content.title() + "” for " + nameOf(party),
                "/api/agreements/" + agreement.id + "/versions/" + documentVersion)).toList();
    }

    /** The department's decision (交付決定・承認 or their refusal) on a version the city alone decides. */
    public static TaskRef decision(UUID agreementId, int documentVersion, UUID departmentId) {
        return TaskRef.of(AGGREGATE, agreementId, DECIDE, TaskAddressee.organization(departmentId))
                .occurrence(documentVersion);
    }

    /** The decision task on a version just frozen, due on {@code dueOn}; none without a department party. */
    public static Optional<OpenTask> decision(Agreement agreement, AgreementContent content, int documentVersion,
            LocalDate dueOn) {
        UUID department = departmentOf(content);
        return Optional.ofNullable(department).map(d -> new OpenTask(decision(agreement.id, documentVersion, d), dueOn,
                d, "申請「" + content.title() + "」第" + documentVersion + "版について決定する",
                "Decide on version " + documentVersion + " of the application “" + content.title() + "”",
                "/api/agreements/" + agreement.id + "/versions/" + documentVersion));
    }

    /**
     * The task of reaching one milestone, addressed to the department. The milestone is its aggregate, so the task stays
     * the same across amendments that keep the milestone.
     */
    public static TaskRef milestone(UUID departmentId, UUID milestoneId) {
        return TaskRef.of(MILESTONE_AGGREGATE, milestoneId, REACH_MILESTONE, TaskAddressee.organization(departmentId));
    }

    public static List<OpenTask> milestones(Agreement agreement, AgreementContent content, List<UUID> reached) {
        UUID department = departmentOf(content);
        if (department == null) {
            return List.of();
        }
        return content.milestones().stream().filter(m -> m.milestoneId() != null && !reached.contains(m.milestoneId()))
                .map(m -> new OpenTask(milestone(department, m.milestoneId()), OfficeCalendar.dueOn(m.dueDate()),
                        department, titleJa(content, m), titleEn(content, m), "/api/agreements/" + agreement.id))
                .toList();
    }

    private static String titleJa(AgreementContent content, Milestone m) {
        return "協定「" + content.title() + "」の" + (m.kind() == MilestoneKind.REFLECTION ? "振り返り" : "工程") + "「"
                + m.name() + "」";
    }

    private static String titleEn(AgreementContent content, Milestone m) {
        return (m.kind() == MilestoneKind.REFLECTION ? "Reflection point" : "Milestone") + " “" + m.name() + "” of “"
                + content.title() + "”";
    }

    /** The department responsible for the agreement: its first department party (none in a malformed draft). */
    public static UUID departmentOf(AgreementContent content) {
        return content.departments().stream().map(Party::organizationId).findFirst().orElse(null);
    }

    private static String nameOf(Party party) {
        return party.name() == null ? party.organizationId().toString() : party.name();
    }
}
