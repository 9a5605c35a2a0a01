package jp.kyodo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the kernel says about a process: its CPU time and resident memory (Linux /proc). */
final class Processes {

    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux this runs on). */
    private static final double TICKS_PER_SECOND = 100.0;

    private Processes() {
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // After the command name in parentheses: state is field 3, utime 14 and stime 15 (1-based).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of " + pid, e);
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
