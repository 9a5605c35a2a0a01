package jp.kyodo.platform.web;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How every service reads JSON, set once here: a request body is one JSON value and nothing after it
 * ({@code {"a":1} garbage} is malformed, not {@code {"a":1}}: Jackson stops after the first value unless told
 * otherwise), and an object names each property once ({@code {"reason":"x","reason":"y"}} is refused naming
 * {@code reason}, where Jackson would keep the last value, or fail inside a record's constructor), and a date has a
 * four-digit year, as the documented {@code format: date} (RFC 3339 full-date) is written: {@code +10000-01-01}
 * would be kept and then answered in a form no client reads.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last: Quarkus registers its own modules (java.time among them) in customizers, and the last date reader wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("kyodo-full-dates").addDeserializer(LocalDate.class, new FullDate()));
    }

    /**
     * ISO 8601 dates of the years 0001 to 9999 (400 naming the field otherwise). It wraps Jackson's reader rather than
     * extending it: the property-specific copies Jackson makes of its reader would drop a subclass.
     */
    static final class FullDate extends StdScalarDeserializer<LocalDate> {

        FullDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
                throw InvalidFormatException.from(parser, "a date of the years 0001 to 9999", parser.getText(),
                        LocalDate.class);
            }
            return date;
        }
    }
}
