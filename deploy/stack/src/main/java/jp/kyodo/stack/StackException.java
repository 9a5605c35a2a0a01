package jp.kyodo.stack;

import java.nio.file.Path;
import java.util.Optional;

/** A component could not be started or stopped. The message says which one and, where there is one, where its log is. */
public class StackException extends RuntimeException {

    private final transient Path logFile;

    public StackException(String message) {
        this(message, null, null);
    }

    public StackException(String message, Path logFile) {
        this(message, logFile, null);
    }

    public StackException(String message, Path logFile, Throwable cause) {
        super(logFile == null ? message : message + " (log: " + logFile + ")", cause);
        this.logFile = logFile;
    }

    /** The log of the component that failed, if it has one. */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
