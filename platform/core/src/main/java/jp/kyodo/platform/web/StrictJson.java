package jp.kyodo.platform.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How every service reads JSON, set once here: a request body is one JSON value and nothing after it
 * ({@code {"a":1} garbage} is malformed, not {@code {"a":1}}: Jackson stops after the first value unless told
 * otherwise), and an object names each property once ({@code {"reason":"x","reason":"y"}} is refused naming
 * {@code reason}, where Jackson would keep the last value, or fail inside a record's constructor).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
