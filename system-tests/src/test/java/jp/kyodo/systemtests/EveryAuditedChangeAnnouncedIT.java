package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.kyodo.stack.ServiceSpec;

/**
 * Every state change of the whole run is on the topics: each audit entry of the four services that records a change
 * as announced (drafts and the talent bank say they are not) has an event of the same aggregate and version on its
 * service's topic, caused by the same request (X-Request-Id); and on the topics, every aggregate that was audited has
 * every version from its first event to its last (a change that bumped a version silently leaves a gap). The
 * services under test run as in production, without
 * the commit-time check of the component tests, so this compares what they actually did. Runs after the functional
 * and fault tests, before the poison test.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.ANNOUNCEMENT_CHECK)
class EveryAuditedChangeAnnouncedIT {

    private static final Map<String, String> TOPIC_OF = Map.of(
            ServiceSpec.DIRECTORY, "kyodo.directory.v1",
            ServiceSpec.PROPOSALS, "kyodo.proposals.v1",
            ServiceSpec.AGREEMENTS, "kyodo.agreements.v1",
            ServiceSpec.EVALUATIONS, "kyodo.evaluations.v1");

    /** One audited change, as the audit trail of its service holds it. */
    private record Audited(String service, String aggregateType, String aggregateId, long version, String action,
            String requestId) {

        String key() {
            return aggregateId + "@" + version;
        }

        @Override
        public String toString() {
            return service + ": " + aggregateType + " " + aggregateId + "/" + action + " at version " + version
                    + " (request " + requestId + ")";
        }
    }

    @Test
    void everyAnnouncedChangeInEveryAuditTrailIsOnItsTopicWithTheSameVersionAndRequest() throws SQLException {
        List<String> silent = new ArrayList<>();
        List<String> otherRequest = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        Map<String, Integer> checked = new TreeMap<>();
        Map<String, Integer> unannounced = new TreeMap<>();
        for (Map.Entry<String, String> service : new TreeMap<>(TOPIC_OF).entrySet()) {
            Faults.awaitOutboxSent(service.getKey(), Duration.ofSeconds(60));
            Map<String, String> requestOfEvent = eventsOn(service.getValue());
            List<Audited> trail = auditTrail(service.getKey());
            gaps.addAll(versionGaps(service.getKey(), trail, requestOfEvent.keySet(), unannouncedVersions(service.getKey())));
            for (Audited change : trail) {
                if (!requestOfEvent.containsKey(change.key())) {
                    silent.add(change.toString());
                } else if (!Objects.equals(requestOfEvent.get(change.key()), change.requestId())) {
                    otherRequest.add(change + ", announced by request " + requestOfEvent.get(change.key()));
                }
                checked.merge(service.getKey(), 1, Integer::sum);
            }
            unannounced.put(service.getKey(), (int) Faults.count(service.getKey(),
                    "select count(*) from kyodo_audit_entry where not announced"));
        }
        System.out.printf("Audited changes compared with the topics: %s; recorded as no event by design: %s%n",
                checked, unannounced);
        assertTrue(checked.values().stream().mapToInt(Integer::intValue).sum() > 0, "the run audited nothing");
        assertEquals(List.of(), silent, "audited changes without their event on the topic");
        assertEquals(List.of(), otherRequest, "changes announced by another request than the one audited");
        assertEquals(List.of(), gaps, "versions missing on the topics between an aggregate's first and last event");
    }

    /**
     * For every audited aggregate: the versions between its first and its last event that no event carries, except
     * those its audit trail records as unannounced by design (a proposal's private draft edited while the city
     * comments on it before submission).
     */
    private static List<String> versionGaps(String service, List<Audited> trail, Set<String> published,
            Set<String> byDesign) {
        Map<String, TreeSet<Long>> versions = new TreeMap<>();
        for (String key : published) {
            int at = key.lastIndexOf('@');
            versions.computeIfAbsent(key.substring(0, at), k -> new TreeSet<>())
                    .add(Long.parseLong(key.substring(at + 1)));
        }
        List<String> gaps = new ArrayList<>();
        trail.stream().map(Audited::aggregateId).distinct().filter(versions::containsKey).forEach(id -> {
            TreeSet<Long> seen = versions.get(id);
            for (long v = seen.first(); v <= seen.last(); v++) {
                if (!seen.contains(v) && !byDesign.contains(id + "@" + v)) {
                    gaps.add(service + ": " + id + " has no event at version " + v + " (events at " + seen + ")");
                }
            }
        });
        return gaps;
    }

    /** subject@aggregateversion → the request id of every event on the topic, from its beginning. */
    private static Map<String, String> eventsOn(String topic) {
        Map<String, String> events = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : KafkaEvents.wholeTopic(topic, ByteArrayDeserializer.class)) {
            String subject = KafkaEvents.header(record, "ce_subject");
            String version = KafkaEvents.header(record, "ce_aggregateversion");
            if (subject != null && version != null) {
                events.put(subject + "@" + version, KafkaEvents.header(record, "ce_requestid"));
            }
        }
        return events;
    }

    /** aggregate@version of every change the service's audit trail records as unannounced by design. */
    private static Set<String> unannouncedVersions(String service) throws SQLException {
        Set<String> versions = new java.util.HashSet<>();
        try (Connection c = Faults.database(service);
                PreparedStatement q = c.prepareStatement("select aggregate_id::text, aggregate_version from "
                        + "kyodo_audit_entry where not announced and aggregate_version is not null");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                versions.add(rs.getString(1) + "@" + rs.getLong(2));
            }
        }
        return versions;
    }

    private static List<Audited> auditTrail(String service) throws SQLException {
        List<Audited> changes = new ArrayList<>();
        try (Connection c = Faults.database(service);
                PreparedStatement q = c.prepareStatement("select aggregate_type, aggregate_id::text, aggregate_version, "
                        + "action, request_id from kyodo_audit_entry where announced and aggregate_version is not null "
                        + "order by occurred_at, id");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                changes.add(new Audited(service, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)));
            }
        }
        return changes;
    }
}
