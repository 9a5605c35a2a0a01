package jp.kyodo.systemtests;

/**
 * Where the fault tests run in the run (class {@code @Order}, see junit-platform.properties): after the functional
 * tests, since they stop and kill parts of the system. Those whose events are valid run before
 * {@link EveryAuditedChangeAnnouncedIT} and {@link PublishedEventsMatchSchemasIT} (so they check what the faults
 * produced too); the poison test, which puts invalid records on the domain topics on purpose, runs after them;
 * {@link SecurityEdgeIT} stays last.
 */
final class FaultOrder {

    static final int CONCURRENCY = Integer.MAX_VALUE - 20;
    static final int REDELIVERY = Integer.MAX_VALUE - 19;
    static final int KAFKA_OUTAGE = Integer.MAX_VALUE - 18;
    static final int PROCESS_KILL = Integer.MAX_VALUE - 17;
    static final int DATABASE_RESTART = Integer.MAX_VALUE - 16;
    static final int BACKUP_RESTORE = Integer.MAX_VALUE - 15;
    static final int REPLICAS = Integer.MAX_VALUE - 14;
    /** Compares every audit trail with the topics: before anything is written around the services. */
    static final int ANNOUNCEMENT_CHECK = Integer.MAX_VALUE - 4;
    /** Writes generated history straight into the databases: after every test that counts records. */
    static final int SCALE_DATA = Integer.MAX_VALUE - 3;
    static final int SCHEMA_CHECK = Integer.MAX_VALUE - 2;
    static final int POISON = Integer.MAX_VALUE - 1;

    private FaultOrder() {
    }
}
