package jp.kyodo.gateway.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem document, with the request id as an extension member so a caller can quote it
 * when reporting the failure.
 */
public record Problem(String type, String title, int status, String detail, String requestId, Language language) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Buffer toJson() {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.toBuffer();
    }
}
