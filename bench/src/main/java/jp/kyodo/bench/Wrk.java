package jp.kyodo.bench;

import jp.kyodo.stack.DemoUserClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs wrk (Debian's package) with bench/wrk/kyodo.lua and reads the line of figures the script prints. */
final class Wrk {

    /** What one run measured; latencies in milliseconds. */
    record Result(String url, int threads, int connections, double seconds, Double targetRate, long requests,
                  double throughput, long errors, double p50, double p90, double p95, double p99, double max) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("requests", requests);
            m.put("seconds", round(seconds));
            m.put("connections", connections);
            if (targetRate != null) {
                m.put("targetRate", targetRate);
            }
            m.put("throughputPerSecond", round(throughput));
            m.put("errors", errors);
            m.put("p50Ms", round(p50));
            m.put("p90Ms", round(p90));
            m.put("p95Ms", round(p95));
            m.put("p99Ms", round(p99));
            m.put("maxMs", round(max));
            return m;
        }
    }

    private final Path script;

    Wrk(Path script) {
        this.script = script;
    }

    /**
     * @param rate   total requests per second at a fixed arrival rate, or null for as fast as possible
     * @param body   a JSON file to POST (with an Idempotency-Key each), or null for GET
     * @param token  a bearer token, or null
     * @param headers more request headers, "Name: value"
     */
    Result run(String url, int threads, int connections, int seconds, Double rate, Path body, String token,
               String... headers) {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), "-H", "Accept: application/json"));
        if (token != null) {
            cmd.add("-H");
            cmd.add("Authorization: Bearer " + token);
        }
        for (String header : headers) {
            cmd.add("-H");
            cmd.add(header);
        }
        cmd.add(url);
        cmd.add("--");
        if (rate != null) {
            cmd.add("rate=" + (rate / threads));
        }
        if (body != null) {
            cmd.add("body=" + body);
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            String line = out.lines().filter(l -> l.startsWith("WRKJSON ")).findFirst().orElseThrow(
                    () -> new IllegalStateException("wrk printed no figures (exit " + exit + "): " + out));
            JsonNode j = DemoUserClient.JSON.readTree(line.substring("WRKJSON ".length()));
            double secs = j.path("durationUs").asLong() / 1e6;
            long requests = j.path("requests").asLong();
            long errors = j.path("socketErrors").asLong() + j.path("statusErrors").asLong() + j.path("timeouts").asLong();
            return new Result(url, threads, connections, secs, rate, requests, requests / secs, errors,
                    j.path("p50Us").asLong() / 1000.0, j.path("p90Us").asLong() / 1000.0,
                    j.path("p95Us").asLong() / 1000.0, j.path("p99Us").asLong() / 1000.0,
                    j.path("maxUs").asLong() / 1000.0);
        } catch (IOException e) {
            throw new IllegalStateException("wrk: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
