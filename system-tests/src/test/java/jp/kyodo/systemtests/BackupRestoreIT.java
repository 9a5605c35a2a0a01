package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;
import jp.kyodo.stack.StackConfig;

/**
 * The backup and restore procedure of deploy/README.md, for proposal-service: a backup taken while Kafka is down holds
 * an adoption whose event is still in the outbox; restored into a fresh database, the service serves the same records
 * and its relay publishes that event once, and agreement-service drafts one agreement for it.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.BACKUP_RESTORE)
class BackupRestoreIT {

    private static final String ADOPTED = "jp.kyodo.proposal.adopted.v1";
    private static final String DATABASE = "kyodo_proposals";
    private static final String RESTORED = "kyodo_proposals_restored";

    @Test
    void aRestoredBackupServesTheSameRecordsAndItsOutboxResumesWithoutLossOrDuplicates() throws Exception {
        Stack stack = SystemUnderTest.stack();
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID adoptedBefore = steps.proposalAwaitingDecision("バックアップ前に採択する提案");
        UUID adoptedDuring = steps.proposalAwaitingDecision("停止中に採択する提案");
        UUID pending = steps.proposalAwaitingDecision("決定待ちの提案");
        assertEquals(200, steps.adopt(adoptedBefore).statusCode());
        awaitOneAgreementFor(adoptedBefore);
        // Everything consumed so far is in the backup's inbox, so the restored service has nothing to catch up on.
        Faults.awaitCaughtUp(ServiceSpec.PROPOSALS, Faults.CONSUMED.get(ServiceSpec.PROPOSALS), Eventually.CROSS_SERVICE);
        Faults.awaitOutboxSent(ServiceSpec.PROPOSALS, Eventually.CROSS_SERVICE);

        Path files = stack.config().dataDir().resolve("backups").resolve(DATABASE);
        TableCopyBackup backup;
        List<String> unsent;
        Map<String, String> served;
        try {
            stack.stop(Stack.KAFKA);
            ExtractableResponse<Response> adopted = steps.adopt(adoptedDuring);
            assertEquals(200, adopted.statusCode(), "adoption with Kafka down: " + adopted.asString());
            unsent = Faults.strings(ServiceSpec.PROPOSALS, "select id::text from kyodo_outbox where sent_at is null");
            assertFalse(unsent.isEmpty(), "the adoption's event waits in the outbox");
            served = served(steps, adoptedBefore, adoptedDuring, pending);

            backup = TableCopyBackup.take(stack.jdbcUrl(DATABASE), files);
            assertTrue(backup.tables().containsAll(List.of("flyway_schema_history", "kyodo_outbox", "kyodo_inbox",
                    "kyodo_inbox_version", "kyodo_idempotency_key", "kyodo_audit_entry")), "backed up: " + backup.tables());

            // The database is lost; its service is stopped before its unsent rows could go out.
            stack.stop(ServiceSpec.PROPOSALS);
            stack.start(Stack.KAFKA);

            // A fresh database, its schema made by the service's own migrations, then the backup's rows.
            TableCopyBackup.createDatabase(stack.jdbcUrl("postgres"), RESTORED);
            stack.startAgainst(ServiceSpec.PROPOSALS, RESTORED);
            stack.stop(ServiceSpec.PROPOSALS);
            backup.restoreInto(stack.jdbcUrl(RESTORED));
            assertEquals(unsent.size(), unsentIn(RESTORED), "the restored outbox holds the unsent rows");
            stack.startAgainst(ServiceSpec.PROPOSALS, RESTORED);

            assertEquals(served, served(steps, adoptedBefore, adoptedDuring, pending),
                    "the restored service serves the same records");
            Eventually.until("the restored outbox is sent", Eventually.CROSS_SERVICE, () -> unsentIn(RESTORED) == 0);
            Faults.awaitCaughtUp(ServiceSpec.AGREEMENTS, Faults.CONSUMED.get(ServiceSpec.AGREEMENTS),
                    Eventually.CROSS_SERVICE);

            List<ConsumerRecord<String, String>> published = Faults.everythingOn(Kyodo.PROPOSALS_TOPIC);
            Map<String, Integer> copies = new TreeMap<>();
            published.stream().map(r -> KafkaEvents.header(r, "ce_id")).filter(unsent::contains)
                    .forEach(id -> copies.merge(id, 1, Integer::sum));
            Faults.assertExactlyOnce("the events unsent at backup time, each published once", Set.copyOf(unsent), copies);
            Set<String> subjects = Set.of(adoptedBefore.toString(), adoptedDuring.toString());
            Map<String, Integer> adoptions = Faults.copiesPerEventId(published, ADOPTED, r -> subjects.contains(r.key()));
            assertEquals(2, adoptions.size(), "one adoption event per adopted proposal: " + adoptions);
            assertEquals(Set.of(1), Set.copyOf(adoptions.values()), "each published once: " + adoptions);
            for (String id : unsent) {
                assertEquals(List.of("APPLIED"), Faults.inboxOutcomes(ServiceSpec.AGREEMENTS, id),
                        "agreement-service applied event " + id + " once");
            }
            awaitOneAgreementFor(adoptedDuring);
            assertEquals(1, CollaborationSteps.agreementsOf(adoptedBefore).size(), "still one draft for the first");
            assertTrue(CollaborationSteps.agreementsOf(pending).isEmpty(), "no draft for the undecided proposal");

            // Back to the service's own database, now holding what the restored one holds (all sent), for the runs after.
            stack.stop(ServiceSpec.PROPOSALS);
            TableCopyBackup.take(stack.jdbcUrl(RESTORED), files.resolveSibling(RESTORED)).restoreInto(
                    stack.jdbcUrl(DATABASE));
            stack.start(ServiceSpec.PROPOSALS);
            assertEquals(0, Faults.unsentOutboxRows(ServiceSpec.PROPOSALS), "nothing left to send twice");
            assertEquals(served, served(steps, adoptedBefore, adoptedDuring, pending));
        } finally {
            if (!stack.isRunning(Stack.KAFKA)) {
                stack.start(Stack.KAFKA);
            }
            if (!stack.isRunning(ServiceSpec.PROPOSALS)) {
                stack.start(ServiceSpec.PROPOSALS);
            }
        }
    }

    /** The proposals' and the theme list's bodies and ETags as the gateway serves them, by path. */
    private static Map<String, String> served(CollaborationSteps steps, UUID... proposals) {
        List<String> paths = new ArrayList<>();
        for (UUID proposal : proposals) {
            paths.add("/api/proposals/" + proposal);
        }
        paths.add("/api/proposals?themeId=" + steps.theme);
        Map<String, String> served = new LinkedHashMap<>();
        for (String path : paths) {
            ExtractableResponse<Response> r = Gateway.as("staff1").get(path).then().extract();
            assertEquals(200, r.statusCode(), "GET " + path + ": " + r.asString());
            served.put(path, r.header("ETag") + " " + MatrixFixture.readTree(r.asString()));
        }
        return served;
    }

    private static void awaitOneAgreementFor(UUID proposal) {
        List<String> drafts = Eventually.await("agreement drafted for " + proposal, Eventually.CROSS_SERVICE, () -> {
            List<String> found = CollaborationSteps.agreementsOf(proposal);
            return found.isEmpty() ? Optional.empty() : Optional.of(found);
        });
        assertEquals(1, drafts.size(), "one agreement draft for proposal " + proposal + ": " + drafts);
    }

    private static long unsentIn(String database) {
        try (Connection c = DriverManager.getConnection(SystemUnderTest.stack().jdbcUrl(database), StackConfig.DB_USER,
                StackConfig.DB_PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from kyodo_outbox where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }
}
