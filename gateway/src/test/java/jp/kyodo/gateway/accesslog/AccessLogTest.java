package jp.kyodo.gateway.accesslog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AccessLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
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
        Logger.getLogger(AccessLog.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(AccessLog.CATEGORY).removeHandler(capture);
    }

    @Test
    void aRequestIsOneLineWithItsClientStatusAndRequestId() throws InterruptedException {
        String path = "/api/directory/organizations/" + UUID.randomUUID();
        given().header("X-Request-Id", "access-line-1").get(path).then().statusCode(200);
        String line = awaitLine(path);
        assertTrue(line.matches("address 127\\.0\\.0\\.1 \"GET " + path + "\" 200 \\d+ \\d+ ms requestId=access-line-1"),
                line);
    }

    @Test
    void linesReachTheFile() throws Exception {
        String path = "/api/directory/organizations/" + UUID.randomUUID();
        given().get(path).then().statusCode(200);
        Path file = Path.of("target/access.log");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!(Files.exists(file) && Files.readString(file).contains(path))) {
            assertTrue(System.nanoTime() < deadline, "the access log file shows " + path);
            Thread.sleep(20);
        }
    }

    @Test
    void healthProbesAreNotLogged() throws InterruptedException {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/api/directory/organizations?after-probes").then().statusCode(200);
        awaitLine("after-probes");
        assertTrue(lines.stream().noneMatch(l -> l.contains("/q/health")), lines.toString());
    }

    @Test
    void aFloodOfRefusalsIsOneLineNotOneEach() throws InterruptedException {
        String subject = "flood-" + UUID.randomUUID();
        String token = Tokens.forClient("kyodo-web", subject);
        for (int i = 0; i < GatewayTestProfile.AUTHENTICATED_CAPACITY; i++) {
            given().auth().oauth2(token).get("/api/directory/organizations").then().statusCode(200);
        }
        for (int i = 0; i < 50; i++) {
            given().auth().oauth2(token).get("/api/directory/organizations?refused=" + i).then().statusCode(429);
        }
        given().auth().oauth2(Tokens.valid()).get("/api/directory/organizations?after-flood").then().statusCode(200);
        awaitLine("after-flood");
        List<String> refusals = lines.stream().filter(l -> l.contains(subject) && l.contains("\" 429 ")).toList();
        assertEquals(1, refusals.size(), "only the first refusal has a line of its own: " + refusals);
        assertTrue(refusals.get(0).contains("further refusals of this client are summarised"), refusals.get(0));
    }

    private String awaitLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.contains(fragment)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no access log line with " + fragment + "; saw " + lines);
    }
}
