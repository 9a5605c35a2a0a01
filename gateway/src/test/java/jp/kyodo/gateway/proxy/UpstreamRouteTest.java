package jp.kyodo.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UpstreamRouteTest {

    @Test
    void hostPortAndSchemeComeFromTheBaseUrl() {
        UpstreamRoute route = UpstreamRoute.of("proposals", List.of(URI.create("http://127.0.0.1:8082")),
                Duration.ofSeconds(10));
        assertEquals("/api/proposals/*", route.routePattern());
        assertEquals(List.of(new Origin("127.0.0.1", 8082, false)), route.replicas().origins());
        assertFalse(route.replicas().isReplicated());

        UpstreamRoute tls = UpstreamRoute.of("directory", List.of(URI.create("https://directory.internal/")),
                Duration.ofSeconds(1));
        assertEquals(new Origin("directory.internal", 443, true), tls.replicas().origins().get(0));
    }

    @Test
    void aBasePathIsRefusedBecausePathsAreNeverRewritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UpstreamRoute.of("proposals", List.of(URI.create("http://127.0.0.1:8082/v1")), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("kyodo.gateway.upstream.proposals"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> UpstreamRoute.of("proposals", List.of(URI.create("ftp://127.0.0.1")), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> UpstreamRoute.of("proposals", List.of(), Duration.ofSeconds(1)));
    }

    @Test
    void requestsGoRoundRobinOverTheReplicasThatAreUp() {
        Replicas replicas = replicas(3);
        Set<Origin> picked = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            picked.add(replicas.pick(List.of()));
        }
        assertEquals(Set.copyOf(replicas.origins()), picked, "each replica once in three requests");

        Origin down = replicas.origins().get(1);
        replicas.markDown(down, "test");
        for (int i = 0; i < 6; i++) {
            assertTrue(!down.equals(replicas.pick(List.of())), "a replica that is down gets no requests");
        }
        replicas.markUp(down);
        Set<Origin> again = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            again.add(replicas.pick(List.of()));
        }
        assertTrue(again.contains(down), "back in the rotation once up");
    }

    @Test
    void aRetryGoesToAReplicaNotTriedYetAndEveryReplicaIsTriedWhenAllAreDown() {
        Replicas replicas = replicas(2);
        replicas.origins().forEach(o -> replicas.markDown(o, "test"));
        List<Origin> tried = new ArrayList<>();
        tried.add(replicas.pick(tried));
        Origin second = replicas.pick(tried);
        assertTrue(second != null && !tried.contains(second), "the other replica, though it is down too");
        tried.add(second);
        assertNull(replicas.pick(tried), "nothing left to try");
    }

    private static Replicas replicas(int n) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add(URI.create("http://127.0.0.1:" + (18000 + i)));
        }
        return UpstreamRoute.of("proposals", urls, Duration.ofSeconds(1)).replicas();
    }
}
