package com.cloudpbx.storage.postgres;

import com.cloudpbx.storage.postgres.calls.JdbcCallExport;
import com.cloudpbx.storage.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage adapter as the application runs it: a Micronaut context on a new, migrated
 * database (Hikari pool, Flyway, jOOQ, Micronaut Data), one per test class.
 */
public final class PostgresStorage implements AutoCloseable {

    private static final String EVERY_TABLE =
            "TRUNCATE tenants, accounts, api_keys, extensions, audit_log, kamailio.subscriber, call_records,"
                    + " idempotency_keys, three_way_sessions, three_way_legs CASCADE";

    private final ApplicationContext context;

    private PostgresStorage(ApplicationContext context) {
        this.context = context;
    }

    public static PostgresStorage start() {
        return start(Map.of());
    }

    /** With settings of its own, for adapters a setting turns on. */
    public static PostgresStorage start(Map<String, Object> settings) {
        TestDatabase.Database db = TestDatabase.freshDatabase();
        Map<String, Object> properties = new LinkedHashMap<>(settings);
        putDatasource(properties, "default", db, 4);
        putDatasource(properties, JdbcCallExport.DATASOURCE, db, 2);
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("jooq.datasources.default.sql-dialect", "POSTGRES");
        return new PostgresStorage(ApplicationContext.run(properties));
    }

    /** A connection pool named {@code name} over the test database. */
    private static void putDatasource(Map<String, Object> properties, String name, TestDatabase.Database db,
            int maximumPoolSize) {
        String prefix = "datasources." + name + ".";
        properties.put(prefix + "url", db.jdbcUrl());
        properties.put(prefix + "username", db.user());
        properties.put(prefix + "password", db.password());
        properties.put(prefix + "driver-class-name", "org.postgresql.Driver");
        properties.put(prefix + "dialect", "POSTGRES");
        properties.put(prefix + "maximum-pool-size", maximumPoolSize);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ApplicationContext context() {
        return context;
    }

    /** Deletes every row the adapters write, so the next test starts from an empty store. */
    public PostgresStorage emptied() {
        execute(EVERY_TABLE);
        return this;
    }

    /** Runs SQL in a transaction of its own, for checks the ports cannot express. */
    public void execute(String sql) {
        transactions().executeWrite(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                statement.execute(sql);
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    /** Reads rows as column-name maps, in a transaction of its own. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        return transactions().executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            row.put(columns.getColumnLabel(c), result.getObject(c));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    public long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    @SuppressWarnings("unchecked")
    public TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
