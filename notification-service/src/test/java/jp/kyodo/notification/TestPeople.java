package jp.kyodo.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import jp.kyodo.notification.service.People;

/**
 * The identity provider's answers for component tests (the system tests read the real Keycloak): people registered by
 * the test with an address and realm roles.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestPeople implements People {

    private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();

    public static void register(String subject, String email, String... roles) {
        PEOPLE.put(subject, new Person(subject, email, Set.of(roles)));
    }

    @Override
    public Optional<Person> person(String subject) {
        return Optional.ofNullable(PEOPLE.get(subject));
    }

    @Override
    public List<String> withRealmRole(String role) {
        return PEOPLE.values().stream().filter(p -> p.realmRoles().contains(role)).map(Person::subject).sorted().toList();
    }
}
