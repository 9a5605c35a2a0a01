package jp.kyodo.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.sample.PlatformTestSupport;

/** The test profile turns the check on: a transaction that audits a change without announcing it cannot commit. */
@QuarkusTest
class EveryChangeAnnouncedTest extends PlatformTestSupport {

    @Inject
    AuditTrail audit;

    @Test
    void aChangeAnnouncedAtTheVersionItProducedCommits() {
        UUID widget = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record(AuditRecord.of("Widget", widget, 3, "painted").transition("RED", "BLUE"));
            announce(widget, 3);
        });
        assertThat(count("select count(*) from kyodo_audit_entry where aggregate_id = ? and aggregate_version = 3 "
                + "and announced", widget)).isEqualTo(1);
    }

    @Test
    void aChangeWithoutItsEventDoesNotCommit() {
        UUID widget = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> audit.record(AuditRecord.of("Widget", widget, 1, "polished"))))
                .hasStackTraceContaining("Widget " + widget + "/polished at version 1");
        assertThat(count("select count(*) from kyodo_audit_entry where aggregate_id = ?", widget)).isZero();
    }

    @Test
    void anEventOfAnotherVersionOrAggregateDoesNotCount() {
        UUID widget = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record(AuditRecord.of("Widget", widget, 2, "painted"));
            announce(widget, 1);
            announce(UUID.randomUUID(), 2);
        })).hasStackTraceContaining("Widget " + widget + "/painted at version 2");
        assertThat(count("select count(*) from kyodo_outbox where subject = ?", widget.toString())).isZero();
    }

    @Test
    void aChangeThatSaysWhyItIsNoEventCommitsUnannounced() {
        UUID widget = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditRecord.of("Widget", widget, 0, "sketched")
                .unannounced("a sketch is its author's own until shown")));
        assertThat(count("select count(*) from kyodo_audit_entry where aggregate_id = ? and not announced", widget))
                .isEqualTo(1);
    }

    private void announce(UUID widget, long version) {
        outbox.publish(new DomainEvent(WIDGET_TOPIC, WIDGET_CREATED, widget, version,
                Map.of("widgetId", widget.toString(), "name", "w", "version", version)));
    }
}
