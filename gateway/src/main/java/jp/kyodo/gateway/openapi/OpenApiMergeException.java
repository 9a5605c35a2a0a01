package jp.kyodo.gateway.openapi;

/** The documents cannot be merged without losing or inventing information. */
public class OpenApiMergeException extends RuntimeException {

    public OpenApiMergeException(String message) {
        super(message);
    }
}
