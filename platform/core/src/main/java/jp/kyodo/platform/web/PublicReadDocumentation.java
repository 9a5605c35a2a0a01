package jp.kyodo.platform.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents what {@link PublicReads} does to every {@link PublicRead} operation, so that no resource has to repeat
 * it: its 200 carries an {@code ETag} and {@code Cache-Control: public}, it takes {@code If-None-Match}, and it may
 * answer 304. The operations are found in the index by the annotation, the same mark the runtime filter reads.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PublicReadDocumentation implements OASFilter {

    private static final DotName PUBLIC_READ = DotName.createSimple(PublicRead.class);
    private static final DotName GET_METHOD = DotName.createSimple(GET.class);

    private final Set<String> operationIds = new HashSet<>();

    public PublicReadDocumentation(IndexView index) {
        for (AnnotationInstance mark : index.getAnnotations(PUBLIC_READ)) {
            AnnotationTarget target = mark.target();
            if (target.kind() == AnnotationTarget.Kind.METHOD) {
                operationIds.add(OperationIds.of(target.asMethod()));
            } else if (target.kind() == AnnotationTarget.Kind.CLASS) {
                ClassInfo resource = target.asClass();
                for (MethodInfo method : resource.methods()) {
                    if (method.hasDeclaredAnnotation(GET_METHOD)) {
                        operationIds.add(OperationIds.of(method));
                    }
                }
            }
        }
    }

    /** A file streamed as it is read: {@link PublicReads} cannot digest it, and such a download sets its own caching. */
    private static boolean isStreamed(APIResponse ok) {
        return ok.getContent() != null && ok.getContent().getMediaTypes() != null
                && !ok.getContent().getMediaTypes().isEmpty()
                && ok.getContent().getMediaTypes().values().stream().allMatch(m -> m.getSchema() != null
                        && "binary".equals(m.getSchema().getFormat()));
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            Operation get = item.getGET();
            if (get != null && operationIds.contains(get.getOperationId())) {
                document(get);
            }
        }
    }

    private static void document(Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok == null || isStreamed(ok)) {
            return;
        }
        Map<String, org.eclipse.microprofile.openapi.models.headers.Header> headers = ok.getHeaders();
        if (headers == null || !headers.containsKey("ETag")) {
            ok.addHeader("ETag", OASFactory.createHeader().ref(SharedApiDocumentation.ETAG));
        }
        if (headers == null || !headers.containsKey("Cache-Control")) {
            ok.addHeader("Cache-Control", OASFactory.createHeader().required(true)
                    .description("`public, max-age=<seconds>`: anyone may keep this answer that long, then revalidate"
                            + " with If-None-Match")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .examples(List.of("public, max-age=60"))));
        }
        operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not Modified: If-None-Match named the current ETag; no body")
                .addHeader("ETag", OASFactory.createHeader().ref(SharedApiDocumentation.ETAG)));
        boolean takesIfNoneMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!takesIfNoneMatch) {
            operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("The ETag of a copy the client holds: 304 without a body while it is current")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .examples(List.of("\"Yk3v0Cq1d6mXl2o7m9hQ_A\""))));
        }
    }
}
