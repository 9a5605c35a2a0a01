package jp.kyodo.platform.web;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON of HTTP answers: a value that is absent is left out, never written as {@code null}. The OpenAPI documents
 * say the same (a property that can be absent is not {@code required}; every other one is), so a client generated
 * with strict null handling reads every answer. Only HTTP bodies: event payloads, audit records and stored documents
 * keep the application's own mapper, since their JSON Schemas and readers expect what they always had.
 */
@Provider
@Singleton
public class ResponseJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    @Inject
    public ResponseJson(ObjectMapper application) {
        this.mapper = application.copy()
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL));
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** A body written as the HTTP layer would write it, for answers stored and replayed verbatim. */
    public String write(Object body) throws JsonProcessingException {
        return mapper.writeValueAsString(body);
    }
}
