package jp.kyodo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.kyodo.stack.Stack;
import jp.kyodo.stack.StackConfig;

/**
 * pgbench on the stack's PostgreSQL, running the transaction proposal-service runs for {@code POST /api/proposals}
 * with an Idempotency-Key, statement for statement: claim the key (insert, or take over an expired one), check the
 * caller's membership in the directory read model, read the theme, insert the proposal (its trigger adds the
 * proposer row) and its audit row, store the response with the key, commit. Drafting publishes no event, so the
 * transaction has no outbox row.
 */
final class Pgbench {

    record Result(double tps, long transactions, int clients, double p50, double p99, String script) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transactionsPerSecond", Benchmark.round(tps));
            m.put("transactions", transactions);
            m.put("clients", clients);
            m.put("p50Ms", Benchmark.round(p50));
            m.put("p99Ms", Benchmark.round(p99));
            m.put("script", script);
            return m;
        }
    }

    private final Stack stack;
    private final Path workDir;

    Pgbench(Stack stack, Path workDir) {
        this.stack = stack;
        this.workDir = workDir;
    }

    Result run(int clients, int seconds, String npo, String theme, String subject) throws IOException, InterruptedException {
        String content = templateContent();
        String key = "'pgbench-' || :client_id::text || '-' || :n::text";
        String where = " where caller = '" + subject + "' and method = 'POST' and path = '/api/proposals'"
                + " and idempotency_key = " + key;
        String script = String.join("\n",
                "\\set n random(1, 1000000000000)",
                "begin;",
                "insert into kyodo_idempotency_key (caller, method, path, idempotency_key, request_hash, response_status,"
                        + " expires_at) values ('" + subject + "', 'POST', '/api/proposals', " + key + ", md5('r' || :n::text), 0,"
                        + " now() + '86400 seconds'::interval) on conflict (caller, method, path, idempotency_key) do update"
                        + " set request_hash = excluded.request_hash, response_status = 0, response_body = null,"
                        + " response_headers = '{}'::jsonb, created_at = now(), expires_at = excluded.expires_at"
                        + " where kyodo_idempotency_key.expires_at < now();",
                "select organization_id from directory_membership where subject = '" + subject + "' and organization_id = '"
                        + npo + "';",
                "select * from theme where id = '" + theme + "';",
                "insert into proposal (id, status, origin, theme_id, content, revision, fiscal_year, reference_number,"
                        + " consent_to_case_archive, created_by, created_at, submitted_at, decided_at, decision_rationale,"
                        + " closing_reason, version) values (gen_random_uuid(), 'DRAFT', 'CITY_INITIATED', '" + theme + "', '"
                        + sql(content) + "'::jsonb, 0, null, null, null, '" + subject + "', now(), null, null, null, null, 0);",
                "insert into kyodo_audit_entry (id, aggregate_type, aggregate_id, action, from_state, to_state, actor,"
                        + " acting_for, reason, details, request_id, occurred_at) values (gen_random_uuid(), 'Proposal',"
                        + " gen_random_uuid(), 'drafted', null, 'DRAFT', '" + subject + "', '" + npo + "', null, '{}'::jsonb,"
                        + " 'pgbench', now());",
                "update kyodo_idempotency_key set response_status = 201, response_body = '" + sql(content)
                        + "', response_headers = '{\"ETag\":[\"\\\"0\\\"\"]}'::jsonb" + where + ";",
                "end;", "");
        Path file = workDir.resolve("pgbench-create-proposal.sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Path logDir = workDir.resolve("pgbench-log");
        ScaleData.deleteRecursively(logDir);
        Files.createDirectories(logDir);
        List<String> cmd = List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2",
                "-T", String.valueOf(seconds), "-f", file.toString(), "-l", "--log-prefix=" + logDir.resolve("tx"),
                "-h", "127.0.0.1", "-p", String.valueOf(stack.port(Stack.POSTGRES)), "-U", StackConfig.DB_USER,
                "kyodo_proposals");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", StackConfig.DB_PASSWORD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + out);
        }
        System.out.println(out.lines().filter(l -> l.startsWith("tps") || l.contains("latency average")
                || l.startsWith("number of")).reduce((a, b) -> a + "\n" + b).orElse(out));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        Matcher count = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(out);
        if (!tps.find() || !count.find()) {
            throw new IllegalStateException("unexpected pgbench output: " + out);
        }
        List<Double> latencies = new ArrayList<>();
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] cols = line.split(" ");
                    latencies.add(Long.parseLong(cols[2]) / 1000.0);
                }
            }
        }
        return new Result(Double.parseDouble(tps.group(1)), Long.parseLong(count.group(1)), clients,
                Benchmark.percentile(latencies, 50), Benchmark.percentile(latencies, 99), script);
    }

    /** The content of a proposal the service stored, so that pgbench writes rows of the same size. */
    private String templateContent() {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("kyodo_proposals"), StackConfig.DB_USER,
                StackConfig.DB_PASSWORD);
                PreparedStatement s = c.prepareStatement("select content::text from proposal order by created_at limit 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sql(String s) {
        return s.replace("'", "''");
    }
}
