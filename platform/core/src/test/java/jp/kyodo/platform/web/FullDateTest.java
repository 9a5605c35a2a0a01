package jp.kyodo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class FullDateTest {

    record Due(LocalDate dueOn) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aDateOfFourDigitsIsRead() throws Exception {
        assertThat(mapper.readValue("{\"dueOn\":\"2027-04-01\"}", Due.class).dueOn()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(mapper.readValue("{\"dueOn\":null}", Due.class).dueOn()).isNull();
    }

    @Test
    void aYearBeyondFourDigitsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> mapper.readValue("{\"dueOn\":\"+10000-01-01\"}", Due.class))
                .isInstanceOfSatisfying(InvalidFormatException.class,
                        e -> assertThat(e.getPath().get(0).getFieldName()).isEqualTo("dueOn"));
        assertThatThrownBy(() -> mapper.readValue("{\"dueOn\":\"-0001-12-31\"}", Due.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
