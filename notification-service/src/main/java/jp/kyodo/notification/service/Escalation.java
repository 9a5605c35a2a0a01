package jp.kyodo.notification.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.kyodo.notification.domain.Task;

/**
 * Who is told when a task has been overdue for the configured time: everyone holding the realm role the city names
 * for it (its 協働推進担当, {@code kyodo.notifications.escalation.realm-role}), or else the signatories (決裁権者) of the
 * department responsible for the task.
 */
@ApplicationScoped
public class Escalation {

    @Inject
    Addressees addressees;

    @Inject
    People people;

    @ConfigProperty(name = "kyodo.notifications.escalation.realm-role")
    Optional<String> realmRole;

    Escalation() {
    }

    /** An escalation with its own setting (a city that names a realm role, in tests). */
    public Escalation(Addressees addressees, People people, Optional<String> realmRole) {
        this.addressees = addressees;
        this.people = people;
        this.realmRole = realmRole;
    }

    public List<String> targets(Task task) {
        if (realmRole.isPresent() && !realmRole.get().isBlank()) {
            return people.withRealmRole(realmRole.get());
        }
        return task.departmentId == null ? List.of() : addressees.signatoriesOf(task.departmentId);
    }
}
