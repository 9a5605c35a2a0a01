package jp.kyodo.bench;

import jp.kyodo.stack.DemoUserClient;
import jp.kyodo.stack.DemoUserClient.Reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.kyodo.stack.DemoData;
import jp.kyodo.stack.Ports;
import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;
import jp.kyodo.stack.StackConfig;

/**
 * The performance benchmark ({@code bench/run.sh}): starts the packaged system on free ports with its own data
 * folder, prepares a little data through the API, warms the services up (they run with the full JIT), and measures,
 * each in the same run so that ratios compare like with like:
 * <ol>
 *   <li>event propagation: from the HTTP response of an adoption to the agreement draft being readable, stage by
 *   stage, and the CPU every process spends per adoption;</li>
 *   <li>task visibility: from a task fact's outbox row (the owning service's state change) to the task in
 *   notification-service's table, where {@code /api/notifications/me/tasks} reads it;</li>
 *   <li>reads (a public proposal, a filtered list) through the gateway and directly on the service, at saturation
 *       and at a fixed arrival rate of half the gateway's saturation throughput;</li>
 *   <li>proposal creation through the gateway and directly, and pgbench running the same transaction on the same
 *       PostgreSQL;</li>
 *   <li>resident memory of every service after all that, and the time each needs to become ready when restarted
 *       alone;</li>
 *   <li>{@link ScaleData}: 100,000 proposals with agreements and evaluations written straight into the four
 *       databases, then the list and search endpoints at that size.</li>
 * </ol>
 * Prints a table and writes the figures as JSON.
 */
public final class Benchmark {

    static final String STAFF1 = "a0000000-0000-4000-8000-000000000002";
    static final String REVIEWER1 = "a0000000-0000-4000-8000-000000000005";
    static final String PARTNER1 = "a0000000-0000-4000-8000-000000000008";
    private static final int WARM_UP_ADOPTIONS = 60;
    private static final int WARM_UP_SECONDS = 120;
    private static final int SETTLE_MAX_SECONDS = 60;
    private static final int TASK_PROPOSALS = 120;
    /** The stack's services, broker and database together, idle, use well under this (their schedulers and polls). */
    private static final double QUIET_CORES = 0.15;

    private final Path repo;
    private final Path workDir;
    private final Path out;
    private final int proposals;
    private final int seconds;
    private final boolean scaleOnly;
    private final boolean propagationOnly;
    private final Map<String, Double> readyInSeconds = new ConcurrentHashMap<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private Stack stack;
    private DemoUserClient api;
    private Wrk wrk;
    private String department;
    private String npo;
    private String theme;
    private Map<String, Object> proposalBody;

