package jp.kyodo.platform.inbox;

/**
 * An event that can never be processed however often it is retried (not a CloudEvent, a payload that does not
 * fit its type): it goes to the dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
