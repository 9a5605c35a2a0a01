package jp.kyodo.stack;

/**
 * Hook for loading demo data into a freshly started local system. {@link LocalStack} calls {@link #load(Stack)} once
 * every service is ready, before it prints the URLs.
 *
 * <p>It loads nothing yet: the demo data set will be written here (through the gateway's API, acting as the demo
 * users of the realm) once the services exist. It must be idempotent, because the data folder persists between runs.
 */
public final class DemoData {

    private DemoData() {
    }

    /** Loads the demo data if it is not there yet. Currently a no-op. */
    public static void load(Stack stack) {
        // Intentionally empty until the services provide the API to load demo data through.
    }
}
