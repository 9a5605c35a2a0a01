package jp.kyodo.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child process whose output goes to a log file, with a readiness wait and a stop that takes its descendants along. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} in {@code workDir}. Output and errors are appended to {@code logFile} after a header line
     * (the file is emptied first unless {@code append}).
     */
    static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> environment,
                              Path logFile, boolean append) throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(logFile.getParent());
        String header = "=== " + Instant.now() + " starting " + name + ": " + abbreviate(command) + System.lineSeparator();
        Files.writeString(logFile, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), logFile);
    }

    /** Runs a command to completion (used for one-off tools such as formatting Kafka's storage). */
    static void run(String name, List<String> command, Path workDir, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        ChildProcess tool = start(name, command, workDir, Map.of(), logFile, true);
        if (!tool.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            tool.stop(Duration.ofSeconds(5));
            throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s", logFile);
        }
        if (tool.process.exitValue() != 0) {
            throw new StackException(name + " failed with exit code " + tool.process.exitValue(), logFile);
        }
    }

    /** Polls {@code ready} until it holds; fails if the process exits first or {@code timeout} passes. */
    void awaitReady(Duration timeout, BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new StackException(name + " exited with code " + process.exitValue() + " before it was ready",
                        logFile);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(name + " was not ready within " + timeout.toSeconds() + " s", logFile);
            }
            Thread.sleep(300);
        }
    }

    /** SIGTERM to the process and all its descendants; SIGKILL to whatever is still alive after {@code grace}. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception timeoutOrFailure) {
                // killed below
            }
        }
        // Anything spawned late, or deaf to SIGTERM.
        List<ProcessHandle> leftovers = new ArrayList<>(tree);
        process.descendants().forEach(leftovers::add);
        for (ProcessHandle handle : leftovers) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        awaitGone(leftovers);
    }

    /** SIGKILL to the process and all its descendants at once, as a crash would end them; waits until they are gone. */
    void kill() {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitGone(tree);
    }

    /** The process first, then its descendants. */
    private List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        return tree;
    }

    /** Waits up to 10 s for each of the processes to be gone after a SIGKILL. */
    private static void awaitGone(List<ProcessHandle> processes) {
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ignored) {
                // nothing more to do
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once it has ended (128 + the signal's number when a signal ended it). */
    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    private static String abbreviate(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String arg : command) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(arg.length() > 200 ? arg.substring(0, 120) + "...(" + arg.length() + " chars)" : arg);
        }
        return sb.toString();
    }
}
