package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A draft shared before submission (事前相談) with the department it is addressed to and a coordinator: the
 * coordinators of a support centre, or the one the consultation desk assigned.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreSubmission(UUID departmentId, UUID coordinatorOrganizationId, String coordinatorSubject,
        UUID intakeId, Instant sharedAt, String sharedBy) {
}
