package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;

/**
 * PostgreSQL is restarted while clients read and write through the gateway. During the outage every request is
 * answered within a few seconds, either served or refused with 503 problem+json and Retry-After (none hangs, none is a
 * 500) and the services report themselves not ready; afterwards they serve again without being restarted. Every
 * registration that was answered 201 exists and was announced once; none answered 503 left anything behind.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.DATABASE_RESTART)
class FaultDatabaseRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest any answer may take: the pool waits 3 s for a connection, the rest is slack for a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(8);
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final List<String> READ_MODELS = List.of(ServiceSpec.PROPOSALS, ServiceSpec.AGREEMENTS,
            ServiceSpec.EVALUATIONS);

    private record Answer(String what, String phase, int status, long millis, String contentType, String retryAfter,
                          String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String phase = "before";

    @Test
    void servicesAnswer503QuicklyWhileTheDatabaseIsDownAndRecoverWithoutARestart() throws Exception {
        Stack stack = SystemUnderTest.stack();
        String tag = Kyodo.tag();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> created = Collections.synchronizedMap(new TreeMap<>()); // name -> id
        List<String> refusedNames = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger n = new AtomicInteger();
        // An organisation's registration: a copy of it under a new id carries no newer version, so the consumers
        // record it as stale, once they can record anything.
        UUID known = Kyodo.registerNpo("staff1", "DB再起動前の団体 " + tag);
        ConsumerRecord<String, String> snapshot = KafkaEvents.awaitEvent(Kyodo.DIRECTORY_TOPIC,
                "jp.kyodo.organization.registered.v1", r -> known.toString().equals(r.key()), Eventually.CROSS_SERVICE);
        int deadLettersBefore = Faults.everythingOn(Kyodo.DIRECTORY_TOPIC + ".dlq").size();
        String staff = Gateway.token("staff1");
        String citizen = Gateway.token("citizen1");
        String partner = Gateway.token("partner2");

        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> clients = new ArrayList<>();
        clients.add(load.submit(() -> loop(running, () -> {
            String name = "DB再起動中の団体 " + tag + "-" + n.incrementAndGet();
            String body = JSON.writeValueAsString(Kyodo.organization("CIVIC_GROUP", name, "さいきどうのかい",
                    Kyodo.randomCorporateNumber(), List.of("OTHER")));
            Answer a = call("register", staff, HttpRequest.newBuilder(uri("/api/directory/organizations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            answers.add(a);
            if (a.status() == 201) {
                created.put(name, JSON.readTree(a.body()).path("id").asText());
            } else {
                refusedNames.add(name);
            }
        })));
        clients.add(load.submit(() -> loop(running, () -> answers.add(
                call("themes", citizen, HttpRequest.newBuilder(uri("/api/proposals/themes?limit=5")).GET())))));
        clients.add(load.submit(() -> loop(running, () -> answers.add(
                call("agreements", partner, HttpRequest.newBuilder(uri("/api/agreements/public?limit=5")).GET())))));

        String readiness = SystemUnderTest.serviceUrl(ServiceSpec.DIRECTORY) + "/q/health/ready";
        int readyDuringOutage;
        long restartedAt;
        String inFlight = UUID.randomUUID().toString();
        Map<String, Long> logMarks = new TreeMap<>();
        try {
            Thread.sleep(2_000);
            READ_MODELS.forEach(service -> logMarks.put(service, Faults.logMark(service)));
            phase = "outage";
            stack.stop(Stack.POSTGRES);
            // An event the consumers receive while their database is down: they must wait for it, not dead-letter it.
            try (KafkaProducer<String, String> producer = Faults.producer()) {
                Faults.send(producer, Faults.copyOf(snapshot, Map.of("ce_id", inFlight)));
            }
            Thread.sleep(OUTAGE.toMillis() / 2);
            readyDuringOutage = status(readiness);
            Thread.sleep(OUTAGE.toMillis() / 2);
        } finally {
            if (!stack.isRunning(Stack.POSTGRES)) {
                stack.start(Stack.POSTGRES);
            }
            phase = "after";
            restartedAt = System.nanoTime();
        }
        // Recovered without restarting any service: reads and writes are served again.
        Eventually.until("every service serves again after the restart", Duration.ofSeconds(60), () -> {
            synchronized (answers) {
                long since = answers.stream().filter(a -> a.phase().equals("after")).count();
                List<Answer> recent = answers.subList(Math.max(0, answers.size() - 9), answers.size());
                return since > 9 && recent.stream().allMatch(a -> a.status() == 200 || a.status() == 201);
            }
        });
        long recoveredIn = Duration.ofNanos(System.nanoTime() - restartedAt).toSeconds();
        running.set(false);
        for (Future<?> client : clients) {
            client.get(60, TimeUnit.SECONDS);
        }
        load.shutdownNow();
        assertEquals(200, status(readiness), "ready again");

        Map<String, Integer> byOutcome = new TreeMap<>();
        long slowest = 0;
        for (Answer a : answers) {
            byOutcome.merge(a.phase() + " " + a.what() + " " + a.status(), 1, Integer::sum);
            slowest = Math.max(slowest, a.millis());
        }
        System.out.printf("database restart under load: %s; slowest answer %d ms; directory ready during the outage: "
                + "%d; served again %d s after the restart%n", byOutcome, slowest, readyDuringOutage, recoveredIn);

        for (Answer a : answers) {
            assertTrue(a.millis() < BOUND.toMillis(), a.what() + " took " + a.millis() + " ms (" + a.phase() + ")");
            if (a.status() == 503) {
                assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType() + " " + a.body());
                String type = JSON.readTree(a.body()).path("type").asText();
                assertTrue(Set.of("urn:kyodo:problem:service-unavailable", "urn:kyodo:problem:upstream-unavailable")
                        .contains(type), a.body());
                assertTrue(a.retryAfter() != null && Long.parseLong(a.retryAfter().trim()) >= 1,
                        "503 with Retry-After: " + a);
            } else {
                assertTrue(a.status() == 200 || a.status() == 201, "only served or 503: " + a);
            }
        }
        assertTrue(answers.stream().anyMatch(a -> a.phase().equals("outage") && a.status() == 503),
                "some requests met the outage: " + byOutcome);
        assertEquals(503, readyDuringOutage, "directory-service is not ready while its database is down");

        // Nothing lost, nothing half-done: each 201 is there and announced once, no 503 left an organisation behind.
        Faults.awaitOutboxSent(ServiceSpec.DIRECTORY, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> directory = Faults.everythingOn(Kyodo.DIRECTORY_TOPIC);
        Map<String, Integer> registrations = Faults.copiesPerEventId(directory, "jp.kyodo.organization.registered.v1",
                r -> created.containsValue(r.key()) && !inFlight.equals(KafkaEvents.header(r, "ce_id")));
        assertEquals(created.size(), registrations.size(), "one registration event per 201: " + registrations);
        assertEquals(Set.of(1), Set.copyOf(registrations.values()));
        for (String refused : refusedNames) {
            assertTrue(directory.stream().noneMatch(r -> r.value() != null && r.value().contains(refused)),
                    "a registration answered 503 was not made: " + refused);
        }
        for (String id : created.values()) {
            Gateway.as("staff1").get("/api/directory/organizations/" + id).then().statusCode(200);
        }
        // The consumers and every relay recovered their connections as well.
        for (String service : READ_MODELS) {
            Faults.awaitOutboxSent(service, Duration.ofSeconds(60));
        }
        Faults.awaitAllConsumersCaughtUp();
        // Events that reached the consumers during the outage (at least the copy sent then) were retried until the
        // database was back, not dead-lettered: every read model has every organisation answered 201.
        for (String service : READ_MODELS) {
            String log = Faults.logSince(stack.logFile(service), logMarks.get(service));
            assertTrue(log.contains("database unavailable ("), service + "'s consumer met the outage");
            assertEquals(List.of("STALE"), Faults.inboxOutcomes(service, inFlight), service);
            for (String id : created.values()) {
                assertEquals(1, Faults.count(service, "select count(*) from directory_organization where id = ?::uuid",
                        id), service + " knows organisation " + id);
            }
        }
        assertEquals(deadLettersBefore, Faults.everythingOn(Kyodo.DIRECTORY_TOPIC + ".dlq").size(),
                "no event was dead-lettered because of the outage");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private interface Step {
        void run() throws Exception;
    }

    private static Void loop(AtomicBoolean running, Step step) throws Exception {
        while (running.get()) {
            step.run();
            Thread.sleep(250); // three clients at about 4 requests a second each: well within the rate limit
        }
        return null;
    }

    private Answer call(String what, String token, HttpRequest.Builder request) {
        String during = phase;
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(what, during, r.statusCode(), Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Retry-After").orElse(null),
                    r.body());
        } catch (Exception e) {
            return new Answer(what, during, -1, Duration.ofNanos(System.nanoTime() - started).toMillis(), "", null,
                    e.toString());
        }
    }

    private static URI uri(String path) {
        return URI.create(SystemUnderTest.gatewayUrl() + path);
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
