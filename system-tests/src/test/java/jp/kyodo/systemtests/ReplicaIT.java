package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.stack.Ports;
import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;

/**
 * Scale-out on the machine: a second replica of every service and two more gateways, each gateway balancing over both
 * replicas of every service, all against the same PostgreSQL and Kafka as the rest of the system.
 * <ul>
 * <li>The gateways' rate limit holds across them without talking to each other: each enforces the configured rate
 * divided by the number of gateway replicas, so the two together admit about the configured rate, not twice it.</li>
 * <li>Under load (organisations registered and proposals drafted with Idempotency-Keys, lists read, through both
 * gateways) the replica of directory-service and of proposal-service that lead their outbox relay are killed with
 * SIGKILL. The callers see no error (the gateways send reads and keyed writes in flight to the other replica); every
 * write that was answered exists once; the surviving replicas take over the relay (every outbox row is sent) and the
 * consumer group (every event is consumed); each event is applied once downstream, counted per CloudEvents id.</li>
 * </ul>
 * The replicas start beside the shared stack and stop at the end; the killed replicas of the stack are started again.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.REPLICAS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaIT {

    private static final List<String> DOMAIN = List.of(ServiceSpec.DIRECTORY, ServiceSpec.PROPOSALS,
            ServiceSpec.AGREEMENTS, ServiceSpec.EVALUATIONS);
    private static final Map<String, String> AREA = Map.of(ServiceSpec.DIRECTORY, "directory",
            ServiceSpec.PROPOSALS, "proposals", ServiceSpec.AGREEMENTS, "agreements", ServiceSpec.EVALUATIONS, "evaluations");
    private static final String GATEWAY_A = ServiceSpec.GATEWAY + "-2";
    private static final String GATEWAY_B = ServiceSpec.GATEWAY + "-3";
    /** The anonymous limit the two gateways share: a burst of 4 and 4 a second. */
    private static final int ANONYMOUS_RATE = 4;
    private static final String REGISTERED = "jp.kyodo.organization.registered.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> started = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startReplicasAndGateways() {
        Stack stack = SystemUnderTest.stack();
        List<ServiceSpec> extra = new ArrayList<>();
        Map<String, String> upstreams = new LinkedHashMap<>();
        for (String service : DOMAIN) {
            ServiceSpec replica = stack.config().service(service).replica(2, Ports.freePort());
            extra.add(replica);
            upstreams.put(AREA.get(service), stack.url(service) + ",http://127.0.0.1:" + replica.port());
        }
        for (int n : List.of(2, 3)) {
            ServiceSpec gateway = stack.config().service(ServiceSpec.GATEWAY).replica(n, Ports.freePort())
                    .withSystemProperty("kyodo.gateway.rate-limit.replicas", "2")
                    .withSystemProperty("kyodo.gateway.rate-limit.anonymous.capacity", String.valueOf(ANONYMOUS_RATE))
                    .withSystemProperty("kyodo.gateway.rate-limit.anonymous.refill-tokens", String.valueOf(ANONYMOUS_RATE))
                    .withSystemProperty("kyodo.gateway.rate-limit.anonymous.refill-period", "1s")
                    .withSystemProperty("kyodo.gateway.rate-limit.authenticated.capacity", "100000")
                    .withSystemProperty("kyodo.gateway.rate-limit.authenticated.refill-tokens", "100000")
                    .withSystemProperty("kyodo.gateway.health-check.interval", "500ms");
            for (Map.Entry<String, String> upstream : upstreams.entrySet()) {
                gateway = gateway.withSystemProperty("kyodo.gateway.upstream." + upstream.getKey(), upstream.getValue());
            }
            extra.add(gateway);
        }
        extra.forEach(s -> started.add(s.name()));
        stack.startExtra(extra);
    }

    @AfterAll
    static void stopReplicasAndRestartTheStacksOwn() {
        Stack stack = SystemUnderTest.stack();
        for (String name : started) {
            stack.stop(name);
        }
        for (String service : DOMAIN) {
            if (!stack.isRunning(service)) {
                stack.start(service);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ rate limit

    @Test
    @Order(1)
    void twoGatewayReplicasTogetherAdmitAboutTheConfiguredRateNotTwiceIt() throws Exception {
        Stack stack = SystemUnderTest.stack();
        List<String> gateways = List.of(stack.url(GATEWAY_A), stack.url(GATEWAY_B));
        Path accessLog = stack.config().logsDir().resolve(GATEWAY_A + "-access.log");
        // Four callers from one address, far faster than the limit, so that no refilled token goes unused.
        AtomicLong admitted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long seconds = 5;
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int first = c;
            running.add(callers.submit(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    // Nothing is routed there: each admitted request is a cheap 404 from the gateway itself.
                    int status = get(gateways.get(i % 2) + "/api/replica-rate-probe", null).statusCode();
                    (status == 429 ? refused : admitted).incrementAndGet();
                    assertTrue(status == 429 || status == 404, "status " + status);
                }
                return null;
            }));
        }
        for (Future<?> caller : running) {
            caller.get(60, TimeUnit.SECONDS);
        }
        callers.shutdown();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double expected = ANONYMOUS_RATE + ANONYMOUS_RATE * elapsed;
        assertTrue(admitted.get() <= 1.4 * expected && admitted.get() >= 0.6 * expected, "admitted " + admitted
                + " in " + elapsed + " s through two gateways; the configured rate allows about " + expected
                + " (each gateway alone would admit twice that); refused " + refused);
        assertTrue(refused.get() > 2 * admitted.get(), "the callers kept trying: " + refused + " refusals");

        // The refusals left one line in each gateway's access log, not one each.
        Eventually.until("gateway-2 logged the first refusal", Duration.ofSeconds(10),
                () -> refusalLines(accessLog) > 0);
        long lines = refusalLines(accessLog);
        assertEquals(1, lines, "one line for about " + refused.get() / 2 + " refusals on this gateway");
    }

    private static long refusalLines(Path accessLog) {
        try {
            return Files.exists(accessLog) ? Files.readAllLines(accessLog).stream()
                    .filter(l -> l.contains("replica-rate-probe\" 429")).count() : 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ failover

    @Test
    @Order(2)
    void killingTheLeadingReplicasUnderLoadLosesNothingAndDoesNothingTwice() throws Exception {
        Stack stack = SystemUnderTest.stack();
        CollaborationSteps steps = CollaborationSteps.parties();
        List<String> gateways = List.of(stack.url(GATEWAY_A), stack.url(GATEWAY_B));
        String staff = "Bearer " + Gateway.token("staff1");
        String partner = "Bearer " + Gateway.token("partner1");
        String tag = steps.tag;
        // Before the load: proposal-service has learnt that partner1 acts for the new NPO (an event away).
        Map<String, Object> first = Kyodo.proposal(steps.npo, steps.theme, steps.department, "冗長試験の準備 " + tag,
                CollaborationSteps.FISCAL_YEAR, CollaborationSteps.CITY_SHARE);
        Eventually.until("proposal-service knows partner1 acts for the NPO", Eventually.CROSS_SERVICE,
                () -> Gateway.as("partner1").body(first).post("/api/proposals").statusCode() == 201);

        Load load = new Load();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = List.of(
                pool.submit(() -> load.loop(i -> {
                    String key = "replica-org-" + tag + "-" + i;
                    Map<String, Object> body = Kyodo.organization("CIVIC_GROUP", "冗長試験の会 " + tag + " " + i,
                            "じょうちょうしけんのかい", Kyodo.randomCorporateNumber(), List.of("ENVIRONMENT"));
                    load.created(load.organizations, key, load.withRetryOfSlowAnswers(() -> post(gateways.get(i % 2),
                            "/api/directory/organizations", staff, key, body)));
                })),
                pool.submit(() -> load.loop(i -> {
                    String key = "replica-proposal-" + tag + "-" + i;
                    Map<String, Object> body = Kyodo.proposal(steps.npo, steps.theme, steps.department,
                            "冗長試験の提案 " + tag + " " + i, CollaborationSteps.FISCAL_YEAR, CollaborationSteps.CITY_SHARE);
                    load.created(load.proposals, key, load.withRetryOfSlowAnswers(() -> post(gateways.get(i % 2),
                            "/api/proposals", partner, key, body)));
                })),
                pool.submit(() -> load.loop(i -> {
                    String path = i % 2 == 0 ? "/api/proposals/published?limit=5" : "/api/directory/public/organizations?limit=5";
                    load.read(load.withRetryOfSlowAnswers(() -> get(gateways.get(i % 2) + path, staff)));
                })));

        Thread.sleep(6_000);
        String directoryLeader = relayLeader("kyodo_directory");
        String proposalsLeader = relayLeader("kyodo_proposals");
        long organizationsBeforeKill = load.organizations.size();
        // Both replicas of proposal-service have been serving (the gateways balance over them).
        double servedByFirst = served(stack, ServiceSpec.PROPOSALS);
        double servedBySecond = served(stack, ServiceSpec.PROPOSALS + "-2");
        stack.kill(directoryLeader);
        stack.kill(proposalsLeader);
        // Long enough for the killed consumer's session to expire (10 s) and its partitions to move.
        Thread.sleep(14_000);
        load.stop();
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(List.of(), load.failures, "every request was answered without an error (" + load.slowAnswers
                + " slow answers retried by the caller with the same key)");
        assertTrue(load.organizations.size() > organizationsBeforeKill,
                "registrations went on after the kill: " + organizationsBeforeKill + " then " + load.organizations.size());
        assertTrue(load.reads > 20, "reads: " + load.reads);

        // Every answered write exists once, whichever replica took it and however often it was sent.
        assertEquals(load.organizations.size(), Faults.count(ServiceSpec.DIRECTORY,
                "select count(*) from organization where name like ?", "冗長試験の会 " + tag + " %"), "organisations");
        assertEquals(load.proposals.size(), Faults.count(ServiceSpec.PROPOSALS,
                "select count(*) from proposal where content ->> 'title' like ?", "冗長試験の提案 " + tag + " %"),
                "proposals");

        // The survivors lead the relays now, and every event went out.
        assertNotEquals(directoryLeader, relayLeaderEventually("kyodo_directory", directoryLeader));
        assertNotEquals(proposalsLeader, relayLeaderEventually("kyodo_proposals", proposalsLeader));
        Faults.awaitOutboxSent(ServiceSpec.DIRECTORY, Eventually.CROSS_SERVICE);
        Faults.awaitOutboxSent(ServiceSpec.PROPOSALS, Eventually.CROSS_SERVICE);

        // The consumer groups rebalanced: the survivors consumed everything, each event applied once.
        Faults.awaitAllConsumersCaughtUp();
        Set<String> ids = Set.copyOf(load.organizations.values());
        Map<String, Integer> copies = Faults.copiesPerEventId(Faults.everythingOn(Kyodo.DIRECTORY_TOPIC), REGISTERED,
                r -> ids.contains(r.key()));
        assertEquals(ids.size(), copies.size(), "one registration event per organisation: " + copies);
        for (String consumer : List.of(ServiceSpec.PROPOSALS, ServiceSpec.AGREEMENTS, ServiceSpec.EVALUATIONS)) {
            for (String eventId : copies.keySet()) {
                assertEquals(List.of("APPLIED"), Faults.inboxOutcomes(consumer, eventId),
                        consumer + " applied " + eventId + " once");
            }
            assertEquals(ids.size(), Faults.count(consumer, "select count(*) from directory_organization where name like ?",
                    "冗長試験の会 " + tag + " %"), consumer + " knows every organisation");
        }

        assertTrue(servedByFirst > 0 && servedBySecond > 0, "both replicas of proposal-service served requests: "
                + servedByFirst + " and " + servedBySecond);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** What the load saw: answered writes by Idempotency-Key (their ids), reads, and every failure. */
    private static final class Load {
        final Map<String, String> organizations = new ConcurrentHashMap<>();
        final Map<String, String> proposals = new ConcurrentHashMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        volatile long reads;
        volatile long slowAnswers;
        private final AtomicBoolean running = new AtomicBoolean(true);

        interface Step {
            void run(int i) throws Exception;
        }

        interface Call {
            HttpResponse<String> send() throws IOException, InterruptedException;
        }

        void loop(Step step) {
            for (int i = 0; running.get(); i++) {
                try {
                    step.run(i);
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }

        void created(Map<String, String> into, String key, HttpResponse<String> answer) throws IOException {
            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                into.put(key, JSON.readTree(answer.body()).path("id").asText());
            } else {
                failures.add(answer.request().method() + " " + answer.request().uri() + " -> " + answer.statusCode() + " "
                        + answer.body());
            }
        }

        /**
         * A slow answer (504: the replica is alive but the machine is busy) is what a partner system retries with the
         * same key; nothing else may go wrong, a dead replica least of all.
         */
        HttpResponse<String> withRetryOfSlowAnswers(Call call) throws IOException, InterruptedException {
            HttpResponse<String> answer = call.send();
            for (int attempt = 1; answer.statusCode() == 504 && attempt < 5; attempt++) {
                slowAnswers++;
                answer = call.send();
            }
            return answer;
        }

        void read(HttpResponse<String> answer) {
            if (answer.statusCode() == 200) {
                reads++;
            } else {
                failures.add("GET " + answer.request().uri() + " -> " + answer.statusCode() + " " + answer.body());
            }
        }

        void stop() {
            running.set(false);
        }
    }

    private static HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String gateway, String path, String authorization, String key,
                                             Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", authorization).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The replica whose session holds the outbox relay's advisory lock in the database. */
    private static String relayLeader(String database) {
        List<String> holders = Faults.strings(serviceOf(database), """
                select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
                 where l.locktype = 'advisory' and l.granted and a.datname = ?""", database);
        assertEquals(1, holders.size(), "one relay leader in " + database + ": " + holders);
        return holders.get(0);
    }

    private static String relayLeaderEventually(String database, String killed) {
        Eventually.until("a survivor leads the relay of " + database, Eventually.CROSS_SERVICE, () -> {
            List<String> holders = Faults.strings(serviceOf(database), """
                    select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
                     where l.locktype = 'advisory' and l.granted and a.datname = ?""", database);
            return holders.size() == 1 && !holders.get(0).equals(killed);
        });
        return relayLeader(database);
    }

    private static String serviceOf(String database) {
        return SystemUnderTest.stack().config().services().stream().filter(s -> database.equals(s.database()))
                .findFirst().orElseThrow().name();
    }

    /** Requests the replica has answered, from its HTTP server metrics; 0 when it is not running. */
    private static double served(Stack stack, String replica) {
        if (!stack.isRunning(replica)) {
            return 0;
        }
        try {
            // The Prometheus text format: asked for JSON, the endpoint answers otherwise.
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url(replica) + "/q/metrics"))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count") && l.contains("/api/"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
