package jp.kyodo.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the kernel says about a process: its CPU time and resident memory (Linux /proc). */
final class Processes {

    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux this runs on). */
    private static final double TICKS_PER_SECOND = 100.0;

    private Processes() {
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        String[] fields = statFields(pid);
        if (fields == null) {
            throw new IllegalStateException("cannot read the CPU time of " + pid);
        }
        // utime and stime: fields 14 and 15 (1-based) of /proc/<pid>/stat.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of the process and every descendant: the live ones' own time, plus the time of children that have
     * ended, which the kernel adds to the parent that waited for them (PostgreSQL's backends, one per connection).
     */
    static double treeCpuSeconds(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] fields = statFields(Long.parseLong(process.getFileName().toString()));
                if (fields != null) {
                    children.computeIfAbsent(Long.parseLong(fields[1]), k -> new ArrayList<>())
                            .add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the processes", e);
        }
        double seconds = 0;
        Deque<Long> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            long pid = pending.pop();
            String[] fields = statFields(pid);
            if (fields != null) {
                // utime, stime, cutime, cstime: fields 14 to 17 (1-based) of /proc/<pid>/stat.
                seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
            }
            pending.addAll(children.getOrDefault(pid, List.of()));
        }
        return seconds;
    }

    /** The fields of /proc/<pid>/stat after the command name (state first); null when the process has ended. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Benchmark.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
            return -1;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of " + pid, e);
        }
    }
}
