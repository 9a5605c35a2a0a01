package jp.kyodo.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;


/**
 * HTTP caching of public reads, one rule for every service. A successful GET is a public read when its resource
 * method (or class) carries {@link PublicRead} or the method marked the answer with {@link #publicly}. Such an
 * answer gets
 * <ul>
 * <li>{@code Cache-Control: public, max-age=<kyodo.http-cache.public-max-age>}: a shared cache may keep it for that
 * long and then revalidates;</li>
 * <li>an {@code ETag}: the one the resource set (a record's version, which writes also use in {@code If-Match}), or
 * else a digest of the body, so that a page of a list changes its tag exactly when its content changes;</li>
 * <li>{@code 304 Not Modified} without a body when {@code If-None-Match} names that tag (weak comparison, RFC 9110
 * 13.1.2), which spares the transfer and the client's parsing.</li>
 * </ul>
 * Answers that depend on the caller are never marked: only what an anonymous caller could read anyway is public.
 */
public class PublicReads {

    private static final String PUBLIC = "public";

    @Inject
    ResponseJson json;

    @ConfigProperty(name = "kyodo.http-cache.public-max-age", defaultValue = "60s")
    Duration maxAge;

    /** Marks one answer as a public read (for a method whose answers are public only in some cases). */
    public static Response.ResponseBuilder publicly(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, PUBLIC);
    }

    @ServerResponseFilter
    public void cachePublicReads(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        if (response.getStatus() != 200 || !isRead(request.getMethod()) || !isPublic(response, resource)) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PUBLIC + ", max-age=" + maxAge.toSeconds());
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            byte[] body = bodyOf(response.getEntity());
            if (body == null) {
                return;
            }
            tag = new EntityTag(digest(body));
            // A view is written here, as the JSON every answer is (absent values omitted), and says so.
            MediaType type = response.getMediaType() != null ? response.getMediaType()
                    : response.getEntity() instanceof byte[] || response.getEntity() instanceof String ? null
                            : MediaType.APPLICATION_JSON_TYPE;
            response.setEntity(body, response.getEntityAnnotations(), type);
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private static boolean isPublic(ContainerResponseContext response, ResourceInfo resource) {
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null) {
            return PUBLIC.equals(cacheControl);
        }
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PublicRead.class)
                        || resource.getResourceClass().isAnnotationPresent(PublicRead.class));
    }

    /** The bytes the answer will carry; null when it is streamed and cannot be digested up front. */
    private byte[] bodyOf(Object entity) {
        if (entity == null) {
            return null;
        }
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (entity instanceof jakarta.ws.rs.core.StreamingOutput || entity instanceof java.io.InputStream) {
            return null;
        }
        try {
            return json.write(entity).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 9110 13.1.2: {@code *}, or any listed tag equal to ours once the weakness prefix is ignored. */
    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if ("*".equals(value)) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    && value.substring(1, value.length() - 1).equals(tag.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** A short digest of a body, fit for an ETag: 128 bits of its SHA-256, base64url. */
    public static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            // 128 bits tell apart any two versions a cache will ever hold.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
