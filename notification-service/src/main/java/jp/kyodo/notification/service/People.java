package jp.kyodo.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the identity provider knows of people and this service needs: their e-mail address and realm roles. Addresses
 * never leave this service: not in events, not in notifications, only in the mail sent to the person themselves.
 */
public interface People {

    /** A person as the identity provider knows them. */
    record Person(String subject, String email, Set<String> realmRoles) {
    }

    /** Empty when the subject is unknown; throws when the identity provider cannot be asked (retried later). */
    Optional<Person> person(String subject);

    /** The subjects of everyone holding a realm role. */
    List<String> withRealmRole(String role);
}
