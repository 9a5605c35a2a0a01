package jp.kyodo.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The whole system on embedded infrastructure: PostgreSQL, Kafka, Keycloak and the packaged services, each started
 * and stopped on demand. Used by {@link LocalStack} (the local run command) and by the system tests.
 *
 * <pre>{@code
 * try (Stack stack = Stack.create(StackConfig.builder(repoRoot).randomPorts().build()).startAll()) {
 *     String gateway = stack.url(ServiceSpec.GATEWAY);   // http://127.0.0.1:<port>
 *     stack.stop(Stack.KAFKA); stack.start(Stack.KAFKA); // fault tests: the data is kept
 *     stack.kill(ServiceSpec.PROPOSALS);                 // SIGKILL, a crash
 *     stack.start(ServiceSpec.PROPOSALS, Map.of("KYODO_FAILPOINTS", "outbox.after-ack"));
 *     stack.startAgainst(ServiceSpec.PROPOSALS, "kyodo_proposals_restored"); // a restored backup, this start only
 * }
 * }</pre>
 *
 * <p>Infrastructure starts in parallel, then the domain services in parallel, then the gateway. A component that does
 * not become ready (it exits, or its readiness check does not pass in time) fails the start with a
 * {@link StackException} naming its log, after everything already started has been stopped. Components stop in the
 * reverse order, child processes together with their descendants; a JVM shutdown hook does the same on Ctrl-C.
 */
public final class Stack implements AutoCloseable {

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final String KEYCLOAK = "keycloak";
    public static final String SMTP = "smtp";
    /** The S3-compatible object store (S3Proxy). */
    public static final String OBJECT_STORE = "objectstore";
    public static final List<String> INFRASTRUCTURE = List.of(POSTGRES, KAFKA, KEYCLOAK, SMTP, OBJECT_STORE);

    private final StackConfig config;
    private final Progress progress;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final List<Component> started = Collections.synchronizedList(new ArrayList<>());
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread shutdownHook;
    private volatile Thread starter;
    private volatile boolean shuttingDown;

