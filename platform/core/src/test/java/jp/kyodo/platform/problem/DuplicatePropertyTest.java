package jp.kyodo.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.platform.web.StrictJson;

/** The JSON reading every service shares refuses a repeated property and says where it stands. */
class DuplicatePropertyTest {

    record Reason(String actingFor, String reason) {
    }

    record Task(String title, List<Reason> steps) {
    }

    private final ObjectMapper mapper = strict();

    @Test
    void aRepeatedPropertyIsNamedWithItsPath() {
        assertThat(repeated("{\"actingFor\":\"a\",\"reason\":\"x\",\"reason\":\"y\"}", Reason.class)).isEqualTo("reason");
        assertThat(repeated("{\"title\":\"t\",\"steps\":[{\"reason\":\"x\"},{\"reason\":\"x\",\"reason\":\"y\"}]}",
                Task.class)).isEqualTo("steps[1].reason");
        assertThat(repeated("{\"a\":{\"b\":[[{\"c\":1,\"c\":2}]]}}", Map.class)).isEqualTo("a.b[0][0].c");
    }

    @Test
    void theSameNameInDifferentObjectsIsNoRepetition() throws Exception {
        assertThat(mapper.readValue("{\"title\":\"t\",\"steps\":[{\"reason\":\"x\"},{\"reason\":\"y\"}]}", Task.class)
                .steps()).hasSize(2);
    }

    private String repeated(String json, Class<?> type) {
        Throwable refused = catchThrowable(() -> mapper.readValue(json, type));
        assertThat(refused).as(json).isNotNull();
        return ProblemMappers.duplicateProperty(refused);
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
