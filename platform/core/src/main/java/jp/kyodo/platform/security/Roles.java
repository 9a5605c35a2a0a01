package jp.kyodo.platform.security;

import java.util.List;

/** Realm roles of the identity provider (Keycloak realm {@code kyodo}). */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String PARTNER = "partner";
    public static final String CITY_STAFF = "city-staff";
    public static final String COORDINATOR = "coordinator";
    public static final String REVIEWER = "reviewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(CITIZEN, PARTNER, CITY_STAFF, COORDINATOR, REVIEWER, ANALYST, ADMIN);

    private Roles() {
    }
}
