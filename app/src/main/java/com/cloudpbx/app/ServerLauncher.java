package com.cloudpbx.app;

import com.cloudpbx.storage.postgres.EmbeddedPostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the API server for an environment: the embedded database first when one is needed. */
public final class ServerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

    private ServerLauncher() {
    }

    /** A started server and, on embedded defaults, the database it owns. */
    public record RunningServer(ApplicationContext context, EmbeddedServer server,
                                Optional<EmbeddedPostgresServer> database) implements AutoCloseable {

        @Override
        public void close() {
            context.close();
            database.ifPresent(EmbeddedPostgresServer::close);
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
            ApplicationContext context = Micronaut.build(new String[0])
                    .mainClass(VoipServer.class)
                    .banner(false)
                    .properties(properties)
                    .start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            return new RunningServer(context, server, embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }
}
