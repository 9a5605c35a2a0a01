package jp.kyodo.platform.web;

import java.lang.reflect.Method;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * A resource method that declares no {@code @Produces} and returns an object answers JSON, as its OpenAPI says. A
 * client that accepts no JSON (say {@code Accept: application/xml}) gets 406 instead of the object written in the
 * type it asked for by whatever writer claims that type. Methods that declare their types, or build their own
 * {@link Response} (a file download, a document), negotiate as JAX-RS does.
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
        Class<?> returned = method.getReturnType();
        if (returned == void.class || Response.class.isAssignableFrom(returned)
                || RestResponse.class.isAssignableFrom(returned)) {
            return;
        }
        if (request.getAcceptableMediaTypes().stream().noneMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new NotAcceptableException();
        }
    }
}
