package jp.kyodo.platform.tasks;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who a task waits for: a person (by subject), an organisation, a role within an organisation (e.g. a department's
 * signatory), or everyone holding a realm role of the identity provider (e.g. the committee's reviewers, who belong to
 * no organisation). A person may act for an organisation, named as {@code organizationId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskAddressee(Kind kind, String subject, UUID organizationId, String role) {

    public enum Kind {
        PERSON, ORGANIZATION, ROLE, REALM_ROLE
    }

    public TaskAddressee {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case PERSON -> require(subject != null && !subject.isBlank() && role == null, "a person needs a subject");
            case ORGANIZATION -> require(organizationId != null && subject == null && role == null,
                    "an organisation needs its id");
            case ROLE -> require(organizationId != null && role != null && subject == null,
                    "a role needs an organisation and a role");
            case REALM_ROLE -> require(role != null && role.matches("^[a-z][a-z0-9-]*$") && organizationId == null
                    && subject == null, "a realm role is named alone, in lower case");
        }
    }

    public static TaskAddressee person(String subject) {
        return new TaskAddressee(Kind.PERSON, subject, null, null);
    }

    /** A person acting for an organisation (e.g. a talent registered by themselves, a reviewer of a committee). */
    public static TaskAddressee person(String subject, UUID actingFor) {
        return new TaskAddressee(Kind.PERSON, subject, actingFor, null);
    }

    public static TaskAddressee organization(UUID organizationId) {
        return new TaskAddressee(Kind.ORGANIZATION, null, organizationId, null);
    }

    public static TaskAddressee role(UUID organizationId, String role) {
        return new TaskAddressee(Kind.ROLE, null, organizationId, role);
    }

    /** Everyone holding the realm role (e.g. {@code reviewer}), as the identity provider knows them. */
    public static TaskAddressee realmRole(String role) {
        return new TaskAddressee(Kind.REALM_ROLE, null, null, role);
    }

    /** A stable text form, part of the task id. */
    String key() {
        return switch (kind) {
            case PERSON -> "person:" + subject;
            case ORGANIZATION -> "organization:" + organizationId;
            case ROLE -> "role:" + organizationId + ":" + role;
            case REALM_ROLE -> "realm-role:" + role;
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
