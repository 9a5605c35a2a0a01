package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;

/**
 * A service process killed with SIGKILL at the two worst moments, each held open by a failpoint: between the broker's
 * acknowledgement of an event and marking its outbox row sent, and between a consumer's effect and the commit of its
 * offset. Restarted without the failpoint, nothing is lost and nothing is done twice: the republished event is a
 * duplicate on the topic with the same CloudEvents id, which the consumer's inbox ignores.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.PROCESS_KILL)
class FaultProcessKillIT {

    private static final String ADOPTED = "jp.kyodo.proposal.adopted.v1";
    private static final String DRAFTED = "jp.kyodo.agreement.drafted.v1";
    private static final Duration PARKED = Duration.ofSeconds(60);
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    @Test
    void killedBetweenTheBrokersAckAndMarkingTheRowSentTheEventIsRepublishedAndAppliedOnce() {
        Stack stack = SystemUnderTest.stack();
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID proposal = steps.proposalAwaitingDecision("送信直後に落ちる提案");
        Faults.awaitOutboxSent(ServiceSpec.PROPOSALS, Eventually.CROSS_SERVICE);

        String eventId;
        stack.stop(ServiceSpec.PROPOSALS);
        long mark = Faults.logMark(ServiceSpec.PROPOSALS);
        try {
            stack.start(ServiceSpec.PROPOSALS, Map.of("KYODO_FAILPOINTS", "outbox.after-ack"));
            adopt(steps, proposal);
            Faults.awaitLogLine(ServiceSpec.PROPOSALS, mark, "failpoint parked: outbox.after-ack", PARKED);
            // Parked exactly there: the broker has the event, the row is still unsent.
            List<String> ids = Faults.strings(ServiceSpec.PROPOSALS,
                    "select id::text from kyodo_outbox where type = ? and subject = ? and sent_at is null", ADOPTED,
                    proposal.toString());
            assertEquals(1, ids.size(), "the adoption's outbox row is unsent: " + ids);
            eventId = ids.get(0);
            String id = eventId;
            Eventually.until("the broker acknowledged the adoption event", Eventually.CROSS_SERVICE,
                    () -> Faults.copiesPerEventId(Faults.everythingOn(Kyodo.PROPOSALS_TOPIC), ADOPTED,
                            r -> true).containsKey(id));
            stack.kill(ServiceSpec.PROPOSALS);
        } finally {
            if (!stack.isRunning(ServiceSpec.PROPOSALS)) {
                stack.start(ServiceSpec.PROPOSALS);
            }
        }

        // The restarted relay publishes the row again (same id) and marks it sent; every row is sent.
        Faults.awaitOutboxSent(ServiceSpec.PROPOSALS, RECOVERY);
        Map<String, Integer> copies = Faults.copiesPerEventId(Faults.everythingOn(Kyodo.PROPOSALS_TOPIC), ADOPTED,
                r -> proposal.toString().equals(r.key()));
        assertEquals(Map.of(eventId, 2), copies, "the adoption event, published before the kill and again after it");

        // Downstream the duplicate changed nothing: one inbox entry, one agreement draft, one drafted event.
        Faults.awaitCaughtUp(ServiceSpec.AGREEMENTS, List.of(Kyodo.PROPOSALS_TOPIC), RECOVERY);
        assertEquals(List.of("APPLIED"), Faults.inboxOutcomes(ServiceSpec.AGREEMENTS, eventId));
        assertEquals(1, CollaborationSteps.agreementsOf(proposal).size(), "one agreement for the proposal");
        assertDraftedOnce(proposal);
    }

    @Test
    void killedBetweenAConsumersEffectAndItsOffsetCommitTheRedeliveredEventChangesNothing() {
        Stack stack = SystemUnderTest.stack();
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID proposal = steps.proposalAwaitingDecision("受信直後に落ちる提案");
        Faults.awaitOutboxSent(ServiceSpec.DIRECTORY, Eventually.CROSS_SERVICE);
        Faults.awaitOutboxSent(ServiceSpec.PROPOSALS, Eventually.CROSS_SERVICE);
        Faults.awaitCaughtUp(ServiceSpec.AGREEMENTS, Faults.CONSUMED.get(ServiceSpec.AGREEMENTS),
                Eventually.CROSS_SERVICE);

        ConsumerRecord<String, String> adopted;
        stack.stop(ServiceSpec.AGREEMENTS);
        long mark = Faults.logMark(ServiceSpec.AGREEMENTS);
        try {
            stack.start(ServiceSpec.AGREEMENTS, Map.of("KYODO_FAILPOINTS", "inbox.after-effect"));
            adopt(steps, proposal);
            Faults.awaitLogLine(ServiceSpec.AGREEMENTS, mark, "failpoint parked: inbox.after-effect", PARKED);
            // Parked exactly there: the draft is committed, the offset of the adoption event is not.
            Eventually.until("the draft of the adopted proposal exists", Eventually.CROSS_SERVICE,
                    () -> CollaborationSteps.agreementsOf(proposal).size() == 1);
            adopted = Faults.everythingOn(Kyodo.PROPOSALS_TOPIC).stream()
                    .filter(r -> proposal.toString().equals(r.key()) && ADOPTED.equals(KafkaEvents.type(r)))
                    .findFirst().orElseThrow();
            long committed = Faults.committedOffset(ServiceSpec.AGREEMENTS,
                    new TopicPartition(adopted.topic(), adopted.partition()));
            assertTrue(committed <= adopted.offset(), "the adoption's offset " + adopted.offset()
                    + " is not committed yet (committed: " + committed + ")");
            stack.kill(ServiceSpec.AGREEMENTS);
        } finally {
            if (!stack.isRunning(ServiceSpec.AGREEMENTS)) {
                stack.start(ServiceSpec.AGREEMENTS);
            }
        }

        // Redelivered after the restart, recognised by the inbox, committed; the effect stays single.
        Faults.awaitCaughtUp(ServiceSpec.AGREEMENTS, List.of(Kyodo.PROPOSALS_TOPIC), RECOVERY);
        String eventId = KafkaEvents.header(adopted, "ce_id");
        assertEquals(List.of("APPLIED"), Faults.inboxOutcomes(ServiceSpec.AGREEMENTS, eventId));
        assertEquals(1, CollaborationSteps.agreementsOf(proposal).size(), "one agreement for the proposal");
        assertDraftedOnce(proposal);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Adopts the proposal right after a restart of one of the services: a 502/503 from the gateway (its connections
     * to the old process) is retried, since such an answer changed nothing.
     */
    private static void adopt(CollaborationSteps steps, UUID proposal) {
        Eventually.await("the proposal is adopted", Eventually.CROSS_SERVICE, () -> {
            ExtractableResponse<Response> r = steps.adopt(proposal);
            if (r.statusCode() == 200) {
                return Optional.of(r);
            }
            if (r.statusCode() == 502 || r.statusCode() == 503) {
                return Optional.empty();
            }
            throw new IllegalStateException("adoption answered " + r.statusCode() + " " + r.asString());
        }, IllegalStateException.class);
    }

    private static void assertDraftedOnce(UUID proposal) {
        Faults.awaitOutboxSent(ServiceSpec.AGREEMENTS, RECOVERY);
        Map<String, Integer> drafted = Faults.copiesPerEventId(Faults.everythingOn(Kyodo.AGREEMENTS_TOPIC), DRAFTED,
                r -> r.value() != null && r.value().contains(proposal.toString()));
        assertEquals(1, drafted.size(), "one drafted event for the proposal: " + drafted);
        assertEquals(Set.of(1), Set.copyOf(drafted.values()), "published once: " + drafted);
    }
}
