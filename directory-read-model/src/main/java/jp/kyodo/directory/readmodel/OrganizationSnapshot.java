package jp.kyodo.directory.readmodel;

import java.util.List;
import java.util.UUID;

/**
 * The payload of every {@code kyodo.directory.v1} event: the organisation as consumers need it, after the change.
 * It names members only by their login subject and role: personal data, carried because the services authorise by
 * it (with tasks addressed to a person, the only place events name people). Names and contact data of people never
 * appear. Consumers replace what they know with the snapshot of a newer {@code version}.
 *
 * @param reason       why the status changed (organization.verified / organization.suspended), else null
 * @param memberChange the member added or removed (member.added / member.removed), else null
 */
public record OrganizationSnapshot(
        UUID organizationId,
        long version,
        String name,
        String nameKana,
        ActorType type,
        OrganizationStatus status,
        String corporateNumber,
        List<String> fields,
        List<Member> members,
        String reason,
        MemberChange memberChange) {

    /** A member as other services see one: who (subject) in which role. */
    public record Member(String subject, MemberRole role, Long amountLimitYen) {
    }

    /** The member a member.added or member.removed event is about. */
    public record MemberChange(String subject, MemberRole role, boolean added) {
    }

    public static final String TOPIC = "kyodo.directory.v1";
}
