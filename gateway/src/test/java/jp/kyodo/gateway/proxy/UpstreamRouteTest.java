package jp.kyodo.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class UpstreamRouteTest {

    @Test
    void hostPortAndSchemeComeFromTheBaseUrl() {
        UpstreamRoute route = UpstreamRoute.of("proposals", URI.create("http://127.0.0.1:8082"), Duration.ofSeconds(10));
        assertEquals("/api/proposals/*", route.routePattern());
        assertEquals("127.0.0.1", route.host());
        assertEquals(8082, route.port());

        UpstreamRoute tls = UpstreamRoute.of("directory", URI.create("https://directory.internal/"), Duration.ofSeconds(1));
        assertTrue(tls.tls());
        assertEquals(443, tls.port());
    }

    @Test
    void aBasePathIsRefusedBecausePathsAreNeverRewritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UpstreamRoute.of("proposals", URI.create("http://127.0.0.1:8082/v1"), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("kyodo.gateway.upstream.proposals"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> UpstreamRoute.of("proposals", URI.create("ftp://127.0.0.1"), Duration.ofSeconds(1)));
    }
}
