package jp.kyodo.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class EventSchemasTest {

    private final EventSchemas schemas = new EventSchemas();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPayloadThatFollowsItsSchemaIsValid() throws Exception {
        assertThat(schemas.validate("jp.kyodo.widget.created.v1",
                json.readTree("{\"widgetId\":\"6f1c8f9e-4b0a-4c52-9a7e-0d3c2f1b9a11\",\"name\":\"w\",\"version\":3}")))
                .isEmpty();
    }

    @Test
    void aBrokenExampleFailsValidation() throws Exception {
        assertThat(schemas.validate("jp.kyodo.widget.created.v1",
                json.readTree("{\"widgetId\":\"6f1c8f9e-4b0a-4c52-9a7e-0d3c2f1b9a11\",\"version\":3,\"colour\":\"RED\"}")))
                .as("missing required name and an undeclared property")
                .hasSize(2);
        assertThatThrownBy(() -> schemas.requireValid("jp.kyodo.widget.created.v1", json.readTree("{}")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventTypeWithoutSchemaCannotBePublished() {
        assertThat(schemas.hasSchema("jp.kyodo.widget.created.v1")).isTrue();
        assertThatThrownBy(() -> schemas.validate("jp.kyodo.unknown.v1", json.createObjectNode()))
                .hasMessageContaining("no JSON Schema");
    }

    @Test
    void aRetiredTypeIsReadableButCannotBePublished() throws Exception {
        var payload = json.readTree("{\"widgetId\":\"6f1c8f9e-4b0a-4c52-9a7e-0d3c2f1b9a11\",\"name\":\"w\"}");
        assertThat(schemas.validate("jp.kyodo.widget.painted.v1", payload)).isEmpty();
        assertThat(schemas.isRetired("jp.kyodo.widget.painted.v1")).isTrue();
        assertThat(schemas.isRetired("jp.kyodo.widget.created.v1")).isFalse();
        assertThatThrownBy(() -> schemas.requireValid("jp.kyodo.widget.painted.v1", payload))
                .hasMessageContaining("retired");
    }
}
