package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A city portal or a CDN keeps public answers and revalidates them: through the gateway, as a client sees it, a
 * current copy gets 304 without a body, at once and on a connection that stays usable; a stale tag gets the answer.
 */
@ExtendWith(SystemUnderTest.class)
class PublicCachingIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    /** A public list, a public record list and an open data set: JSON and CSV. */
    private static final List<String> PUBLIC_READS = List.of("/api/proposals/published?limit=20",
            "/api/directory/public/organizations", "/api/agreements/open-data/agreements",
            "/api/agreements/open-data/agreements?format=csv");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(PROMPTLY)
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aCurrentCopyIsRevalidatedWith304WithoutABodyAndTheConnectionServesTheNextRequest() throws Exception {
        for (String path : PUBLIC_READS) {
            HttpResponse<byte[]> first = get(path, null);
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElse(null);
            assertNotNull(etag, path + " has no ETag");
            assertTrue(first.headers().firstValue("Cache-Control").orElse("").startsWith("public, max-age="), path);

            for (int i = 0; i < 3; i++) { // again on the same kept-alive connection: the 304 must have ended
                HttpResponse<byte[]> again = get(path, etag);
                assertEquals(304, again.statusCode(), path);
                assertEquals(0, again.body().length, path + ": a 304 has no body");
                // Framing for a body that never comes makes clients such as wrk wait for it.
                assertEquals(java.util.Optional.empty(), again.headers().firstValue("Transfer-Encoding"), path);
                assertEquals(etag, again.headers().firstValue("ETag").orElse(null), path);
                assertTrue(again.headers().firstValue("X-Request-Id").isPresent(), path);
            }

            HttpResponse<byte[]> stale = get(path, "\"not-the-current-one\"");
            assertEquals(200, stale.statusCode(), path);
            assertTrue(stale.body().length > 0, path);
        }
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemUnderTest.gatewayUrl() + path))
                .timeout(PROMPTLY).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
