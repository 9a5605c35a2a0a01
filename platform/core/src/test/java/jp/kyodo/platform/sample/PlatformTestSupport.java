package jp.kyodo.platform.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.failpoint.Failpoints;
import jp.kyodo.platform.outbox.Outbox;
import jp.kyodo.platform.outbox.OutboxRelay;
import jp.kyodo.platform.outbox.OutboxRelayService;
import jp.kyodo.platform.testing.PostgresAndKafka;
import jp.kyodo.platform.testing.TestInfrastructure;

/** Real PostgreSQL and Kafka for the platform's tests, and relays each test starts and stops itself. */
@QuarkusTestResource(value = PostgresAndKafka.class, initArgs = @ResourceArg(name = "database", value = "kyodo_platform"))
public abstract class PlatformTestSupport {

    public static final String WIDGET_TOPIC = "kyodo.widgets.v1";
    public static final String WIDGET_CREATED = "jp.kyodo.widget.created.v1";

    @Inject
    protected Outbox outbox;

    @Inject
    protected OutboxRelayService relayService;

    @Inject
    protected ObjectMapper mapper;

    @Inject
    protected DataSource dataSource;

    private final List<OutboxRelay> relays = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        Failpoints.reset();
        relays.forEach(OutboxRelay::close);
        relays.clear();
    }

    protected OutboxRelay startRelay(String name, Duration pollInterval) {
        OutboxRelay.Settings defaults = relayService.settings();
        OutboxRelay relay = new OutboxRelay(name,
                new OutboxRelay.Settings(defaults.jdbcUrl(), defaults.user(), defaults.password(), pollInterval,
                        Duration.ofMillis(100), 200, Duration.ofSeconds(10)),
                OutboxRelayService.createProducer(TestInfrastructure.bootstrapServers(), name), mapper,
                OutboxRelay.Listener.NONE);
        relays.add(relay);
        return relay.start();
    }

    /** Publishes whatever earlier tests left in the outbox, so a test starts from an empty backlog. */
    protected void drainOutbox() {
        try (OutboxRelay relay = startRelay("drain", Duration.ofMillis(200))) {
            awaitTrue("the outbox is empty", Duration.ofSeconds(30),
                    () -> count("select count(*) from kyodo_outbox where sent_at is null") == 0);
        }
    }

    protected void publishInOwnTransaction(String topic, UUID widgetId, long version, String name) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new DomainEvent(topic, WIDGET_CREATED, widgetId,
                version, Map.of("widgetId", widgetId.toString(), "name", name, "version", version))));
    }

    protected long count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String text(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long appliedCount(UUID widgetId) {
        return count("select applied_count from widget_projection where widget_id = ?", widgetId);
    }

    protected static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
