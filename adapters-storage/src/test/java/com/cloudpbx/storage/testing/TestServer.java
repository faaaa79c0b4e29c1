package com.cloudpbx.storage.testing;

import com.cloudpbx.storage.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL server behind {@link TestDatabase}: a named one or an embedded one. */
final class TestServer {

    private static final String DATABASE_PREFIX = "voip_test_";

    private final String adminUrl;
    private final String user;
    private final String password;
    // Names of databases made on a named server, dropped at exit so repeated runs leave nothing behind.
    private final Queue<String> created = new ConcurrentLinkedQueue<>();

    private TestServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    static TestServer start() {
        String url = System.getenv("VOIP_TEST_DB_URL");
        return url == null || url.isBlank() ? embedded() : named(url.strip());
    }

    private static TestServer named(String url) {
        PGSimpleDataSource parsed = new PGSimpleDataSource();
        parsed.setUrl(url);
        String user = firstSet(System.getenv("VOIP_TEST_DB_USER"), parsed.getUser(), System.getProperty("user.name"));
        String password = firstSet(System.getenv("VOIP_TEST_DB_PASSWORD"), parsed.getPassword(), "");
        TestServer server = new TestServer(url, user, password);
        Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreatedDatabases, "test-databases-drop"));
        return server;
    }

    private static TestServer embedded() {
        Path directory;
        try {
            directory = Files.createTempDirectory("voip-test-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory.resolve("data"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            deleteRecursively(directory);
        }, "test-postgres-stop"));
        return new TestServer(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    TestDatabase.Database createDatabase() {
        String name = DATABASE_PREFIX + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        created.add(name);
        return new TestDatabase.Database(withDatabase(adminUrl, name), user, password);
    }

    /**
     * Swaps the database in {@code jdbc:postgresql://hosts[/database][?properties]}, keeping the
     * properties as given (the driver's own URL builder would spell out every default).
     */
    static String withDatabase(String url, String database) {
        String scheme = "jdbc:postgresql://";
        if (!url.startsWith(scheme)) {
            throw new IllegalArgumentException("VOIP_TEST_DB_URL must look like jdbc:postgresql://host:port/database");
        }
        int query = url.indexOf('?');
        String properties = query < 0 ? "" : url.substring(query);
        String location = query < 0 ? url : url.substring(0, query);
        int slash = location.indexOf('/', scheme.length());
        String hosts = slash < 0 ? location : location.substring(0, slash);
        return hosts + "/" + database + properties;
    }

    private void dropCreatedDatabases() {
        for (String name : created) {
            try {
                // FORCE (PostgreSQL 13+) closes connections that a test left open.
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                // Best effort while the JVM exits: a leftover test database harms nothing.
            }
        }
    }

    private void execute(String sql) {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(adminUrl);
        admin.setUser(user);
        admin.setPassword(password);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database server at " + adminUrl + " refused: " + sql, e);
        }
    }

    private static String firstSet(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only a temporary directory; the OS cleans it eventually.
        }
    }
}
