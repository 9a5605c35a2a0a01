package jp.kyodo.systemtests;

/** The realm's demo users and their fixed subjects (deploy/keycloak/kyodo-realm.json). */
public final class DemoUsers {

    public static final String ADMIN1 = "a0000000-0000-4000-8000-000000000001";
    public static final String STAFF1 = "a0000000-0000-4000-8000-000000000002";
    public static final String SIGNER1 = "a0000000-0000-4000-8000-000000000003";
    public static final String COORDINATOR1 = "a0000000-0000-4000-8000-000000000004";
    public static final String REVIEWER1 = "a0000000-0000-4000-8000-000000000005";
    public static final String REVIEWER2 = "a0000000-0000-4000-8000-000000000006";
    public static final String ANALYST1 = "a0000000-0000-4000-8000-000000000007";
    public static final String PARTNER1 = "a0000000-0000-4000-8000-000000000008";
    public static final String PARTNER2 = "a0000000-0000-4000-8000-000000000009";
    public static final String CITIZEN1 = "a0000000-0000-4000-8000-000000000010";
    public static final String PARTNER_SYSTEM = "a0000000-0000-4000-8000-000000000011";

    private DemoUsers() {
    }
}
