package jp.kyodo.gateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The one profile every Quarkus test of the gateway uses, so the application boots once: a mock OIDC
 * server that signs real tokens, echo upstreams, and a short timeout on the agreements route.
 */
public class GatewayTestProfile implements QuarkusTestProfile {

    /** Short, so the 504 test is quick; the echo servers answer in milliseconds otherwise. */
    public static final long AGREEMENTS_TIMEOUT_MILLIS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kyodo.gateway.timeout.agreements", AGREEMENTS_TIMEOUT_MILLIS + "ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(OidcWiremockTestResource.class),
                new TestResourceEntry(EchoUpstreams.class));
    }
}
