package jp.kyodo.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

/** The default limit, 1 MiB, applies in tests. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class BodySizeLimitTest {

    private static final int LIMIT = 1024 * 1024;

    @Test
    void aDeclaredLengthOverTheLimitIs413AndNeverReachesTheService() {
        String path = "/api/proposals/" + UUID.randomUUID();
        given().auth().oauth2(Tokens.valid())
                .header("X-Request-Id", "big-1")
                .contentType("application/json")
                .body(json(LIMIT + 1))
                .post(path)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .header("X-Request-Id", "big-1")
                .body("type", equalTo("urn:kyodo:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("1 MiB"))
                .body("requestId", equalTo("big-1"));
        assertThat(Upstreams.urisSeenBy("proposals"), not(hasItem(path)));
    }

    @Test
    void aBodyOfExactlyTheLimitPasses() {
        given().auth().oauth2(Tokens.valid())
                .contentType("application/json")
                .body(json(LIMIT))
                .put("/api/agreements/" + UUID.randomUUID())
                .then().statusCode(200)
                .body("bodyLength", equalTo(LIMIT));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndNeverReachesTheService() {
        String path = "/api/proposals/" + UUID.randomUUID();
        given().auth().oauth2(Tokens.valid())
                .header("Accept-Language", "ja")
                .contentType("application/json")
                .body(new ByteArrayInputStream(json(LIMIT + 1)))
                .post(path)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .header("Content-Language", "ja")
                .body("type", equalTo("urn:kyodo:problem:payload-too-large"))
                .body("detail", containsString("上限（1 MiB）"));
        assertThat(Upstreams.urisSeenBy("proposals"), not(hasItem(path)));
    }

    @Test
    void aChunkedBodyWithinTheLimitArrivesWholeWithItsLength() {
        byte[] body = json(LIMIT);
        String echoed = given().auth().oauth2(Tokens.valid())
                .contentType("application/json")
                .body(new ByteArrayInputStream(body))
                .post("/api/proposals/" + UUID.randomUUID() + "/revisions")
                .then().statusCode(200)
                .body("bodyLength", equalTo(LIMIT))
                .body("headers.'content-length'[0]", equalTo(String.valueOf(LIMIT)))
                .body("headers.'transfer-encoding'", nullValue())
                .extract().path("body");
        assertEquals(new String(body, StandardCharsets.UTF_8), echoed);
    }

    @Test
    void anUploadMayBeLargerAndIsStreamedThroughWithItsLength() {
        int size = 3 * LIMIT;
        given().auth().oauth2(Tokens.valid())
                .contentType("application/octet-stream")
                .body(new byte[size])
                .post("/api/agreements/" + UUID.randomUUID() + "/working-copy/attachments")
                .then().statusCode(200)
                .body("bodyLength", equalTo(size))
                .body("headers.'transfer-encoding'", nullValue());
        // Every other route keeps the 1 MiB limit, a GET-like path with the same size included.
        given().auth().oauth2(Tokens.valid()).contentType("application/octet-stream").body(new byte[size])
                .post("/api/agreements/" + UUID.randomUUID() + "/signatures").then().statusCode(413);
    }

    @Test
    void anUploadOverItsLimitIs413AndOneWithoutALengthIs411() throws Exception {
        String path = "/api/directory/organizations/" + UUID.randomUUID() + "/attachments";
        given().auth().oauth2(Tokens.valid()).contentType("application/octet-stream")
                .body(new byte[21 * LIMIT + 1]).post(path)
                .then().statusCode(413).body("detail", containsString("21 MiB"));
        // REST Assured gives a binary stream its length; Java's own client sends a body of unknown length chunked.
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                        .header("Authorization", "Bearer " + Tokens.valid())
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1000])))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(411, chunked.statusCode());
        assertEquals("application/problem+json", chunked.headers().firstValue("Content-Type").orElse(""));
        assertThat(chunked.body(), containsString("urn:kyodo:problem:length-required"));
        assertThat(Upstreams.urisSeenBy("directory"), not(hasItem(path)));
    }

    @Test
    void theConnectionStaysUsableAfterARefusal() throws IOException {
        // The refused body is read and dropped, so the caller reads the 413 and can send its next request
        // on the same connection. REST Assured opens a connection per call, so this speaks HTTP itself.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(("POST /api/proposals HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json(LIMIT + 1));
            out.flush();
            assertEquals(413, readResponse(in));
            out.write("GET /api/proposals HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(200, readResponse(in));
        }
    }

    /** Reads one response with a Content-Length body; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        int status = Integer.parseInt(readLine(in).split(" ")[1]);
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void sizesAreStatedReadably() {
        assertEquals("1 MiB", BodySizeLimit.humanReadable(LIMIT));
        assertEquals("512 KiB", BodySizeLimit.humanReadable(512 * 1024));
        assertEquals("1000 bytes", BodySizeLimit.humanReadable(1000));
    }

    /** A JSON document of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = "{\"p\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[size - 2] = '"';
        bytes[size - 1] = '}';
        return bytes;
    }
}
