package com.cloudpbx.storage.testing;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL for tests: one server per JVM, and a new database for every caller, so test classes
 * never see each other's rows and need no cleanup.
 *
 * <p>The server is the one named by {@code VOIP_TEST_DB_URL} (with {@code VOIP_TEST_DB_USER} and
 * {@code VOIP_TEST_DB_PASSWORD} if it needs them; the user must be allowed to CREATE DATABASE),
 * or else an embedded one started on first use in a temporary directory. Databases created on a
 * named server are dropped when the JVM exits; an embedded server is stopped and deleted.
 *
 * <p>Shipped in this module's test-jar so other modules' tests use the same server and schema.
 */
public final class TestDatabase {

    /** Where one test database lives. */
    public record Database(String jdbcUrl, String user, String password) {

        public Database {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** A non-pooling data source: a new connection per call, enough for tests. */
        public DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(jdbcUrl);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return dataSource;
        }
    }

    private TestDatabase() {
    }

    /** A new, empty database with a unique name on the shared test server. */
    public static Database freshDatabase() {
        return SharedServer.INSTANCE.createDatabase();
    }

    /** A new database with every migration in {@code classpath:db/migration} applied. */
    public static Database migratedDatabase() {
        Database database = freshDatabase();
        migrate(database.dataSource());
        return database;
    }

    /** A data source on a new database with every migration applied. */
    public static DataSource migratedDataSource() {
        return migratedDatabase().dataSource();
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    // Holder idiom: the server starts on first use, exactly once per JVM, without explicit locking.
    private static final class SharedServer {
        static final TestServer INSTANCE = TestServer.start();
    }
}
