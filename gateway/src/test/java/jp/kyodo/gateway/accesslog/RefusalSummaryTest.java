package jp.kyodo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RefusalSummaryTest {

    private final List<String> lines = new ArrayList<>();
    private final RefusalSummary summary = new RefusalSummary(Duration.ofSeconds(60), 2, lines::add);

    @Test
    void aClientsFirstRefusalIsLoggedAndTheRestBecomeOneLinePerInterval() {
        assertTrue(summary.firstOf("address 192.0.2.1"));
        for (int i = 0; i < 10_000; i++) {
            assertFalse(summary.firstOf("address 192.0.2.1"));
        }
        summary.flush();
        assertEquals(List.of("address 192.0.2.1: 10000 more requests refused (429 Too Many Requests) in the last 60 s"),
                lines);

        lines.clear();
        summary.flush();
        assertEquals(List.of(), lines, "nothing to say when nothing was refused");
        assertTrue(summary.firstOf("address 192.0.2.1"), "a new interval starts with a full line again");
    }

    @Test
    void beyondTheCountedClientsTheRestAreSummedUpTogether() {
        summary.firstOf("address 192.0.2.1");
        summary.firstOf("address 192.0.2.2");
        for (int i = 3; i < 1_003; i++) {
            assertFalse(summary.firstOf("address 192.0.2." + i));
        }
        summary.flush();
        assertEquals(List.of("other clients: 1000 requests refused (429 Too Many Requests) in the last 60 s"), lines);
    }
}
