package com.cloudpbx.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.operations.BackendHealthContract;
import com.cloudpbx.core.operations.port.BackendHealth;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresHealthTest extends BackendHealthContract {

    private static final String PASSWORD = "s3cret-db-password";

    private final List<ApplicationContext> unreachable = new ArrayList<>();
    private PostgresStorage storage;

    @Override
    protected BackendHealth healthy() {
        if (storage == null) {
            storage = PostgresStorage.start();
        }
        return storage.bean(PostgresHealth.class);
    }

    @Override
    protected BackendHealth unreachable() {
        try {
            ApplicationContext context = unreachable(Map.of("datasources.default.password", PASSWORD,
                    "datasources.default.connection-timeout", 250));
            this.unreachable.add(context);
            return context.getBean(PostgresHealth.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String secret() {
        return PASSWORD;
    }

    @AfterEach
    void stopUnreachable() {
        unreachable.forEach(ApplicationContext::close);
        unreachable.clear();
    }

    @AfterAll
    void stopStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void aRunningDatabaseIsHealthyAndNamedDatabase() {
        try (PostgresStorage storage = PostgresStorage.start()) {
            BackendHealth health = storage.context().getBeansOfType(BackendHealth.class).stream()
                    .filter(b -> b.name().equals("database"))
                    .findFirst().orElseThrow();

            assertThat(health).isInstanceOf(PostgresHealth.class);
            assertThat(health.failure()).isEmpty();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsReportedWithinTheTimeout() throws IOException {
        // The pool would wait 30 s for a connection; the check must answer after 2.
        try (ApplicationContext context = unreachable(Map.of())) {
            PostgresHealth health = context.getBean(PostgresHealth.class);

            long started = System.nanoTime();
            Optional<String> failure = health.failure();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(failure).hasValueSatisfying(reason -> assertThat(reason).contains("did not answer within 2 s"));
            assertThat(took).isLessThan(PostgresHealth.TIMEOUT.plusMillis(750));
        }
    }

    @Test
    void aRefusedConnectionIsReportedWithTheDriversReason() throws IOException {
        try (ApplicationContext context = unreachable(Map.of("datasources.default.connection-timeout", 250))) {
            Optional<String> failure = context.getBean(PostgresHealth.class).failure();

            assertThat(failure).hasValueSatisfying(reason -> assertThat(reason).startsWith("PostgreSQL: ")
                    .containsIgnoringCase("refused"));
        }
    }

    /** A context whose database URL points at a port nothing listens on. */
    private static ApplicationContext unreachable(Map<String, Object> extra) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> properties = new HashMap<>(Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + port + "/nothing",
                "datasources.default.username", "nobody",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES",
                // Start the pool without a first connection, as an application started before its database would.
                "datasources.default.initialization-fail-timeout", -1,
                "flyway.datasources.default.enabled", false,
                "jooq.datasources.default.sql-dialect", "POSTGRES"));
        properties.putAll(extra);
        return ApplicationContext.run(properties);
    }
}