    private Stack(StackConfig config) {
        this.config = config;
        this.progress = new Progress(config.progress());
        // Keycloak first: it takes longest, so it is launched first when the infrastructure starts in parallel.
        add(new KeycloakComponent(config, progress));
        add(new PostgresComponent(config, progress));
        add(new KafkaComponent(config, progress));
        add(new SmtpComponent(config, progress));
        add(new ObjectStoreComponent(config, progress));
        for (ServiceSpec spec : config.services()) {
            add(new ServiceComponent(spec, config, progress));
        }
        this.shutdownHook = new Thread(this::onShutdown, "kyodo-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void add(Component component) {
        components.put(component.name(), component);
    }

    /** A stack with nothing started yet; a JVM shutdown hook will stop whatever gets started. */
    public static Stack create(StackConfig config) {
        return new Stack(config);
    }

    public StackConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- starting

    /** Starts PostgreSQL, Kafka, Keycloak and the object store (those not running yet), in parallel; returns when all are ready. */
    public Stack startInfrastructure() {
        return locked(() -> startGroup(List.of(component(KEYCLOAK), component(POSTGRES), component(KAFKA), component(SMTP), component(OBJECT_STORE))));
    }

    /**
     * Starts the named services (and the infrastructure first if it is not running): the domain services in parallel,
     * then the gateway. Fails before starting anything if a jar is missing.
     */
    public Stack startServices(Collection<String> names) {
        return locked(() -> {
            List<ServiceComponent> selected = new ArrayList<>();
            Set<String> wanted = new LinkedHashSet<>(names);
            for (Component c : components.values()) {
                if (c instanceof ServiceComponent s && wanted.remove(s.name())) {
                    selected.add(s);
                }
            }
            if (!wanted.isEmpty()) {
                throw new IllegalArgumentException("unknown services " + wanted + "; known: " + serviceNames());
            }
            requireAvailable(selected);
            if (selected.isEmpty()) {
                return;
            }
            startGroup(List.of(component(KEYCLOAK), component(POSTGRES), component(KAFKA), component(SMTP), component(OBJECT_STORE)));
            startGroup(selected.stream().filter(s -> !s.spec().gateway()).map(Component.class::cast).toList());
            startGroup(selected.stream().filter(s -> s.spec().gateway()).map(Component.class::cast).toList());
        });
    }

    public Stack startServices(String... names) {
        return startServices(Arrays.asList(names));
    }

    /** Infrastructure and every service; fails before starting anything if a service's jar is missing. */
    public Stack startAll() {
        return locked(() -> {
            requireAvailable(services());
            startServices(serviceNames());
        });
    }

    /** Infrastructure and the services whose jar exists; says which ones are left out. */
    public Stack startAvailable() {
        return locked(() -> {
            List<String> missing = missingServices();
            if (!missing.isEmpty()) {
                progress.step("not built, so not started: " + String.join(", ", missing) + " ("
                        + ServiceComponent.BUILD_HINT + ")");
            }
            startInfrastructure();
            startServices(availableServices());
        });
    }

    /**
     * Starts applications beside the stack's own, e.g. second replicas of the services ({@link ServiceSpec#replica})
     * and more gateways: the domain services in parallel, then the gateways. They use the stack's PostgreSQL, Kafka and
     * Keycloak, can be stopped, killed and started by name like the others, and stop with the stack. A gateway goes to
     * the upstreams its system properties name ({@code kyodo.gateway.upstream.<area>}, a list per service), otherwise
     * to the stack's own services.
     */
    public Stack startExtra(List<ServiceSpec> specs) {
        return locked(() -> {
            List<ServiceComponent> added = new ArrayList<>();
            for (ServiceSpec spec : specs) {
                if (components.containsKey(spec.name())) {
                    throw new IllegalArgumentException(spec.name() + " exists already");
                }
                ServiceComponent component = new ServiceComponent(spec, config, progress);
                add(component);
                added.add(component);
            }
            requireAvailable(added);
            startGroup(List.of(component(KEYCLOAK), component(POSTGRES), component(KAFKA)));
            startGroup(added.stream().filter(s -> !s.spec().gateway()).map(Component.class::cast).toList());
            startGroup(added.stream().filter(s -> s.spec().gateway()).map(Component.class::cast).toList());
        });
    }

    /** Starts one component (again), e.g. after {@link #stop(String)} in a fault test. */
    public Stack start(String name) {
        return locked(() -> {
            Component c = component(name);
            if (c instanceof ServiceComponent s) {
                requireAvailable(List.of(s));
            }
            startGroup(List.of(c));
        });
    }

    /**
     * Starts a stopped service with extra environment variables for this start only, e.g.
     * {@code KYODO_FAILPOINTS=outbox.after-ack} to park it at a failpoint; a later {@link #start(String)} goes without
     * them.
     */
    public Stack start(String service, Map<String, String> extraEnvironment) {
        return locked(() -> {
            if (!(component(service) instanceof ServiceComponent s)) {
                throw new IllegalArgumentException(service + " is not a service");
            }
            if (s.isRunning()) {
                throw new IllegalStateException(service + " is running; stop or kill it first");
            }
            s.setNextStartEnvironment(extraEnvironment);
            try {
                start(service);
            } finally {
                s.setNextStartEnvironment(Map.of());
            }
        });
    }

    /**
     * Starts a stopped service with other JVM options for this start only (the benchmark compares settings); a later
     * {@link #start(String)} goes back to the stack's.
     */
    public Stack startWithJvmArgs(String service, List<String> jvmArgs) {
        return locked(() -> {
            if (!(component(service) instanceof ServiceComponent s)) {
                throw new IllegalArgumentException(service + " is not a service");
            }
            if (s.isRunning()) {
                throw new IllegalStateException(service + " is running; stop or kill it first");
            }
            s.setNextStartJvmArgs(jvmArgs);
            try {
                start(service);
            } finally {
                s.setNextStartJvmArgs(null);
            }
        });
    }

    /**
     * Starts a stopped service on another database of the stack's PostgreSQL for this start only, e.g. one a backup
     * was restored into; a later {@link #start(String)} goes back to the service's own database.
     */
    public Stack startAgainst(String service, String database) {
        return locked(() -> {
            if (!(component(service) instanceof ServiceComponent s) || s.spec().database() == null) {
                throw new IllegalArgumentException(service + " is not a service with a database");
            }
            if (s.isRunning()) {
                throw new IllegalStateException(service + " is running; stop or kill it first");
            }
            if (!database.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("invalid database name " + database);
            }
            s.setNextStartDatabase(database);
            try {
                start(service);
            } finally {
                s.setNextStartDatabase(null);
            }
        });
    }

    private void requireAvailable(List<ServiceComponent> selected) {
        List<String> reasons = selected.stream().map(Component::unavailableReason).filter(r -> r != null).toList();
        if (!reasons.isEmpty()) {
            throw new StackException(String.join("\n", reasons));
        }
    }

    private void startGroup(List<Component> group) {
        List<Component> toStart = group.stream().filter(c -> !c.isRunning()).toList();
        if (toStart.isEmpty()) {
            return;
        }
        if (shuttingDown) {
            throw new StackException("the stack is shutting down");
        }
        for (Component c : toStart) {
            started.remove(c);
            started.add(c);
        }
        Throwable failure = null;
        if (toStart.size() == 1) {
            try {
                toStart.get(0).start();
            } catch (Throwable e) {
                failure = e;
            }
        } else {
            failure = startInParallel(toStart);
        }
        if (failure != null) {
            failed(failure);
        }
    }

    private Throwable startInParallel(List<Component> toStart) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(toStart.size(), r -> {
            Thread t = new Thread(r, "kyodo-stack-start-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Component> completion = new ExecutorCompletionService<>(pool);
        List<Future<Component>> futures = new ArrayList<>();
        for (Component c : toStart) {
            futures.add(completion.submit(() -> {
                c.start();
                return c;
            }));
        }
        Throwable failure = null;
        try {
            for (int i = 0; i < toStart.size() && failure == null; i++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    failure = e.getCause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new StackException(shuttingDown ? "start cancelled: the JVM is shutting down (Ctrl-C?)"
                    : "interrupted while starting");
        }
        if (failure != null) {
            futures.forEach(f -> f.cancel(true));
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                progress.step("some components did not stop starting within 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    private void failed(Throwable failure) {
        String message = failure instanceof StackException ? failure.getMessage() : failure.toString();
        progress.step("FAILED: " + message);
        if (!started.isEmpty()) {
            progress.step("stopping everything already started");
            stopEverything();
        }
        if (failure instanceof StackException se) {
            throw se;
        }
        throw new StackException("start failed: " + failure, null, failure);
    }

    // ---------------------------------------------------------------- stopping

    /** Stops one component (and its child processes); it can be started again with {@link #start(String)}. */
    public void stop(String name) {
        locked(() -> {
            Component c = component(name);
            stopOne(c);
            started.remove(c);
        });
    }

    /**
     * Kills a child process component (a service or Kafka) with SIGKILL, it and its descendants at once: a crash, with
     * no shutdown hook, no flush and no commit. It can be started again with {@link #start(String)}.
     */
    public void kill(String name) {
        locked(() -> {
            Component c = component(name);
            long t0 = System.nanoTime();
            c.kill();
            started.remove(c);
            progress.step(displayName(c) + ": killed (SIGKILL) in " + Progress.since(t0));
        });
    }

    /** Stops everything, in the reverse order of starting. */
    public void stopAll() {
        locked(this::stopEverything);
    }

    /** {@link #stopAll()} and forget the shutdown hook. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private void stopEverything() {
        List<Component> order;
        synchronized (started) {
            order = new ArrayList<>(started);
        }
        Collections.reverse(order);
        for (Component c : components.values()) {
            if (!order.contains(c) && c.isRunning()) {
                order.add(c);
            }
        }
        // Services before the infrastructure they use, even when the infrastructure was restarted after them.
        order.sort(java.util.Comparator.comparing(c -> !(c instanceof ServiceComponent)));
        if (order.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        for (Component c : order) {
            stopOne(c);
        }
        started.clear();
        progress.step("stopped everything in " + Progress.since(t0));
    }

    private void stopOne(Component c) {
        boolean wasRunning = c.isRunning();
        long t0 = System.nanoTime();
        try {
            c.stop();
        } catch (RuntimeException e) {
            progress.step(displayName(c) + ": stop failed: " + e);
        }
        if (wasRunning) {
            progress.step(displayName(c) + ": stopped in " + Progress.since(t0));
        }
    }

    private void onShutdown() {
        shuttingDown = true;
        Thread t = starter;
        if (t != null) {
            t.interrupt();
        }
        boolean locked = false;
        try {
            locked = lock.tryLock(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            stopEverything();
            // Anything still alive that this JVM started (a process launched while the hook ran, say).
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    private Stack locked(Runnable action) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
        Thread previous = starter;
        starter = Thread.currentThread();
        try {
            action.run();
            return this;
        } finally {
            starter = previous;
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- status

    private Component component(String name) {
        Component c = components.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown component " + name + "; known: " + components.keySet());
        }
        return c;
    }

    private static String displayName(Component c) {
        return switch (c.name()) {
            case POSTGRES -> "PostgreSQL";
            case KAFKA -> "Kafka";
            case KEYCLOAK -> "Keycloak";
            case OBJECT_STORE -> "object store";
            default -> c.name();
        };
    }

    private List<ServiceComponent> services() {
        return components.values().stream().filter(ServiceComponent.class::isInstance)
                .map(ServiceComponent.class::cast).toList();
    }

    /** Every component name: postgres, kafka, keycloak, then the services. */
    public List<String> componentNames() {
        List<String> names = new ArrayList<>(INFRASTRUCTURE);
        names.addAll(serviceNames());
        return names;
    }

    public List<String> serviceNames() {
        return services().stream().map(Component::name).toList();
    }

    /** Services whose {@code quarkus-run.jar} exists. */
    public List<String> availableServices() {
        return services().stream().filter(s -> s.unavailableReason() == null).map(Component::name).toList();
    }

    /** Services whose {@code quarkus-run.jar} is missing. */
    public List<String> missingServices() {
        return services().stream().filter(s -> s.unavailableReason() != null).map(Component::name).toList();
    }

    public boolean isRunning(String name) {
        return component(name).isRunning();
    }

    public int port(String name) {
        return component(name).port();
    }

    /**
     * How to reach a component: {@code http://127.0.0.1:<port>} for Keycloak and the services, the bootstrap servers
     * for Kafka, {@code jdbc:postgresql://127.0.0.1:<port>/} for PostgreSQL.
     */
    public String url(String name) {
        return component(name).url();
    }

    /** The PID of the component's process (for Keycloak the {@code kc.sh} wrapper), if it is running. */
    public OptionalLong pid(String name) {
        return component(name).pid();
    }

    public Path logFile(String name) {
        return component(name).logFile();
    }

    public String gatewayUrl() {
        return url(ServiceSpec.GATEWAY);
    }

    public String keycloakUrl() {
        return config.keycloakUrl();
    }

    public String issuerUrl() {
        return config.issuerUrl();
    }

    public String kafkaBootstrapServers() {
        return config.kafkaBootstrapServers();
    }

    /** Where the object store keeps the objects: {@code <dir>/<bucket>/<key>}. */
    public Path objectStoreDirectory() {
        return config.dataDir().resolve("objects");
    }

    public String jdbcUrl(String database) {
        return config.jdbcUrl(database);
    }

    /** A table of the components: name, state, URL, PID and log. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (String name : componentNames()) {
            Component c = component(name);
            sb.append(String.format("  %-20s %-8s %-34s pid %-8s %s%n", name, c.isRunning() ? "running" : "stopped",
                    c.url(), c.pid().isPresent() ? String.valueOf(c.pid().getAsLong()) : "-", c.logFile()));
        }
        return sb.toString();
    }
}
