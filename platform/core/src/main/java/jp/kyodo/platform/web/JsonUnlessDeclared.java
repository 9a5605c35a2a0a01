package jp.kyodo.platform.web;

import java.lang.reflect.Method;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A resource method that declares no {@code @Produces} answers JSON, as its OpenAPI says (a view, or a
 * {@code Response} around one). A client that accepts no JSON (say {@code Accept: application/xml}) gets 406 instead
 * of the object written in the type it asked for by whatever writer claims that type. Methods that declare their
 * types (a file download, a document, open data) negotiate as JAX-RS does.
 */
@Provider
public class JsonUnlessDeclared implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(Produces.class)
                || resource.getResourceClass().isAnnotationPresent(Produces.class)) {
            return;
        }
        if (method.getReturnType() == void.class) {
            return;
        }
        if (request.getAcceptableMediaTypes().stream().noneMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new NotAcceptableException();
        }
    }
}
