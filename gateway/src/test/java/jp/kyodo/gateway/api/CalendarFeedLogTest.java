package jp.kyodo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;

/**
 * A personal calendar feed's address is its credential: the gateway passes it on to notification-service but writes it
 * to no log, neither the access log nor the line about a failed upstream call. An ordinary request is logged, so the
 * capture is seen to work (should the access log change, this test has to follow it).
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CalendarFeedLogTest {

    private static final String ACCESS_LOG = jp.kyodo.gateway.accesslog.AccessLog.CATEGORY;
    private static final String SECRET = "c2VjcmV0LWZlZWQtYWRkcmVzcy1vZi1hLXBlcnNvbi0x";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLoggerName() + " " + new org.jboss.logmanager.formatters.PatternFormatter("%s").format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(ACCESS_LOG).addHandler(capture);
        Logger.getLogger("jp.kyodo.gateway").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(ACCESS_LOG).removeHandler(capture);
        Logger.getLogger("jp.kyodo.gateway").removeHandler(capture);
    }

    @Test
    void aFeedsAddressIsPassedOnButNeverLogged() {
        given().get("/api/notifications/calendar-feeds/" + SECRET + ".ics").then().statusCode(200)
                .header("X-Echo-Upstream", "notifications");
        given().get("/api/notifications/calendar%2Dfeeds/" + SECRET + ".ics").then().statusCode(200);
        given().get("/api/notifications/calendar-feeds/" + SECRET + ".ics?close=1").then().statusCode(502);
        given().header("X-Request-Id", "feed-log-after").get("/api/notifications/me/tasks").then().statusCode(200);

        awaitLine(l -> l.startsWith(ACCESS_LOG) && l.contains("requestId=feed-log-after"));
        awaitLine(l -> l.contains("notifications service failed"));
        String failed = lines.stream().filter(l -> l.contains("notifications service failed")).findFirst().orElseThrow();
        assertTrue(failed.contains("/api/notifications/calendar-feeds/" + LoggedPaths.REDACTED), failed);
        assertEquals(List.of(), lines.stream().filter(l -> l.contains(SECRET)).toList());
    }

    private void awaitLine(Predicate<String> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines.stream().noneMatch(wanted)) {
            if (System.nanoTime() > deadline) {
                fail("no such log line; saw " + lines);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
    }
}
