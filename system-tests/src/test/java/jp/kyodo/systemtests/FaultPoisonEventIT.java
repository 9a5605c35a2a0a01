package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kyodo.stack.ServiceSpec;

/**
 * Records no consumer can ever process, put on every partition of each consumed topic: one that is not a CloudEvent
 * at all, and one whose payload is not JSON under the type the consumer acts on. Each consumer dead-letters them to
 * {@code <topic>.dlq} with the error, and keeps going: the valid events behind them take effect.
 *
 * <p>Runs after {@link PublishedEventsMatchSchemasIT}, which would rightly reject these records.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.POISON)
class FaultPoisonEventIT {

    /** The type each topic's consumers act on, so that the payload is actually read. */
    private static final Map<String, String> ACTED_ON = Map.of(
            Kyodo.DIRECTORY_TOPIC, "jp.kyodo.organization.registered.v1",
            Kyodo.PROPOSALS_TOPIC, "jp.kyodo.proposal.adopted.v1",
            Kyodo.AGREEMENTS_TOPIC, "jp.kyodo.agreement.activated.v1");

    private record Poison(String topic, int partition, long offset, String eventId) {
    }

    @Test
    void poisonOnEveryConsumedTopicIsDeadLetteredWithItsErrorAndTheConsumersKeepGoing() {
        List<Poison> poisons = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Faults.producer()) {
            for (Map.Entry<String, String> topic : ACTED_ON.entrySet()) {
                int partitions = producer.partitionsFor(topic.getKey()).size();
                for (int p = 0; p < partitions; p++) {
                    RecordMetadata notCloudEvent = Faults.send(producer,
                            new ProducerRecord<>(topic.getKey(), p, "poison", "this is not an event"));
                    poisons.add(new Poison(topic.getKey(), p, notCloudEvent.offset(), null));
                    String id = UUID.randomUUID().toString();
                    ProducerRecord<String, String> unreadable = new ProducerRecord<>(topic.getKey(), p, "poison",
                            "{\"not json");
                    header(unreadable, "ce_specversion", "1.0");
                    header(unreadable, "ce_id", id);
                    header(unreadable, "ce_source", "/system-tests/poison");
                    header(unreadable, "ce_type", topic.getValue());
                    header(unreadable, "ce_subject", UUID.randomUUID().toString());
                    header(unreadable, "content-type", "application/json");
                    RecordMetadata sent = Faults.send(producer, unreadable);
                    poisons.add(new Poison(topic.getKey(), p, sent.offset(), id));
                }
            }
        }

        // Valid events behind the poison, on every topic, each with an effect in each consumer.
        CollaborationSteps steps = CollaborationSteps.parties(); // directory events: proposal-service takes the theme
        UUID proposal = steps.proposalAwaitingDecision("毒の後の提案");
        assertEquals(200, steps.adopt(proposal).statusCode());
        Eventually.until("agreement-service drafted the agreement of the adopted proposal", Eventually.CROSS_SERVICE,
                () -> CollaborationSteps.agreementsOf(proposal).size() == 1);
        UUID agreement = steps.openAgreement("毒の後の協定"); // agreement-service knows staff1 from the directory
        steps.awaitSignatoriesKnown(agreement);
        steps.signByBoth(agreement, steps.submitForSignature(agreement));
        Eventually.until("evaluation-service made the plan of the activated agreement", Eventually.CROSS_SERVICE,
                () -> CollaborationSteps.plansOf(agreement).size() == 1);
        Eventually.until("evaluation-service knows the new department", Eventually.CROSS_SERVICE,
                () -> Faults.count(ServiceSpec.EVALUATIONS, "select count(*) from directory_organization where id = ?::uuid",
                        steps.department.toString()) == 1);

        // Each consumer dead-lettered each poison once, with the error.
        Faults.awaitAllConsumersCaughtUp();
        List<String> problems = new ArrayList<>();
        int deadLetters = 0;
        for (String topic : ACTED_ON.keySet()) {
            List<String> consumers = Faults.CONSUMED.entrySet().stream().filter(e -> e.getValue().contains(topic))
                    .map(Map.Entry::getKey).sorted().toList();
            consumers.forEach(c -> Faults.awaitOutboxSent(c, Duration.ofSeconds(60)));
            List<ConsumerRecord<String, String>> dlq = Faults.everythingOn(topic + ".dlq");
            for (Poison poison : poisons.stream().filter(p -> p.topic().equals(topic)).toList()) {
                for (String consumer : consumers) {
                    List<ConsumerRecord<String, String>> letters = dlq.stream()
                            .filter(r -> topic.equals(KafkaEvents.header(r, "kyodo_dlq_topic"))
                                    && String.valueOf(poison.partition()).equals(KafkaEvents.header(r, "kyodo_dlq_partition"))
                                    && String.valueOf(poison.offset()).equals(KafkaEvents.header(r, "kyodo_dlq_offset"))
                                    && consumer.equals(KafkaEvents.header(r, "kyodo_dlq_consumer")))
                            .toList();
                    if (letters.size() != 1) {
                        problems.add(consumer + ": " + letters.size() + " dead letters for " + poison);
                        continue;
                    }
                    deadLetters++;
                    String error = KafkaEvents.header(letters.get(0), "kyodo_dlq_error");
                    if (error == null || error.isBlank()) {
                        problems.add(consumer + ": no error with the dead letter of " + poison);
                    }
                    if (poison.eventId() != null) {
                        List<String> outcomes = Faults.inboxOutcomes(consumer, poison.eventId());
                        if (!outcomes.equals(List.of("DEAD_LETTERED"))) {
                            problems.add(consumer + ": inbox outcome " + outcomes + " for " + poison);
                        }
                    }
                }
            }
        }
        System.out.printf("poison: %d records on %d topics, %d dead letters (one per consumer)%n", poisons.size(),
                ACTED_ON.size(), deadLetters);
        assertEquals(List.of(), problems);
        assertFalse(poisons.isEmpty());
        assertTrue(deadLetters >= poisons.size());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
