package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;

/**
 * The broker goes down while proposals are adopted and an agreement is signed. The writes succeed anyway (their
 * events wait in the outbox); once the broker is back every event is published exactly once and every downstream
 * effect happens exactly once: one agreement draft per adopted proposal, one evaluation plan for the activated
 * agreement.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.KAFKA_OUTAGE)
class FaultKafkaOutageIT {

    private static final String ADOPTED = "jp.kyodo.proposal.adopted.v1";
    private static final String ACTIVATED = "jp.kyodo.agreement.activated.v1";

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventAndEffectHappensOnceWhenItReturns() {
        Stack stack = SystemUnderTest.stack();
        CollaborationSteps steps = CollaborationSteps.parties();
        List<UUID> proposals = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            proposals.add(steps.proposalAwaitingDecision("停止中に採択する提案" + i));
        }
        UUID agreement = steps.openAgreement("停止中に締結する協定");
        steps.awaitSignatoriesKnown(agreement);
        CollaborationSteps.Frozen frozen = steps.submitForSignature(agreement);
        Faults.awaitOutboxSent(ServiceSpec.PROPOSALS, Eventually.CROSS_SERVICE);
        Faults.awaitOutboxSent(ServiceSpec.AGREEMENTS, Eventually.CROSS_SERVICE);

        long outage = System.nanoTime();
        try {
            stack.stop(Stack.KAFKA);
            for (UUID proposal : proposals) {
                long started = System.nanoTime();
                ExtractableResponse<Response> adopted = steps.adopt(proposal);
                assertEquals(200, adopted.statusCode(), "adoption with Kafka down: " + adopted.asString());
                assertEquals("ADOPTED", adopted.path("status"));
                assertTrue(millisSince(started) < 5_000, "the adoption took " + millisSince(started) + " ms");
            }
            steps.signByBoth(agreement, frozen);
            assertEquals("ACTIVE", CollaborationSteps.state(agreement));
            // The events are waiting in the outboxes, not lost and not published.
            assertTrue(Faults.unsentOutboxRows(ServiceSpec.PROPOSALS) >= proposals.size(),
                    "adoption events waiting in proposal-service's outbox");
            assertTrue(Faults.unsentOutboxRows(ServiceSpec.AGREEMENTS) >= 3,
                    "signatures and activation waiting in agreement-service's outbox");
        } finally {
            if (!stack.isRunning(Stack.KAFKA)) {
                stack.start(Stack.KAFKA);
            }
        }
        System.out.printf("Kafka was down for %d s%n", Duration.ofNanos(System.nanoTime() - outage).toSeconds());

        // Every outbox row is published and every consumer catches up.
        Duration recovery = Duration.ofSeconds(120);
        for (String service : List.of(ServiceSpec.DIRECTORY, ServiceSpec.PROPOSALS, ServiceSpec.AGREEMENTS,
                ServiceSpec.EVALUATIONS)) {
            Faults.awaitOutboxSent(service, recovery);
        }
        Faults.CONSUMED.forEach((service, topics) -> Faults.awaitCaughtUp(service, topics, recovery));

        Set<String> proposalIds = new LinkedHashSet<>(proposals.stream().map(UUID::toString).toList());
        Map<String, Integer> adoptions = Faults.copiesPerEventId(Faults.everythingOn(Kyodo.PROPOSALS_TOPIC), ADOPTED,
                r -> proposalIds.contains(r.key()));
        assertEquals(proposals.size(), adoptions.size(), "one adoption event per proposal: " + adoptions);
        assertEquals(Set.of(1), Set.copyOf(adoptions.values()), "each published once: " + adoptions);
        for (UUID proposal : proposals) {
            List<String> drafts = Eventually.await("agreement drafted for " + proposal, Eventually.CROSS_SERVICE, () -> {
                List<String> found = CollaborationSteps.agreementsOf(proposal);
                return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found);
            });
            assertEquals(1, drafts.size(), "one agreement draft for proposal " + proposal + ": " + drafts);
        }

        // The drafts' own events, written while consuming the adoptions, are out as well.
        Faults.awaitOutboxSent(ServiceSpec.AGREEMENTS, recovery);
        Faults.awaitCaughtUp(ServiceSpec.EVALUATIONS, List.of(Kyodo.AGREEMENTS_TOPIC), recovery);
        List<ConsumerRecord<String, String>> agreementEvents = Faults.everythingOn(Kyodo.AGREEMENTS_TOPIC);
        Map<String, Integer> activations = Faults.copiesPerEventId(agreementEvents, ACTIVATED,
                r -> agreement.toString().equals(r.key()));
        assertEquals(1, activations.size(), "one activation event: " + activations);
        assertEquals(Set.of(1), Set.copyOf(activations.values()), "published once: " + activations);
        Map<String, Integer> drafted = Faults.copiesPerEventId(agreementEvents, "jp.kyodo.agreement.drafted.v1",
                r -> proposalIds.stream().anyMatch(p -> r.value() != null && r.value().contains(p)));
        assertEquals(proposals.size(), drafted.size(), "one drafted event per adopted proposal: " + drafted);
        assertEquals(Set.of(1), Set.copyOf(drafted.values()), "each published once: " + drafted);
        assertEquals(1, CollaborationSteps.plansOf(agreement).size(), "one evaluation plan for the agreement");
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
