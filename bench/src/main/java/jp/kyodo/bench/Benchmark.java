package jp.kyodo.bench;

import jp.kyodo.stack.DemoUserClient;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import jp.kyodo.stack.DemoData;
import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;
import jp.kyodo.stack.StackConfig;

/**
 * The performance benchmark ({@code bench/run.sh}): starts the packaged system on free ports with its own data
 * folder, prepares a little data through the API, and measures, each in the same run so that ratios compare like
 * with like:
 * <ol>
 *   <li>event propagation: from the HTTP response of an adoption to the agreement draft being readable;</li>
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

    private final Path repo;
    private final Path workDir;
    private final Path out;
    private final int proposals;
    private final int seconds;
    private final boolean scaleOnly;
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

    private Benchmark(Path repo, Path out, int proposals, int seconds, boolean scaleOnly) {
        this.scaleOnly = scaleOnly;
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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--proposals" -> proposals = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--scale-only" -> scaleOnly = true;
                default -> {
                    System.err.println("usage: Benchmark [--repo DIR] [--out FILE] [--proposals N] [--seconds S] [--scale-only]");
                    System.exit(2);
                }
            }
        }
        Benchmark bench = new Benchmark(repo, out != null ? out : repo.resolve("bench/results/latest.json"), proposals,
                seconds, scaleOnly);
        try {
            bench.run();
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

    private void run() throws Exception {
        long t0 = System.nanoTime();
        results.put("measuredAt", Instant.now().toString());
        results.put("machine", machine());
        results.put("loadAverageAtStart", loadAverage());
        start();
        wrk = new Wrk(repo.resolve("bench/wrk/kyodo.lua"));
        seed();
        if (scaleOnly) {
            propagation(1);
        } else {
            propagation(30);
            reads();
            writes();
            results.put("services", services());
        }
        scale();
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
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < n + 3; i++) {
            ready.add(proposalUnderScreening());
        }
        String agreements = direct(ServiceSpec.AGREEMENTS, "/api/agreements?proposalId=");
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            String id = ready.get(i);
            api.post("staff1", gw("/api/proposals/" + id + "/decision"), Map.of("actingFor", department,
                    "outcome", "ADOPTED", "rationale", "地域の課題に即し、実現可能性が高い")).expect(200);
            long t0 = System.nanoTime();
            long deadline = t0 + Duration.ofSeconds(30).toNanos();
            while (true) {
                JsonNode items = api.get("staff1", agreements + id).expect(200).body().path("items");
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
            }
            Thread.sleep(100);
        }
        adoptedProposal = ready.get(0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples", millis.size());
        r.put("p50Ms", round(percentile(millis, 50)));
        r.put("p99Ms", round(percentile(millis, 99)));
        r.put("maxMs", round(percentile(millis, 100)));
        r.put("pollIntervalMs", 2);
        r.putAll(propagationStages());
        results.put("propagation", r);
        row("propagation adoption → agreement draft", "p50 " + r.get("p50Ms") + " ms", "p99 " + r.get("p99Ms") + " ms",
                "relay p50 " + r.get("relayP50Ms") + " ms, Kafka → inbox p50 " + r.get("kafkaToInboxP50Ms")
                        + " ms (target p99 < 100 ms)");
    }

    private String adoptedProposal;

    /**
     * Where the time goes, from the rows the services keep (one PostgreSQL clock): event created → outbox row
     * published and acknowledged by Kafka (the relay), and acknowledged → taken in by agreement-service's inbox.
     */
    private Map<String, Object> propagationStages() {
        Map<String, OffsetDateTime[]> events = new HashMap<>();
        String type = "jp.kyodo.proposal.adopted.v1";
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("kyodo_proposals"), StackConfig.DB_USER,
                StackConfig.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("select id::text, occurred_at, sent_at from kyodo_outbox where type = ?")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), new OffsetDateTime[] {
                            rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class), null});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("kyodo_agreements"), StackConfig.DB_USER,
                StackConfig.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("select event_id, received_at from kyodo_inbox where type = ?")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    var e = events.get(rs.getString(1));
                    if (e != null) {
                        e[2] = rs.getObject(2, OffsetDateTime.class);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<Double> relay = new ArrayList<>();
        List<Double> delivery = new ArrayList<>();
        for (var e : events.values()) {
            if (e[1] != null && e[2] != null) {
                relay.add(Duration.between(e[0], e[1]).toNanos() / 1e6);
                delivery.add(Duration.between(e[1], e[2]).toNanos() / 1e6);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("relayP50Ms", round(percentile(relay, 50)));
        m.put("relayP99Ms", round(percentile(relay, 99)));
        m.put("kafkaToInboxP50Ms", round(percentile(delivery, 50)));
        m.put("kafkaToInboxP99Ms", round(percentile(delivery, 99)));
        return m;
    }

    private String proposalUnderScreening() {
        String id = api.post("partner1", gw("/api/proposals"), proposalBody).expect(201).body().path("id").asText();
        String base = gw("/api/proposals/" + id);
        api.post("partner1", base + "/submission", Map.of("actingFor", npo, "consentToCaseArchive", true)).expect(200);
        api.post("staff1", base + "/consultation", Map.of("actingFor", department)).expect(200);
        api.post("staff1", base + "/screening", Map.of("actingFor", department, "reviewers", List.of(REVIEWER1)))
                .expect(200);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (String c : List.of("PUBLIC_BENEFIT", "NEED_FOR_COLLABORATION", "FEASIBILITY", "PIONEERING",
                "SUSTAINABILITY", "BUDGET_SOUNDNESS")) {
            scores.add(Map.of("criterion", c, "score", 4, "comment", "負荷試験"));
        }
        api.post("reviewer1", base + "/scores", Map.of("scores", scores)).expect(201);
        return id;
    }

    // ------------------------------------------------------------------------------------------------ reads

    private void reads() {
        String publicRead = "/api/proposals/" + adoptedProposal;
        String filtered = "/api/proposals?themeId=" + theme + "&status=ADOPTED&limit=20";
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("publicProposalRead", compareGatewayAndService("public proposal read (anonymous)", publicRead, null));
        r.put("filteredList", compareGatewayAndService("filtered proposal list (staff token)", filtered, "staff1"));
        results.put("reads", r);
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
        Wrk.Result gwSat = wrk.run(viaGateway, 2, 16, seconds, null, null, token);
        Wrk.Result svcSat = wrk.run(direct, 2, 16, seconds, null, null, token);
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
        row(name + ": saturation", "gateway " + (long) gwSat.throughput() + "/s",
                "service " + (long) svcSat.throughput() + "/s", "");
        row(name + ": at " + (long) rate + "/s", "gateway p50 " + gwFixed.p50() + " p99 " + gwFixed.p99() + " ms",
                "service p50 " + svcFixed.p50() + " p99 " + svcFixed.p99() + " ms",
                String.format("gateway +%.2f ms p50, +%.2f ms p99 (x%.2f)", gwFixed.p50() - svcFixed.p50(),
                        gwFixed.p99() - svcFixed.p99(), p99Ratio));
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
        Wrk.Result svcSat = wrk.run(direct, 2, 8, seconds, null, body, token);
        double rate = Math.max(10, Math.floor(gwSat.throughput() / 2));
        Wrk.Result gwFixed = wrk.run(viaGateway, 1, 8, seconds, rate, body, token);
        checkErrors(gwSat, svcSat, gwFixed);
        Pgbench.Result pg = new Pgbench(stack, workDir).run(8, seconds, npo, theme, PARTNER1);
        Map<String, Object> m = new LinkedHashMap<>();
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
                String.format("pgbench %d tx/s: gateway %.0f%%, service %.0f%% (target ≥ 40%%)", (long) pg.tps(),
                        100 * gwSat.throughput() / pg.tps(), 100 * svcSat.throughput() / pg.tps()));
        row("proposal creation: at " + (long) rate + "/s", "gateway p50 " + gwFixed.p50() + " p99 " + gwFixed.p99()
                + " ms", "", "");
    }

    // ------------------------------------------------------------------------------------------------ services

    /** RSS after the load above, then each service restarted alone: time until its readiness check passes. */
    private Map<String, Object> services() throws IOException {
        section("Services: RSS after warm-up, startup time alone");
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : stack.serviceNames()) {
            Map<String, Object> s = new LinkedHashMap<>();
            long pid = stack.pid(name).orElseThrow();
            s.put("rssMbAfterLoad", rssMb(pid));
            s.put("readySecondsInFullStart", readyInSeconds.get(name));
            m.put(name, s);
        }
        for (String name : stack.serviceNames()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) m.get(name);
            stack.stop(name);
            long t0 = System.nanoTime();
            stack.start(name);
            double secs = (System.nanoTime() - t0) / 1e9;
            s.put("readySecondsAlone", round(secs));
            s.put("quarkusStartedSeconds", quarkusStarted(stack.logFile(name)));
            s.put("rssMbAfterStart", rssMb(stack.pid(name).orElseThrow()));
            row("startup " + name, "ready in " + round(secs) + " s alone", "RSS " + s.get("rssMbAfterLoad")
                    + " MB after load", "target < 5 s, < 300 MB");
        }
        return m;
    }

    static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
            }
        }
        return -1;
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
        row("scale data loaded", counts.get("proposal") + " proposals, " + counts.get("agreement") + " agreements",
                counts.get("evaluation_round") + " evaluation rounds", "in " + round(loadSeconds) + " s");
        Map<String, Object> endpoints = new LinkedHashMap<>();
        api.refreshTokens();
        for (ScaleData.Endpoint e : data.endpoints()) {
            String token = e.user() == null ? null : api.token(e.user());
            requireOk(e.user(), gw(e.path()));
            wrk.run(gw(e.path()), 1, 1, 2, null, null, token);
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
                    "service p50 " + direct.p50() + " p95 " + direct.p95() + " ms", "target p95 < 50 ms");
        }
        m.put("endpoints", endpoints);
        results.put("scale", m);
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
