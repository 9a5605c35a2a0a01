package jp.kyodo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RequestIdLogTest {

    /** What was logged, with the request id the MDC held at that moment. */
    record Line(String logger, String message, String mdcRequestId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String mdc = record instanceof ExtLogRecord ext ? ext.getMdc(RequestId.MDC_KEY) : null;
            String message = record.getParameters() == null ? record.getMessage()
                    : new org.jboss.logmanager.formatters.PatternFormatter("%s").format(record);
            lines.add(new Line(record.getLoggerName(), message, mdc));
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
        Logger.getLogger("jp.kyodo.gateway.access").addHandler(capture);
        Logger.getLogger("jp.kyodo.gateway").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("jp.kyodo.gateway.access").removeHandler(capture);
        Logger.getLogger("jp.kyodo.gateway").removeHandler(capture);
    }

    @Test
    void theAccessLogShowsTheRequestId() {
        given().header("X-Request-Id", "log-access-1").get("/api/directory/organizations").then().statusCode(200);
        Line line = await(l -> l.logger().equals("jp.kyodo.gateway.access") && l.message().contains("/api/directory/organizations"));
        assertTrue(line.message().contains("requestId=log-access-1"), line.message());
    }

    @Test
    void theAccessLogShowsAGeneratedIdToo() {
        String id = given().get("/api/proposals/log-generated").then().statusCode(200).extract().header("X-Request-Id");
        Line line = await(l -> l.logger().equals("jp.kyodo.gateway.access") && l.message().contains("/api/proposals/log-generated"));
        assertTrue(line.message().contains("requestId=" + id), line.message());
    }

    @Test
    void routeLogLinesCarryTheRequestIdInTheMdc() {
        given().header("X-Request-Id", "log-route-1").get("/api/directory/organizations?close=1").then().statusCode(502);
        Line line = await(l -> l.logger().startsWith("jp.kyodo.gateway.proxy") && l.message().contains("directory service failed"));
        assertTrue("log-route-1".equals(line.mdcRequestId()), "MDC requestId was " + line.mdcRequestId());
    }

    private Line await(Predicate<Line> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (Line line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("no such log line; saw " + lines);
        return null;
    }
}
