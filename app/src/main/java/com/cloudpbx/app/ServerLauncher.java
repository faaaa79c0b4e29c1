package com.cloudpbx.app;

import com.cloudpbx.storage.postgres.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the API server for an environment: the embedded database first when one is needed. */
public final class ServerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

    private ServerLauncher() {
    }

    /**
     * A started server and, on embedded defaults, the database it owns. It stops at JVM exit (SIGTERM)
     * through one hook of its own, in one order: the context ({@link ShutdownSequence}, then the
     * beans), then the database.
     */
    public static final class RunningServer implements AutoCloseable {

        /** Past this, a stop that hangs is cut short: the database is stopped and the JVM halted. */
        static final Duration EXIT_DEADLINE = Duration.ofSeconds(9);

        private final ApplicationContext context;
        private final EmbeddedServer server;
        private final Optional<EmbeddedPostgresServer> database;
        private final Thread stopAtExit = new Thread(this::closeAtExit, "voip-shutdown");
        private final AtomicBoolean closed = new AtomicBoolean();

        RunningServer(ApplicationContext context, EmbeddedServer server, Optional<EmbeddedPostgresServer> database) {
            this.context = context;
            this.server = server;
            this.database = database;
            Runtime.getRuntime().addShutdownHook(stopAtExit);
            database.ifPresent(EmbeddedPostgresServer::stopOnlyWhenClosed);
        }

        public ApplicationContext context() {
            return context;
        }

        public EmbeddedServer server() {
            return server;
        }

        public Optional<EmbeddedPostgresServer> database() {
            return database;
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException jvmExiting) {
                // Called during JVM exit: the hook is running or about to, and only one close does the work.
            }
            stop();
        }

        private void closeAtExit() {
            Thread.ofPlatform().daemon().name("voip-shutdown-deadline").start(this::haltAfterDeadline);
            stop();
        }

        private void stop() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                context.close();
            } finally {
                // Last: everything above may still write to it.
                database.ifPresent(EmbeddedPostgresServer::close);
            }
        }

        private void haltAfterDeadline() {
            try {
                Thread.sleep(EXIT_DEADLINE);
            } catch (InterruptedException e) {
                return;
            }
            LOG.error("Shutdown did not finish within {} s; stopping the database and exiting now",
                    EXIT_DEADLINE.toSeconds());
            try {
                database.ifPresent(EmbeddedPostgresServer::close);
            } finally {
                Runtime.getRuntime().halt(1);
            }
        }
    }

    /** The settings records are created, and so validated, as the context starts: a refusal names the variable. */
    private static ApplicationContext startContext(Map<String, Object> properties) {
        try {
            return ApplicationContext.builder()
                    .mainClass(VoipServer.class)
                    .banner(false)
                    .properties(properties)
                    .start();
        } catch (RuntimeException e) {
            throw SettingsRefusals.of(e).<RuntimeException>map(refusal -> refusal).orElse(e);
        }
    }

    public static RunningServer launch(Map<String, String> env, Map<String, Object> overrides) {
        var settings = new RuntimeSettings(env);
        Optional<EmbeddedPostgresServer> embedded = Optional.empty();
        RuntimeSettings.DatabaseCoordinates database;
        if (settings.embeddedDatabase()) {
            LOG.info("VOIP_DB_URL not set: starting the embedded PostgreSQL under {}", settings.dataDirectory());
            var server = EmbeddedPostgresServer.start(settings.dataDirectory().resolve("postgres"));
            embedded = Optional.of(server);
            database = new RuntimeSettings.DatabaseCoordinates(server.jdbcUrl(), server.user(), server.password());
        } else {
            database = settings.externalDatabase();
        }
        try {
            Map<String, Object> properties = new java.util.HashMap<>(settings.properties(database));
            properties.putAll(overrides);
            long started = System.nanoTime();
            // Not Micronaut.run: it adds a JVM exit hook of its own, which would stop the server while
            // ours stops the context, each waiting for the other's lock. RunningServer owns the only one.
            ApplicationContext context = startContext(properties);
            try {
                EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
                LOG.info("Startup completed in {} ms. Server running: {}",
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), server.getURL());
                return new RunningServer(context, server, embedded);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }
}
