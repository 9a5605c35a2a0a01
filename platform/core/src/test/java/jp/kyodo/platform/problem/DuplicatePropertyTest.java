package jp.kyodo.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

import jp.kyodo.platform.web.StrictJson;

/** The JSON reading every service shares refuses a repeated property and says where it stands. */
class DuplicatePropertyTest {

    record Reason(String actingFor, String reason) {
    }

    record Task(String title, List<Reason> steps) {
    }

    /** A body whose type one of its properties names, as the forms' steps are read. */
    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
            include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY, property = "form")
    @com.fasterxml.jackson.annotation.JsonSubTypes(@com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Report.class,
            name = "ADOPT_PROGRAM"))
    interface FormReport {
    }

    record Report(String form, String actingFor) implements FormReport {
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
    void aRepeatedPropertyOfABodyNamingItsTypeIsNamed() {
        assertThat(repeated("{\"form\":\"ADOPT_PROGRAM\",\"form\":\"ADOPT_PROGRAM\",\"actingFor\":\"a\"}",
                FormReport.class)).isEqualTo("form");
        assertThat(repeated("{\"actingFor\":\"a\",\"actingFor\":\"b\",\"form\":\"ADOPT_PROGRAM\"}",
                FormReport.class)).isEqualTo("actingFor");
    }

    @Test
    void anUnknownTypeNameRepeatedFirstIsTheTypePropertysError() {
        // The type is read from the first "form" before the parser reaches the second one.
        Throwable refused = catchThrowable(() -> mapper.readValue(
                "{\"form\":\"again\",\"form\":\"ADOPT_PROGRAM\",\"actingFor\":\"a\"}", FormReport.class));
        assertThat(refused).isInstanceOf(InvalidTypeIdException.class);
        assertThat(ProblemMappers.typeProperty((InvalidTypeIdException) refused)).isEqualTo("form");
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
