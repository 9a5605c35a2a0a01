package jp.kyodo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event's way through the system as a series of instants (one machine's clock), each stage the time between two
 * consecutive ones: enough to say which stage a slow sample spent its time in.
 */
record Timeline(String subject, String label, List<String> stages, List<Instant> points) {

    Timeline(String subject, List<String> stages, Instant... points) {
        this(subject, "", stages, List.of(points));
    }

    Timeline {
        if (points.size() != stages.size() + 1) {
            throw new IllegalArgumentException("a timeline of " + stages.size() + " stages needs " + (stages.size() + 1)
                    + " instants");
        }
    }

    Timeline labelled(String label) {
        return new Timeline(subject, label, stages, points);
    }

    double totalMs() {
        return millis(points.get(0), points.get(points.size() - 1));
    }

    double stageMs(String stage) {
        int i = stages.indexOf(stage);
        return millis(points.get(i), points.get(i + 1));
    }

    static Map<String, Object> percentiles(List<Timeline> timelines, String stage, String prefix) {
        List<Double> ms = timelines.stream().map(t -> t.stageMs(stage)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(prefix + "P50Ms", Benchmark.round(Benchmark.percentile(ms, 50)));
        m.put(prefix + "P99Ms", Benchmark.round(Benchmark.percentile(ms, 99)));
        return m;
    }

    /** The {@code n} slowest, each with its stages in milliseconds. */
    static List<Map<String, Object>> slowest(List<Timeline> timelines, int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        timelines.stream().sorted(Comparator.comparingDouble(Timeline::totalMs).reversed()).limit(n).forEach(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("subject", t.subject());
            if (!t.label().isEmpty()) {
                row.put("label", t.label());
            }
            row.put("at", t.points().get(0).toString());
            row.put("totalMs", Benchmark.round(t.totalMs()));
            for (String stage : t.stages()) {
                row.put(stage + "Ms", Benchmark.round(t.stageMs(stage)));
            }
            rows.add(row);
        });
        return rows;
    }

    /**
     * Every timeline in the order they began, one per line with its stages in milliseconds: to see whether the slow
     * ones come together (a burst queued behind something) or alone.
     */
    static void writeTsv(List<Timeline> timelines, Path file) {
        List<Timeline> byStart = timelines.stream().sorted(Comparator.comparing(t -> t.points().get(0))).toList();
        StringBuilder tsv = new StringBuilder("at\tlabel\tsubject\ttotalMs");
        if (!byStart.isEmpty()) {
            byStart.get(0).stages().forEach(stage -> tsv.append('\t').append(stage).append("Ms"));
        }
        tsv.append('\n');
        for (Timeline t : byStart) {
            tsv.append(t.points().get(0)).append('\t').append(t.label()).append('\t').append(t.subject()).append('\t')
                    .append(Benchmark.round(t.totalMs()));
            t.stages().forEach(stage -> tsv.append('\t').append(Benchmark.round(t.stageMs(stage))));
            tsv.append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
