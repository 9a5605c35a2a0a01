package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kyodo.stack.ServiceSpec;

/**
 * Directory snapshots delivered many times and out of order, written straight to the topic: the same event again
 * and again, and every older version of the organisation after the newest. The three services that keep a read
 * model of the directory end in the same state as the directory itself: duplicates are recognised by their id,
 * older versions are ignored.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.REDELIVERY)
class FaultRedeliveryIT {

    private static final List<String> READ_MODELS = List.of(ServiceSpec.PROPOSALS, ServiceSpec.AGREEMENTS,
            ServiceSpec.EVALUATIONS);

    @Test
    void duplicatedAndOutOfOrderSnapshotsLeaveEveryReadModelAtTheNewestVersion() {
        CollaborationSteps steps = CollaborationSteps.parties();
        String npo = steps.npo.toString();
        Faults.awaitOutboxSent(ServiceSpec.DIRECTORY, Eventually.CROSS_SERVICE);
        List<ConsumerRecord<String, String>> history = new ArrayList<>(Faults.everythingOn(Kyodo.DIRECTORY_TOPIC)
                .stream().filter(r -> npo.equals(r.key())).toList());
        history.sort(Comparator.comparingLong(FaultRedeliveryIT::version));
        assertTrue(history.size() >= 3, "registered, verified, member added: " + history.size() + " events");
        ConsumerRecord<String, String> newest = history.get(history.size() - 1);
        ConsumerRecord<String, String> oldest = history.get(0);

        List<String> staleIds = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Faults.producer()) {
            // The newest event five more times, the very same (same id).
            for (int i = 0; i < 5; i++) {
                Faults.send(producer, Faults.copyOf(newest, Map.of()));
            }
            // Every older version again, newest first, as new deliveries (new ids), twice; and the oldest as it was.
            for (int round = 0; round < 2; round++) {
                for (int i = history.size() - 2; i >= 0; i--) {
                    String id = UUID.randomUUID().toString();
                    staleIds.add(id);
                    Faults.send(producer, Faults.copyOf(history.get(i), Map.of("ce_id", id)));
                }
            }
            Faults.send(producer, Faults.copyOf(oldest, Map.of()));
        }

        // A real change after them on the same partition: once a service shows it, it has been through all of them.
        Kyodo.addMember("staff1", steps.npo, DemoUsers.PARTNER2, "MEMBER", null);
        Kyodo.createProposalOnceKnown("partner2",
                Kyodo.proposal(steps.npo, steps.theme, steps.department, "再配信後の提案 " + steps.tag,
                        CollaborationSteps.FISCAL_YEAR, CollaborationSteps.CITY_SHARE));
        Faults.awaitOutboxSent(ServiceSpec.DIRECTORY, Eventually.CROSS_SERVICE);
        Faults.awaitAllConsumersCaughtUp();

        // What the directory says now.
        long version = Gateway.as("staff1").get("/api/directory/organizations/" + npo).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        Set<String> members = new TreeSet<>(Gateway.as("staff1").get("/api/directory/organizations/" + npo + "/members")
                .then().statusCode(200).extract().jsonPath().getList("subject"));
        assertTrue(members.containsAll(Set.of(DemoUsers.PARTNER1, DemoUsers.PARTNER2)), members.toString());

        for (String service : READ_MODELS) {
            assertEquals(List.of("VERIFIED:" + version), Faults.strings(service,
                    "select status || ':' || version from directory_organization where id = ?::uuid", npo),
                    service + " holds the newest snapshot");
            assertEquals(members, new TreeSet<>(Faults.strings(service,
                    "select subject from directory_membership where organization_id = ?::uuid", npo)),
                    service + " knows the current members");
            assertEquals(List.of("APPLIED"), Faults.inboxOutcomes(service, KafkaEvents.header(newest, "ce_id")),
                    service + " applied the duplicated event once");
            for (String stale : staleIds) {
                assertEquals(List.of("STALE"), Faults.inboxOutcomes(service, stale),
                        service + " ignored the older snapshot " + stale);
            }
        }
        // And through proposal-service's API: partner1 still acts for the NPO, which is still verified.
        java.util.UUID proposal = Kyodo.createProposalOnceKnown("partner1",
                Kyodo.proposal(steps.npo, steps.theme, steps.department, "再配信後の提出 " + steps.tag,
                        CollaborationSteps.FISCAL_YEAR, CollaborationSteps.CITY_SHARE));
        Gateway.as("partner1").header("If-Match", Kyodo.etag("partner1", "/api/proposals/" + proposal))
                .body(Map.of("actingFor", npo, "consentToCaseArchive", true))
                .post("/api/proposals/" + proposal + "/submission").then().statusCode(200);
    }

    private static long version(ConsumerRecord<String, String> record) {
        return Long.parseLong(KafkaEvents.header(record, "ce_aggregateversion"));
    }
}
