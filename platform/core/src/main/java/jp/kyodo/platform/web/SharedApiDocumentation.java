package jp.kyodo.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jp.kyodo.platform.idempotency.IdempotencyInterceptor;
import jp.kyodo.platform.pagination.PageRequest;

/**
 * The documentation every service's operations share, declared once: the {@code If-Match} and
 * {@code Idempotency-Key} request headers and the {@code ETag} and {@code Location} response headers as components
 * that operations refer to by name, e.g. {@code @Parameter(ref = SharedApiDocumentation.IF_MATCH)} and
 * {@code @APIResponse(headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG))}, and the paging
 * parameters with the limits {@link PageRequest} enforces. A header parameter an operation declares inline by one of
 * those names is replaced by the shared one. (The gateway's merged document adds what the gateway guarantees:
 * {@code X-Request-Id} on every answer, {@code Retry-After} on 429 and 503.)
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SharedApiDocumentation implements OASFilter {

    /** {@code components.parameters} names. */
    public static final String IF_MATCH = "IfMatch";
    public static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    /** {@code components.headers} names. */
    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addParameter(IF_MATCH, OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                .required(true)
                .description("The ETag last read (or `*` for whatever version is current): 428 without it, 412 when"
                        + " the resource changed since")
                .schema(string().minLength(1).examples(List.of("\"3\""))));
        components.addParameter(IDEMPOTENCY_KEY, OASFactory.createParameter().name("Idempotency-Key")
                .in(Parameter.In.HEADER)
                .description("A key of the client's choice: a retry with the same key and body gets the first answer"
                        + " (nothing is created twice); the same key with another body is a 422. Kept for 24 hours")
                .schema(string().minLength(1).maxLength(IdempotencyInterceptor.MAX_KEY_LENGTH)
                        .examples(List.of("0f8fad5b-d9cb-469f-a165-70867728950e"))));
        components.addHeader(ETAG, header("The version of the resource, to send back in If-Match",
                string().examples(List.of("\"3\""))));
        components.addHeader(LOCATION, header("Where the created resource is read",
                string().format("uri-reference").examples(List.of("/api/proposals/0f8fad5b-d9cb-469f-a165-70867728950e"))));

        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                operation.setParameters(sharedParameters(operation.getParameters()));
            }
        }
    }

    private static List<Parameter> sharedParameters(List<Parameter> parameters) {
        if (parameters == null) {
            return null;
        }
        List<Parameter> shared = new ArrayList<>();
        for (Parameter parameter : parameters) {
            String name = parameter.getName() == null ? "" : parameter.getName();
            if (parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase("If-Match")) {
                shared.add(OASFactory.createParameter().ref(IF_MATCH));
            } else if (parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase("Idempotency-Key")) {
                shared.add(OASFactory.createParameter().ref(IDEMPOTENCY_KEY));
            } else if (parameter.getIn() == Parameter.In.QUERY && name.equals("limit")) {
                shared.add(parameter.description("Items per page, " + 1 + " to " + PageRequest.MAX_LIMIT
                        + " (default " + PageRequest.DEFAULT_LIMIT + ")")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                                .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                                .defaultValue(PageRequest.DEFAULT_LIMIT)));
            } else if (parameter.getIn() == Parameter.In.QUERY && name.equals("cursor")) {
                shared.add(parameter.description("The nextCursor of the previous page; none for the first page")
                        .schema(string().minLength(1)));
            } else {
                shared.add(parameter);
            }
        }
        return shared;
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).required(true).schema(schema);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
