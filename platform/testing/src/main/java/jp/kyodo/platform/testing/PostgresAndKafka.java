package jp.kyodo.platform.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at real PostgreSQL, Kafka and an S3-compatible object store. Use once per module:
 * {@code @QuarkusTestResource(value = PostgresAndKafka.class, initArgs = @ResourceArg(name = "database", value = "kyodo_directory"))}
 * on any test class (Quarkus applies test resources to the whole module), so the application boots once.
 */
public class PostgresAndKafka implements QuarkusTestResourceLifecycleManager {

    private String database = "kyodo_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        // The object store starts as a separate process while PostgreSQL and Kafka start here.
        ObjectStoreServer.launch();
        String jdbcUrl = TestInfrastructure.database(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", TestInfrastructure.bootstrapServers()));
        ObjectStoreServer.awaitReady();
        config.putAll(ObjectStoreServer.config());
        return config;
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM: other test resources of the run may still use them.
    }
}
