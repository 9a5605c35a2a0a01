package jp.kyodo.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed child dies of SIGKILL at once, its descendants with it; a stopped one gets SIGTERM first. */
class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void killEndsTheProcessAndItsDescendantsWithSigkill() throws Exception {
        // A shell that ignores SIGTERM, with a child of its own.
        ChildProcess shell = ChildProcess.start("shell", List.of("sh", "-c", "trap '' TERM; sleep 300 & wait"), dir,
                Map.of(), dir.resolve("shell.log"), false);
        ProcessHandle child = awaitChild(shell);
        long started = System.nanoTime();
        shell.kill();
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "no grace period");
        assertFalse(shell.isAlive());
        assertFalse(child.isAlive(), "the descendant went with it");
        assertEquals(128 + 9, shell.exitValue(), "ended by SIGKILL");
    }

    @Test
    void stopSendsSigtermFirst() throws Exception {
        ChildProcess sleeper = ChildProcess.start("sleeper", List.of("sleep", "300"), dir, Map.of(),
                dir.resolve("sleeper.log"), false);
        sleeper.stop(Duration.ofSeconds(10));
        assertFalse(sleeper.isAlive());
        assertEquals(128 + 15, sleeper.exitValue(), "ended by SIGTERM");
        assertTrue(Files.readString(dir.resolve("sleeper.log")).startsWith("=== "), "the log has its header");
    }

    private static ProcessHandle awaitChild(ChildProcess process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var children = ProcessHandle.of(process.pid()).orElseThrow().children().toList();
            if (!children.isEmpty()) {
                return children.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the shell started no child");
    }
}