    private Benchmark(Path repo, Path out, int proposals, int seconds, boolean scaleOnly, boolean propagationOnly) {
        this.scaleOnly = scaleOnly;
        this.propagationOnly = propagationOnly;
        this.repo = repo;
        this.workDir = repo.resolve("bench/target/work");
        this.out = out;
        this.proposals = proposals;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path out = null;
        int proposals = 100_000;
        int seconds = 10;
        boolean scaleOnly = false;
        boolean propagationOnly = false;
        int holdMinutes = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--proposals" -> proposals = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--scale-only" -> scaleOnly = true;
                case "--propagation-only" -> propagationOnly = true;
                case "--hold" -> holdMinutes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: Benchmark [--repo DIR] [--out FILE] [--proposals N] [--seconds S]"
                            + " [--scale-only | --propagation-only] [--hold MINUTES]");
                    System.exit(2);
                }
            }
        }
        // A propagation-only run is for looking at latency; it does not replace the full run's committed figures.
        Path defaultOut = repo.resolve(propagationOnly ? "bench/target/propagation.json" : "bench/results/latest.json");
        Benchmark bench = new Benchmark(repo, out != null ? out : defaultOut, proposals, seconds, scaleOnly,
                propagationOnly);
        try {
            if (holdMinutes > 0 && !scaleOnly) {
                bench.hold(holdMinutes);
                return;
            }
            bench.run();
            if (holdMinutes > 0) { // the loaded databases stay up, for query plans and profiles at scale
                bench.holdOn(holdMinutes);
            }
        } catch (Exception | Error e) {
            if (System.getenv("KYODO_BENCH_HOLD_ON_FAILURE") != null && bench.stack != null) {
                // For working on the benchmark itself: the databases stay up to be inspected.
                e.printStackTrace();
                System.out.println("Holding the stack for 15 minutes: PostgreSQL on port "
                        + bench.stack.port(Stack.POSTGRES) + ", gateway " + bench.stack.gatewayUrl());
                Thread.sleep(Duration.ofMinutes(15).toMillis());
            }
            throw e;
        } finally {
            if (bench.stack != null) {
                bench.stack.close();
            }
        }
        System.exit(0);
    }

    /**
     * Starts and seeds the system as a run would, prints where everything is and keeps it up, for profiling by hand
     * (JFR, GC logs, wrk with other settings).
     */
    private void hold(int minutes) throws Exception {
        start();
        wrk = new Wrk(repo.resolve("bench/wrk/kyodo.lua"));
        seed();
        propagation(30);
        holdOn(minutes);
    }

    private void holdOn(int minutes) throws InterruptedException {
        System.out.println();
        System.out.print(stack.describe());
        System.out.println("Public read: " + gw("/api/proposals/" + adoptedProposal) + " (directly: "
                + direct(ServiceSpec.PROPOSALS, "/api/proposals/" + adoptedProposal) + ")");
        System.out.println("Holding for " + minutes + " minutes (Ctrl-C stops everything).");
        Thread.sleep(Duration.ofMinutes(minutes).toMillis());
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        results.put("measuredAt", Instant.now().toString());
        results.put("machine", machine());
        results.put("loadAverageAtStart", loadAverage());
        start();
        wrk = new Wrk(repo.resolve("bench/wrk/kyodo.lua"));
        seed();
        if (scaleOnly) {
            warmUp(); // the lists at scale meet services that have run for a while, as in the full run
            propagation(1);
        } else if (propagationOnly) {
            warmUp();
            propagation(30);
            taskVisibility();
        } else {
            warmUp();
            propagation(30);
            taskVisibility();
            reads();
            writes();
            replicas();
            // Before the restarts below: the lists at scale are read from services that have run for a while.
            scale();
            results.put("services", services());
            results.put("jvmOptions", jvmOptions());
        }
        if (scaleOnly) {
            scale();
        }
        results.put("loadAverageAtEnd", loadAverage());
        results.put("totalSeconds", Math.round((System.nanoTime() - t0) / 1e9));
        write();
    }

    // ------------------------------------------------------------------------------------------------ start

    private void start() throws IOException {
        Path data = workDir.resolve("data");
        ScaleData.deleteRecursively(data);
        Pattern ready = Pattern.compile("^\\s*(\\S+): ready in ([0-9.]+) ?(ms|s)");
        StackConfig.Builder builder = StackConfig.builder(repo).randomPorts().dataDir(data)
                .progress(line -> {
                    System.out.println(line);
                    Matcher m = ready.matcher(line.replaceFirst("^\\[[^]]*]\\s*", ""));
                    if (m.find()) {
                        double v = Double.parseDouble(m.group(2));
                        readyInSeconds.put(m.group(1), m.group(3).equals("ms") ? v / 1000 : v);
                    }
                });
        // The gateway's rate limit stays in the path (its cost is part of the gateway's) but never refuses the load.
        builder.serviceProperty(ServiceSpec.GATEWAY, "kyodo.gateway.rate-limit.authenticated.capacity", "1000000000")
                .serviceProperty(ServiceSpec.GATEWAY, "kyodo.gateway.rate-limit.authenticated.refill-tokens", "1000000000")
                .serviceProperty(ServiceSpec.GATEWAY, "kyodo.gateway.rate-limit.anonymous.capacity", "1000000000")
                .serviceProperty(ServiceSpec.GATEWAY, "kyodo.gateway.rate-limit.anonymous.refill-tokens", "1000000000");
        String jvmArgs = System.getenv("KYODO_SERVICE_JVM_ARGS");
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            builder.serviceJvmArgs(Arrays.asList(jvmArgs.trim().split("\\s+")));
        }
        StackConfig config = builder.build();
        Files.createDirectories(config.dataDir());
        stack = Stack.create(config);
        long t0 = System.nanoTime();
        stack.startAll();
        results.put("stackStartSeconds", round((System.nanoTime() - t0) / 1e9));
        results.put("serviceJvmArgs", String.join(" ", config.serviceJvmArgs()));
        api = new DemoUserClient(stack.issuerUrl());
    }

    private String gw(String path) {
        return stack.gatewayUrl() + path;
    }

    private String direct(String service, String path) {
        return stack.url(service) + path;
    }

    // ------------------------------------------------------------------------------------------------ seed

    /** The demo data (department, verified NPO with partner1, open theme), and the body of a new proposal. */
    private void seed() {
        section("Seeding the demo data through the API");
        DemoData.load(stack);
        department = findOrganization("CITY_DEPARTMENT", "市民協働推進課");
        npo = findOrganization("CIVIC_GROUP", "NPO法人みどりの森");
        JsonNode themes = api.get(null, gw("/api/proposals/themes?limit=100")).expect(200).body();
        for (JsonNode t : themes.path("items")) {
            if ("市民公園の協働管理".equals(t.path("title").asText())) {
                theme = t.path("id").asText();
            }
        }
        if (theme == null) {
            throw new IllegalStateException("the demo theme is missing: " + themes);
        }
        int fiscalYear = api.get(null, gw("/api/proposals/themes/" + theme)).expect(200).body().path("fiscalYear").asInt();
        proposalBody = DemoData.proposalBody("公園の花壇づくりと見守り（負荷試験）", npo, department, theme, fiscalYear);
    }

    private String findOrganization(String type, String name) {
        JsonNode page = api.get("staff1", gw("/api/directory/organizations?type=" + type + "&q=" + DemoUserClient.enc(name)))
                .expect(200).body();
        for (JsonNode o : page.path("items")) {
            if (name.equals(o.path("name").asText())) {
                return o.path("id").asText();
            }
        }
        throw new IllegalStateException("demo organisation " + name + " not found: " + page);
    }

    // ------------------------------------------------------------------------------------------------ propagation

    /**
     * Adopts {@code n} proposals one by one on an otherwise idle system; for each, the time from the decision's HTTP
     * response until agreement-service lists the agreement drafted from the adoption event (polled every 2 ms).
     */
    private void propagation(int n) throws InterruptedException {
        section("Event propagation: adoption → agreement draft (" + n + " proposals)");
        measuredFrom = Instant.now();
        List<Reply> ready = new ArrayList<>();
        for (int i = 0; i < n + 3; i++) {
            ready.add(proposalUnderScreening());
        }
        String agreements = direct(ServiceSpec.AGREEMENTS, "/api/agreements?proposalId=");
        CpuShares cpu = new CpuShares();
        List<Double> millis = new ArrayList<>();
        Map<String, Instant> seen = new HashMap<>();
        List<Double> polls = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            String id = proposalOf(ready.get(i));
            api.call("staff1", "POST", gw("/api/proposals/" + id + "/decision"), Map.of("actingFor", department,
                    "outcome", "ADOPTED", "rationale", "地域の課題に即し、実現可能性が高い"), ready.get(i).etag())
                    .expect(200);
            long t0 = System.nanoTime();
            long deadline = t0 + Duration.ofSeconds(30).toNanos();
            while (true) {
                long p0 = System.nanoTime();
                JsonNode items = api.get("staff1", agreements + id).expect(200).body().path("items");
                polls.add((System.nanoTime() - p0) / 1e6);
                if (items.size() > 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no agreement draft 30 s after adopting " + id);
                }
                Thread.sleep(2);
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i >= 3) { // the first three warm the path up
                millis.add(ms);
                seen.put(id, Instant.now());
            }
            Thread.sleep(100);
        }
        Map<String, Double> cpuPerAdoption = cpu.perEvent(ready.size());
        adoptedProposal = proposalOf(ready.get(0));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples", millis.size());
        r.put("p50Ms", round(percentile(millis, 50)));
        r.put("p99Ms", round(percentile(millis, 99)));
        r.put("maxMs", round(percentile(millis, 100)));
        r.put("pollIntervalMs", 2);
        r.putAll(propagationStages(seen));
        // Reading is bounded below by one list request (the draft may become visible just after one began).
        r.put("pollRequestP50Ms", round(percentile(polls, 50)));
        r.put("pollRequestP99Ms", round(percentile(polls, 99)));
        r.put("pollRequests", polls.size());
        r.put("cpuMsPerAdoption", cpuPerAdoption);
        results.put("propagation", r);
        row("propagation adoption → agreement draft", "p50 " + r.get("p50Ms") + " ms", "p99 " + r.get("p99Ms") + " ms",
                "relay p50 " + r.get("relayP50Ms") + " ms, Kafka → inbox p50 " + r.get("kafkaToInboxP50Ms")
                        + " ms, drafting p50 " + r.get("draftingP50Ms") + " ms, reading p50 " + r.get("readingP50Ms")
                        + " ms (one list request p50 " + r.get("pollRequestP50Ms") + " ms) (target p99 < 50 ms)");
    }

    private String adoptedProposal;
    private Instant measuredFrom = Instant.MIN;

    /**
     * The services run with the full JIT, which reaches its speed after a minute or two of load (README, performance):
     * before anything is measured, the paths measured here run for a while — adoptions, as the propagation does, then
     * each read and the creation through the gateway, for {@link #WARM_UP_SECONDS} in all.
     */
    private void warmUp() throws InterruptedException, IOException {
        section("Warming up (" + WARM_UP_ADOPTIONS + " adoptions, then reads and creations for " + WARM_UP_SECONDS
                + " s)");
        long t0 = System.nanoTime();
        for (int i = 0; i < WARM_UP_ADOPTIONS; i++) {
            Reply ready = proposalUnderScreening();
            api.call("staff1", "POST", gw("/api/proposals/" + proposalOf(ready) + "/decision"), Map.of("actingFor",
                    department, "outcome", "ADOPTED", "rationale", "地域の課題に即し、実現可能性が高い"), ready.etag())
                    .expect(200);
            if (adoptedProposal == null) {
                adoptedProposal = proposalOf(ready);
            }
        }
        api.refreshTokens();
        String token = api.token("staff1");
        int each = WARM_UP_SECONDS / 4;
        wrk.run(gw("/api/proposals/" + adoptedProposal), 2, 16, each, null, null, null);
        wrk.run(gw(PUBLIC_LIST), 2, 16, each, null, null, null);
        wrk.run(gw("/api/proposals?themeId=" + theme + "&status=ADOPTED&limit=20"), 2, 16, each, null, null, token);
        Path body = workDir.resolve("proposal.json");
        Files.writeString(body, DemoUserClient.JSON.writeValueAsString(proposalBody), StandardCharsets.UTF_8);
        wrk.run(gw("/api/proposals"), 2, 8, each, null, body, api.token("partner1"));
        results.put("warmUpSeconds", round((System.nanoTime() - t0) / 1e9));
        settle();
    }

    /**
     * Waits until the stack is quiet: the consumers have caught up with the warm-up and the JIT has compiled what the
     * load queued (C2 compiles for seconds after a load ends). The CPU the stack spent second by second is kept, so a
     * run shows how long that took.
     */
    private void settle() {
        Map<String, Long> processes = stackProcesses();
        List<Double> cores = new ArrayList<>();
        long t0 = System.nanoTime();
        double previous = sum(cpuSeconds(processes));
        while (cores.size() < SETTLE_MAX_SECONDS) {
            pause(Duration.ofSeconds(1));
            double now = sum(cpuSeconds(processes));
            cores.add(round(now - previous));
            previous = now;
            if (cores.size() >= 2 && cores.get(cores.size() - 1) < QUIET_CORES
                    && cores.get(cores.size() - 2) < QUIET_CORES) {
                break;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seconds", round((System.nanoTime() - t0) / 1e9));
        r.put("quietBelowCores", QUIET_CORES);
        r.put("coresEachSecond", cores);
        results.put("settle", r);
        System.out.println("settled after " + r.get("seconds") + " s, cores each second " + cores);
    }

    /**
     * Event → task visible: for every task the proposals submitted and screened above and {@link #TASK_PROPOSALS}
     * more opened, the time from the task.opened outbox row (written in the transaction of the submission or
     * screening) to the task's row in notification-service (what {@code GET /api/notifications/me/tasks} lists); both
     * times are taken by the services on the one machine's clock. The proposals above give about 66 tasks, too few
     * for a p99 that is not simply the maximum; the maximum is reported beside it.
     */
    private void taskVisibility() {
        section("Event → task visible (task facts of the proposals above and " + TASK_PROPOSALS + " more)");
        for (int i = 0; i < TASK_PROPOSALS; i++) {
            proposalUnderScreening(); // back to back, as on a call's closing day
        }
        String opened = "jp.kyodo.task.opened.v1";
        Map<String, Instant[]> tasks = new HashMap<>();
        for (String database : List.of("kyodo_proposals", "kyodo_agreements", "kyodo_evaluations")) {
            query(database, "select subject, occurred_at, sent_at from kyodo_outbox where type = '" + opened + "'",
                    rs -> {
                        if (!instant(rs, 2).isBefore(measuredFrom)) { // not the warm-up's tasks
                            tasks.put(rs.getString(1), new Instant[] {instant(rs, 2), instant(rs, 3), null, null});
                        }
                    });
        }
        Map<String, String> actions = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            query("kyodo_notifications", "select id::text, received_at, action from task", rs -> {
                Instant[] t = tasks.get(rs.getString(1));
                if (t != null) {
                    t[3] = instant(rs, 2);
                    actions.put(rs.getString(1), rs.getString(3));
                }
            });
            if (actions.size() >= tasks.size() || System.nanoTime() > deadline) {
                break;
            }
            pause(Duration.ofMillis(200));
        }
        stamp("kyodo_notifications", "select subject, received_at from kyodo_inbox where type = '" + opened + "'", tasks,
                2);
        // Stages: the relay (outbox row → acknowledged by Kafka), Kafka (→ notification-service's inbox transaction
        // begins) and applying (→ the task row written in it; visible at the commit right after).
        List<Timeline> samples = new ArrayList<>();
        tasks.forEach((id, t) -> {
            if (complete(t)) {
                samples.add(new Timeline(id, List.of("relay", "kafka", "applying"), t).labelled(actions.get(id)));
            }
        });
        // The warm-up's tasks were left out above: those measured meet a path that has run for minutes.
        List<Double> millis = samples.stream().map(Timeline::totalMs).toList();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples", millis.size());
        r.put("opened", tasks.size());
        r.put("p50Ms", round(percentile(millis, 50)));
        r.put("p99Ms", round(percentile(millis, 99)));
        r.put("maxMs", round(percentile(millis, 100)));
        r.putAll(Timeline.percentiles(samples, "relay", "relay"));
        r.putAll(Timeline.percentiles(samples, "kafka", "kafkaToInbox"));
        r.putAll(Timeline.percentiles(samples, "applying", "applying"));
        r.put("slowest", Timeline.slowest(samples, 5));
        Timeline.writeTsv(samples, workDir.resolveSibling("task-visibility.tsv"));
        results.put("taskVisibility", r);
        row("event → task visible", "p50 " + r.get("p50Ms") + " ms", "p99 " + r.get("p99Ms") + " ms",
                millis.size() + " tasks, max " + r.get("maxMs") + " ms; relay p99 " + r.get("relayP99Ms") + " ms, Kafka → inbox p99 "
                        + r.get("kafkaToInboxP99Ms") + " ms, applying p99 " + r.get("applyingP99Ms")
                        + " ms (target p99 < 100 ms)");
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * CPU milliseconds each process spent per event while a series of events ran, above what it spends idle (measured
     * for a while first): what a burst of events costs the machine, whose 2 cores every stage shares. The benchmark's
     * own process is the client, polling included.
     */
    private final class CpuShares {
        private final Map<String, Long> pids = stackProcesses();
        private final Map<String, Double> idlePerSecond = new LinkedHashMap<>();
        private final Map<String, Double> start = new LinkedHashMap<>();
        private final long t0;

        CpuShares() {
            pids.put("benchmark client", ProcessHandle.current().pid());
            Map<String, Double> before = read();
            long idle0 = System.nanoTime();
            pause(Duration.ofSeconds(3));
            double idleSeconds = (System.nanoTime() - idle0) / 1e9;
            read().forEach((name, cpu) -> idlePerSecond.put(name, (cpu - before.get(name)) / idleSeconds));
            start.putAll(read());
            t0 = System.nanoTime();
        }

        Map<String, Double> perEvent(int events) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> perEvent = new LinkedHashMap<>();
            double total = 0;
            for (var e : read().entrySet()) {
                double ms = Math.max(0, e.getValue() - start.get(e.getKey()) - idlePerSecond.get(e.getKey()) * seconds)
                        * 1000 / events;
                perEvent.put(e.getKey(), round(ms));
                total += ms;
            }
            perEvent.put("total", round(total));
            return perEvent;
        }

        private Map<String, Double> read() {
            return cpuSeconds(pids);
        }
    }

    /** The stack's processes by name: the services, the infrastructure and PostgreSQL (with its backends). */
    private Map<String, Long> stackProcesses() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : List.of(ServiceSpec.PROPOSALS, ServiceSpec.AGREEMENTS, ServiceSpec.EVALUATIONS,
                ServiceSpec.NOTIFICATIONS, ServiceSpec.DIRECTORY, ServiceSpec.GATEWAY, Stack.KAFKA, Stack.KEYCLOAK,
                Stack.SMTP, Stack.POSTGRES)) {
            stack.pid(name).ifPresent(pid -> pids.put(name, pid));
        }
        return pids;
    }

    /** CPU seconds each process has used so far (PostgreSQL's with all its backends, from /proc). */
    private static Map<String, Double> cpuSeconds(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, name.equals(Stack.POSTGRES) ? Processes.treeCpuSeconds(pid)
                : Processes.cpuSeconds(pid)));
        return cpu;
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Where the time goes, from the rows the services keep and the benchmark's own clock (one machine): the adoption
     * committed (its outbox row) → published and acknowledged by Kafka (the relay) → taken in by agreement-service's
     * inbox (Kafka) → the drafted event written at the end of that transaction (drafting) → seen by the polling
     * client (reading: the commit, up to one poll interval and the list request). The slowest adoptions are listed
     * stage by stage.
     */
    private Map<String, Object> propagationStages(Map<String, Instant> seen) {
        Map<String, Instant[]> stages = new HashMap<>();
        String type = "jp.kyodo.proposal.adopted.v1";
        query("kyodo_proposals", "select subject, occurred_at, sent_at from kyodo_outbox where type = '" + type + "'",
                rs -> {
                    if (seen.containsKey(rs.getString(1))) {
                        stages.put(rs.getString(1), new Instant[] {instant(rs, 2), instant(rs, 3), null, null});
                    }
                });
        stamp("kyodo_agreements", "select subject, received_at from kyodo_inbox where type = '" + type + "'", stages, 2);
        // The drafted event is the last thing the drafting transaction writes: its time is the transaction's end.
        stamp("kyodo_agreements", "select a.proposal_id::text, o.occurred_at from agreement a join kyodo_outbox o"
                + " on o.subject = a.id::text and o.type = 'jp.kyodo.agreement.drafted.v1'", stages, 3);
        List<Timeline> timelines = new ArrayList<>();
        stages.forEach((proposal, s) -> {
            if (complete(s)) {
                timelines.add(new Timeline(proposal, List.of("relay", "kafka", "drafting", "reading"),
                        s[0], s[1], s[2], s[3], seen.get(proposal)));
            }
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.putAll(Timeline.percentiles(timelines, "relay", "relay"));
        m.putAll(Timeline.percentiles(timelines, "kafka", "kafkaToInbox"));
        m.putAll(Timeline.percentiles(timelines, "drafting", "drafting"));
        m.putAll(Timeline.percentiles(timelines, "reading", "reading"));
        m.put("slowest", Timeline.slowest(timelines, 5));
        Timeline.writeTsv(timelines, workDir.resolveSibling("propagation.tsv"));
        return m;
    }

    /** Runs a query on one of the services' databases and hands each row over. */
    private void query(String database, String sql, RowReader reader) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), StackConfig.DB_USER,
                StackConfig.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads (key, time) rows into slot {@code slot} of the timelines already started under those keys; rows of other
     * keys are not this measurement's.
     */
    private void stamp(String database, String sql, Map<String, Instant[]> timelines, int slot) {
        query(database, sql, rs -> {
            Instant[] points = timelines.get(rs.getString(1));
            if (points != null) {
                points[slot] = instant(rs, 2);
            }
        });
    }

    /** Every instant of a timeline was found (an event still in flight when the rows were read has gaps). */
    private static boolean complete(Instant[] points) {
        return Arrays.stream(points).allMatch(Objects::nonNull);
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String proposalOf(Reply proposal) {
        return proposal.body().path("id").asText();
    }

    /** A proposal whose screening is scored, as read after the scores: its ETag is the one the decision needs. */
    private Reply proposalUnderScreening() {
        Reply created = api.post("partner1", gw("/api/proposals"), proposalBody).expect(201);
        String base = gw("/api/proposals/" + created.body().path("id").asText());
        Reply submitted = api.call("partner1", "POST", base + "/submission",
                Map.of("actingFor", npo, "consentToCaseArchive", true), created.etag()).expect(200);
        Reply consulted = api.call("staff1", "POST", base + "/consultation", Map.of("actingFor", department),
                submitted.etag()).expect(200);
        api.call("staff1", "POST", base + "/screening",
                Map.of("actingFor", department, "reviewers", List.of(REVIEWER1)), consulted.etag()).expect(200);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (String c : List.of("PUBLIC_BENEFIT", "NEED_FOR_COLLABORATION", "FEASIBILITY", "PIONEERING",
                "SUSTAINABILITY", "BUDGET_SOUNDNESS")) {
            scores.add(Map.of("criterion", c, "score", 4, "comment", "負荷試験"));
        }
        api.post("reviewer1", base + "/scores", Map.of("scores", scores)).expect(201);
        // Submitted scores change the proposal's version: the decision needs the ETag read after them.
        return api.get("staff1", base).expect(200);
    }

    // ------------------------------------------------------------------------------------------------ reads

    static final String PUBLIC_LIST = "/api/proposals/published?limit=20";

    private void reads() {
        String publicRead = "/api/proposals/" + adoptedProposal;
        String filtered = "/api/proposals?themeId=" + theme + "&status=ADOPTED&limit=20";
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("publicProposalRead", compareGatewayAndService("public proposal read (anonymous)", publicRead, null));
        r.put("publicList", compareGatewayAndService("public list (anonymous)", PUBLIC_LIST, null));
        r.put("publicListAt50Connections", publicListAt50Connections());
        r.put("publicListNotModified", notModified("public list, If-None-Match (304)", PUBLIC_LIST));
        r.put("filteredList", compareGatewayAndService("filtered proposal list (staff token)", filtered, "staff1"));
        results.put("reads", r);
    }

    /** The public list directly on the service at the connection count where its tail used to run away. */
    private Map<String, Object> publicListAt50Connections() {
        section("Reads: public list directly, 50 connections");
        long pid = stack.pid(ServiceSpec.PROPOSALS).orElseThrow();
        double cpu0 = Processes.cpuSeconds(pid);
        Wrk.Result sat = wrk.run(direct(ServiceSpec.PROPOSALS, PUBLIC_LIST), 2, 50, seconds, null, null, null);
        double cpuMs = (Processes.cpuSeconds(pid) - cpu0) * 1000 / Math.max(1, sat.requests());
        Map<String, Object> m = new LinkedHashMap<>(sat.toMap());
        m.put("p99OverP50", round(sat.p99() / sat.p50()));
        m.put("serviceCpuMsPerRequest", round(cpuMs));
        row("public list at 50 connections (service)", (long) sat.throughput() + "/s",
                "p50 " + sat.p50() + " p99 " + sat.p99() + " max " + sat.max() + " ms",
                String.format("p99/p50 %.1f (target ≤ 3); %.2f ms CPU per request", sat.p99() / sat.p50(), cpuMs));
        checkErrors(sat);
        return m;
    }

    /**
     * The hit path of a cached public read: a client (a CDN, the city portal) revalidating with If-None-Match gets a
     * 304 without a body. Saturation directly and through the gateway, with the service's CPU per request.
     */
    private Map<String, Object> notModified(String name, String path) {
        section("Reads: " + name + " " + path);
        String etag = api.get(null, gw(path)).expect(200).etag();
        String header = "If-None-Match: " + etag;
        long pid = stack.pid(ServiceSpec.PROPOSALS).orElseThrow();
        wrk.run(direct(ServiceSpec.PROPOSALS, path), 2, 8, Math.max(3, seconds / 2), null, null, null, header);
        double cpu0 = Processes.cpuSeconds(pid);
        Wrk.Result svc = wrk.run(direct(ServiceSpec.PROPOSALS, path), 2, 16, seconds, null, null, null, header);
        double cpuMs = (Processes.cpuSeconds(pid) - cpu0) * 1000 / Math.max(1, svc.requests());
        Wrk.Result viaGateway = wrk.run(gw(path), 2, 16, seconds, null, null, null, header);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("etag", etag);
        m.put("serviceSaturation", svc.toMap());
        m.put("gatewaySaturation", viaGateway.toMap());
        m.put("serviceCpuMsPerRequest", round(cpuMs));
        row(name + ": saturation", "gateway " + (long) viaGateway.throughput() + "/s",
                "service " + (long) svc.throughput() + "/s", String.format("%.2f ms CPU per 304 on the service", cpuMs));
        checkErrors(svc, viaGateway);
        return m;
    }

    /**
     * Saturation through the gateway and directly, then both at the same fixed arrival rate (half the gateway's
     * saturation throughput), warmed up first.
     */
    private Map<String, Object> compareGatewayAndService(String name, String path, String user) {
        section("Reads: " + name + " " + path);
        api.refreshTokens();
        String token = user == null ? null : api.token(user);
        String viaGateway = gw(path);
        String direct = direct(ServiceSpec.PROPOSALS, path);
        requireOk(user, viaGateway);
        wrk.run(viaGateway, 2, 8, Math.max(3, seconds / 2), null, null, token);
        wrk.run(direct, 2, 8, Math.max(3, seconds / 2), null, null, token);
        long servicePid = stack.pid(ServiceSpec.PROPOSALS).orElseThrow();
        long gatewayPid = stack.pid(ServiceSpec.GATEWAY).orElseThrow();
        double gatewayCpu0 = Processes.cpuSeconds(gatewayPid);
        Wrk.Result gwSat = wrk.run(viaGateway, 2, 16, seconds, null, null, token);
        double gatewayCpuMs = (Processes.cpuSeconds(gatewayPid) - gatewayCpu0) * 1000 / Math.max(1, gwSat.requests());
        double serviceCpu0 = Processes.cpuSeconds(servicePid);
        Wrk.Result svcSat = wrk.run(direct, 2, 16, seconds, null, null, token);
        double serviceCpuMs = (Processes.cpuSeconds(servicePid) - serviceCpu0) * 1000 / Math.max(1, svcSat.requests());
        double rate = Math.max(10, Math.floor(gwSat.throughput() / 2));
        Wrk.Result gwFixed = wrk.run(viaGateway, 1, 16, seconds, rate, null, token);
        Wrk.Result svcFixed = wrk.run(direct, 1, 16, seconds, rate, null, token);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("gatewaySaturation", gwSat.toMap());
        m.put("serviceSaturation", svcSat.toMap());
        m.put("fixedRatePerSecond", rate);
        m.put("gatewayAtFixedRate", gwFixed.toMap());
        m.put("serviceAtFixedRate", svcFixed.toMap());
        double p99Ratio = gwFixed.p99() / svcFixed.p99();
        m.put("gatewayP99Ratio", round(p99Ratio));
        m.put("gatewayCostP50Ms", round(gwFixed.p50() - svcFixed.p50()));
        m.put("gatewayCostP99Ms", round(gwFixed.p99() - svcFixed.p99()));
        m.put("saturationRatio", round(gwSat.throughput() / svcSat.throughput()));
        m.put("serviceCpuMsPerRequest", round(serviceCpuMs));
        m.put("gatewayCpuMsPerRequest", round(gatewayCpuMs));
        m.put("serviceP99OverP50AtSaturation", round(svcSat.p99() / svcSat.p50()));
        row(name + ": saturation", "gateway " + (long) gwSat.throughput() + "/s",
                "service " + (long) svcSat.throughput() + "/s, p50 " + svcSat.p50() + " p99 " + svcSat.p99() + " ms",
                String.format("gateway/service %.0f%% (target ≥ 90%%); CPU per request: service %.2f ms, gateway %.2f ms",
                        100 * gwSat.throughput() / svcSat.throughput(), serviceCpuMs, gatewayCpuMs));
        row(name + ": at " + (long) rate + "/s", "gateway p50 " + gwFixed.p50() + " p99 " + gwFixed.p99() + " ms",
                "service p50 " + svcFixed.p50() + " p99 " + svcFixed.p99() + " ms",
                String.format("gateway +%.2f ms p50, +%.2f ms p99 (+%.0f%%, target < 10%%)", gwFixed.p50() - svcFixed.p50(),
                        gwFixed.p99() - svcFixed.p99(), 100 * (p99Ratio - 1)));
        checkErrors(gwSat, svcSat, gwFixed, svcFixed);
        return m;
    }

    private void requireOk(String user, String url) {
        api.get(user, url).expect(200);
    }

    private static void checkErrors(Wrk.Result... runs) {
        for (Wrk.Result r : runs) {
            if (r.errors() > 0) {
                System.out.println("WARNING: " + r.errors() + " errors (non-2xx/3xx or socket) in " + r.url());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ writes

    private void writes() throws IOException, InterruptedException {
        section("Writes: proposal creation, and pgbench running the same transaction");
        api.refreshTokens();
        String token = api.token("partner1");
        Path body = workDir.resolve("proposal.json");
        Files.writeString(body, DemoUserClient.JSON.writeValueAsString(proposalBody), StandardCharsets.UTF_8);
        String viaGateway = gw("/api/proposals");
        String direct = direct(ServiceSpec.PROPOSALS, "/api/proposals");
        wrk.run(viaGateway, 2, 8, Math.max(3, seconds / 2), null, body, token);
        Wrk.Result gwSat = wrk.run(viaGateway, 2, 8, seconds, null, body, token);
        // Where the CPU goes, per creation: the service's and PostgreSQL's (all its backends), against pgbench's.
        long service = stack.pid(ServiceSpec.PROPOSALS).orElseThrow();
        long postgres = stack.pid(Stack.POSTGRES).orElseThrow();
        double serviceCpu0 = Processes.cpuSeconds(service);
        double postgresCpu0 = Processes.treeCpuSeconds(postgres);
        Wrk.Result svcSat = wrk.run(direct, 2, 8, seconds, null, body, token);
        double serviceCpuMs = (Processes.cpuSeconds(service) - serviceCpu0) * 1000 / Math.max(1, svcSat.requests());
        double postgresCpuMs = (Processes.treeCpuSeconds(postgres) - postgresCpu0) * 1000
                / Math.max(1, svcSat.requests());
        double rate = Math.max(10, Math.floor(gwSat.throughput() / 2));
        Wrk.Result gwFixed = wrk.run(viaGateway, 1, 8, seconds, rate, body, token);
        checkErrors(gwSat, svcSat, gwFixed);
        double pgbenchCpu0 = Processes.treeCpuSeconds(postgres);
        Pgbench.Result pg = new Pgbench(stack, workDir).run(8, seconds, npo, theme, PARTNER1);
        double pgbenchPostgresCpuMs = (Processes.treeCpuSeconds(postgres) - pgbenchCpu0) * 1000
                / Math.max(1, pg.transactions());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serviceCpuMsPerCreation", round(serviceCpuMs));
        m.put("postgresCpuMsPerCreation", round(postgresCpuMs));
        m.put("postgresCpuMsPerPgbenchTransaction", round(pgbenchPostgresCpuMs));
        m.put("gatewaySaturation", gwSat.toMap());
        m.put("serviceSaturation", svcSat.toMap());
        m.put("fixedRatePerSecond", rate);
        m.put("gatewayAtFixedRate", gwFixed.toMap());
        m.put("pgbench", pg.toMap());
        m.put("gatewayShareOfPgbench", round(gwSat.throughput() / pg.tps()));
        m.put("serviceShareOfPgbench", round(svcSat.throughput() / pg.tps()));
        results.put("proposalCreation", m);
        row("proposal creation: saturation", "gateway " + (long) gwSat.throughput() + "/s p99 " + gwSat.p99() + " ms",
                "service " + (long) svcSat.throughput() + "/s p99 " + svcSat.p99() + " ms",
                String.format("pgbench %d tx/s: gateway %.0f%%, service %.0f%% (target ≥ 50%%)", (long) pg.tps(),
                        100 * gwSat.throughput() / pg.tps(), 100 * svcSat.throughput() / pg.tps()));
        row("proposal creation: at " + (long) rate + "/s", "gateway p50 " + gwFixed.p50() + " p99 " + gwFixed.p99()
                + " ms", "", "");
        row("proposal creation: CPU per creation", String.format("service %.2f ms", serviceCpuMs),
                String.format("PostgreSQL %.2f ms", postgresCpuMs),
                String.format("PostgreSQL per pgbench transaction %.2f ms", pgbenchPostgresCpuMs));
    }

    // ------------------------------------------------------------------------------------------------ replicas

    /**
     * Scale-out on this machine: a second replica of proposal-service and a second gateway balancing over both, the
     * public read at saturation through it, against the first gateway with its single replica, in the same minute.
     * Both gateways, both replicas, PostgreSQL and wrk share the same two cores, so the ratio shows what a second
     * replica buys here, not what it buys on a second machine.
     */
    private void replicas() {
        section("Scale-out: the public read on one and on two replicas of proposal-service");
        ServiceSpec second = stack.config().service(ServiceSpec.PROPOSALS).replica(2, Ports.freePort());
        ServiceSpec balancing = stack.config().service(ServiceSpec.GATEWAY).replica(2, Ports.freePort())
                .withSystemProperty("kyodo.gateway.upstream.proposals",
                        stack.url(ServiceSpec.PROPOSALS) + ",http://127.0.0.1:" + second.port());
        stack.startExtra(List.of(second, balancing));
        try {
            String path = "/api/proposals/" + adoptedProposal;
            String one = gw(path);
            String two = stack.url(balancing.name()) + path;
            wrk.run(one, 2, 8, Math.max(3, seconds / 2), null, null, null);
            wrk.run(two, 2, 8, Math.max(3, seconds / 2), null, null, null);
            Wrk.Result onOne = wrk.run(one, 2, 16, seconds, null, null, null);
            Wrk.Result onTwo = wrk.run(two, 2, 16, seconds, null, null, null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", path);
            m.put("oneReplica", onOne.toMap());
            m.put("twoReplicas", onTwo.toMap());
            m.put("throughputRatio", round(onTwo.throughput() / onOne.throughput()));
            results.put("replicas", m);
            row("public read: one replica → two replicas", (long) onOne.throughput() + "/s → "
                    + (long) onTwo.throughput() + "/s", String.format("x%.2f", onTwo.throughput() / onOne.throughput()),
                    "2 cores shared by everything: it cannot double");
            checkErrors(onOne, onTwo);
        } finally {
            stack.stop(balancing.name());
            stack.stop(second.name());
        }
    }

    // ------------------------------------------------------------------------------------------------ JVM options

    /**
     * Start-up, memory and throughput of proposal-service under the JVM options worth weighing: C1 only (quickest
     * start), both compilers (tiered, for the long run), each with a class-data archive of the application (AppCDS,
     * made by a training start), JDK 25's AOT cache where the JDK has it, and a smaller heap. For each: ready time of
     * a start alone, the public read at saturation directly on the service, CPU per request and RSS after it.
     */
    private Map<String, Object> jvmOptions() throws IOException {
        section("JVM options of proposal-service");
        Map<String, Object> m = new LinkedHashMap<>();
        Path archives = workDir.resolve("archives");
        Files.createDirectories(archives);
        List<String> serial = StackConfig.DEFAULT_SERVICE_JVM_ARGS;
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("C1 only", concat(List.of("-XX:TieredStopAtLevel=1"), serial));
        variants.put("tiered (C1 + C2)", serial);
        variants.put("tiered, the JVM's own metaspace threshold", List.of("-XX:+UseSerialGC", "-Xmx256m"));
        Path cds = archives.resolve("proposal-service.jsa");
        train(concat(serial, List.of("-XX:ArchiveClassesAtExit=" + cds)));
        variants.put("tiered + AppCDS", concat(serial, List.of("-XX:SharedArchiveFile=" + cds)));
        variants.put("C1 only + AppCDS", concat(List.of("-XX:TieredStopAtLevel=1"), concat(serial,
                List.of("-XX:SharedArchiveFile=" + cds))));
        if (Runtime.version().feature() >= 25) {
            Path aot = archives.resolve("proposal-service.aot");
            train(concat(serial, List.of("-XX:AOTCacheOutput=" + aot)));
            variants.put("tiered + AOT cache (JDK 25)", concat(serial, List.of("-XX:AOTCache=" + aot)));
        }
        variants.put("tiered, smaller heap and code cache", List.of("-XX:+UseSerialGC", "-Xmx160m",
                "-XX:MetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k"));
        String path = direct(ServiceSpec.PROPOSALS, "/api/proposals/" + adoptedProposal);
        for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
            List<String> args = withJdkOptions(variant.getValue());
            stack.stop(ServiceSpec.PROPOSALS);
            long t0 = System.nanoTime();
            stack.startWithJvmArgs(ServiceSpec.PROPOSALS, args);
            double ready = (System.nanoTime() - t0) / 1e9;
            long pid = stack.pid(ServiceSpec.PROPOSALS).orElseThrow();
            double rssStarted = Processes.rssMb(pid);
            wrk.run(path, 2, 8, Math.max(5, seconds), null, null, null);
            double cpu0 = Processes.cpuSeconds(pid);
            Wrk.Result sat = wrk.run(path, 2, 16, seconds, null, null, null);
            double cpuMs = (Processes.cpuSeconds(pid) - cpu0) * 1000 / Math.max(1, sat.requests());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("jvmArgs", String.join(" ", args));
            v.put("readySecondsAlone", round(ready));
            v.put("quarkusStartedSeconds", quarkusStarted(stack.logFile(ServiceSpec.PROPOSALS)));
            v.put("rssMbAfterStart", rssStarted);
            v.put("publicReadSaturation", sat.toMap());
            v.put("cpuMsPerRequest", round(cpuMs));
            v.put("rssMbAfterLoad", Processes.rssMb(pid));
            m.put(variant.getKey(), v);
            row("JVM: " + variant.getKey(), "ready " + round(ready) + " s, RSS " + v.get("rssMbAfterLoad") + " MB",
                    (long) sat.throughput() + "/s", String.format("%.2f ms CPU per read", cpuMs));
            checkErrors(sat);
        }
        // Back to the stack's own options for what follows.
        stack.stop(ServiceSpec.PROPOSALS);
        stack.start(ServiceSpec.PROPOSALS);
        return m;
    }

    /** A start that writes an archive at exit: started, given some work, stopped. */
    private void train(List<String> args) {
        stack.stop(ServiceSpec.PROPOSALS);
        stack.startWithJvmArgs(ServiceSpec.PROPOSALS, withJdkOptions(args));
        wrk.run(direct(ServiceSpec.PROPOSALS, "/api/proposals/" + adoptedProposal), 1, 4, 3, null, null, null);
        wrk.run(direct(ServiceSpec.PROPOSALS, PUBLIC_LIST), 1, 4, 2, null, null, null);
        stack.stop(ServiceSpec.PROPOSALS);
    }

    private List<String> withJdkOptions(List<String> args) {
        List<String> all = new ArrayList<>(args);
        stack.config().serviceJvmArgs().stream().filter(a -> a.startsWith("--add-opens")).forEach(all::add);
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ------------------------------------------------------------------------------------------------ services

    /** RSS after the load above, then each service restarted alone: time until its readiness check passes. */
    private Map<String, Object> services() throws IOException {
        section("Services: RSS after warm-up, startup time alone");
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> names = stack.config().services().stream().map(ServiceSpec::name).toList();
        for (String name : names) {
            Map<String, Object> s = new LinkedHashMap<>();
            long pid = stack.pid(name).orElseThrow();
            s.put("rssMbAfterLoad", Processes.rssMb(pid));
            s.put("readySecondsInFullStart", readyInSeconds.get(name));
            m.put(name, s);
        }
        for (String name : names) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) m.get(name);
            stack.stop(name);
            long t0 = System.nanoTime();
            stack.start(name);
            double secs = (System.nanoTime() - t0) / 1e9;
            s.put("readySecondsAlone", round(secs));
            s.put("quarkusStartedSeconds", quarkusStarted(stack.logFile(name)));
            s.put("rssMbAfterStart", Processes.rssMb(stack.pid(name).orElseThrow()));
            row("startup " + name, "ready in " + round(secs) + " s alone", "RSS " + s.get("rssMbAfterLoad")
                    + " MB after load", "target < 2 s, < 250 MB");
        }
        return m;
    }

    /** The last "started in X.XXXs" of a Quarkus log. */
    private static Double quarkusStarted(Path log) throws IOException {
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log, StandardCharsets.UTF_8));
        Double last = null;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    // ------------------------------------------------------------------------------------------------ scale

    private void scale() throws Exception {
        section("Scale: " + proposals + " proposals with agreements and evaluations, straight into the databases");
        ScaleData data = new ScaleData(stack, proposals, department, npo, theme, adoptedProposal);
        long t0 = System.nanoTime();
        Map<String, Object> counts = data.load();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", counts);
        m.put("loadSeconds", round(loadSeconds));
        Map<String, Object> sizes = databaseSizesMb();
        m.put("databaseSizeMb", sizes);
        row("scale data: database size", sizes.get("total") + " MB in all", sizes.toString(), "");
        row("scale data loaded", counts.get("proposal") + " proposals, " + counts.get("agreement") + " agreements",
                counts.get("evaluation_round") + " evaluation rounds", "in " + round(loadSeconds) + " s");
        Map<String, Object> endpoints = new LinkedHashMap<>();
        api.refreshTokens();
        for (ScaleData.Endpoint e : data.endpoints()) {
            String token = e.user() == null ? null : api.token(e.user());
            requireOk(e.user(), gw(e.path()));
            wrk.run(gw(e.path()), 1, 1, 4, null, null, token); // a path the warm-up did not take: its own
            Wrk.Result viaGateway = wrk.run(gw(e.path()), 1, 1, 4, null, null, token);
            Wrk.Result direct = wrk.run(direct(e.service(), e.path()), 1, 1, 4, null, null, token);
            checkErrors(viaGateway, direct);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("path", e.path());
            r.put("user", e.user());
            r.put("gateway", viaGateway.toMap());
            r.put("service", direct.toMap());
            endpoints.put(e.name(), r);
            row("at scale: " + e.name(), "gateway p50 " + viaGateway.p50() + " p95 " + viaGateway.p95() + " ms",
                    "service p50 " + direct.p50() + " p95 " + direct.p95() + " ms", "target p95 < 20 ms through the gateway");
        }
        m.put("endpoints", endpoints);
        results.put("scale", m);
    }

    /** pg_database_size of each service's database after the generator's load (and analyze), in MB. */
    private Map<String, Object> databaseSizesMb() throws SQLException {
        Map<String, Object> sizes = new LinkedHashMap<>();
        double total = 0;
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("postgres"), StackConfig.DB_USER,
                StackConfig.DB_PASSWORD);
             PreparedStatement q = c.prepareStatement("select pg_database_size(?)")) {
            for (String db : stack.config().databases()) {
                q.setString(1, db);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    double mb = rs.getLong(1) / 1024.0 / 1024.0;
                    sizes.put(db, round(mb));
                    total += mb;
                }
            }
        }
        sizes.put("total", round(total));
        return sizes;
    }

    // ------------------------------------------------------------------------------------------------ output

    private void write() throws IOException {
        results.put("table", table.stream().map(Arrays::asList).toList());
        Files.createDirectories(out.getParent());
        Files.writeString(out, DemoUserClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results)
                + System.lineSeparator(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("Results (" + results.get("machine") + "; load average at start "
                + results.get("loadAverageAtStart") + ", at end " + results.get("loadAverageAtEnd") + ")");
        int[] w = new int[4];
        for (String[] r : table) {
            for (int i = 0; i < 4; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : table) {
            System.out.printf("  %-" + w[0] + "s | %-" + w[1] + "s | %-" + w[2] + "s | %s%n", r[0], r[1], r[2], r[3]);
        }
        System.out.println("Written to " + out);
    }

    private void row(String what, String a, String b, String c) {
        table.add(new String[] {what, a, b, c});
        System.out.printf("  %s | %s | %s | %s%n", what, a, b, c);
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", JDK " + Runtime.version();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
