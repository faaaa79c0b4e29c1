package com.cloudpbx.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String CHECK_VIOLATION = "23514";
    private static final String NOT_NULL_VIOLATION = "23502";

    private static DataSource db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migratedDataSource();
    }

    @Test
    void allMigrationsApplyToAnEmptyDatabase() {
        DataSource empty = TestDatabase.freshDatabase().dataSource();
        Flyway flyway = Flyway.configure().dataSource(empty).locations("classpath:db/migration").load();

        MigrateResult result = flyway.migrate();

        assertThat(result.success).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            applied.add(info.getVersion().getVersion());
        }
        assertThat(applied).startsWith("1", "2", "3", "4", "5");
    }

    @Test
    void kamailioVersionTableRecordsSubscriberAtVersion7() throws SQLException {
        assertThat(tableVersion("subscriber")).isEqualTo(7);
        assertThat(tableVersion("version")).isEqualTo(1);
    }

    @Test
    void subscriberAccountIndexExistsAndIsUnique() throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT indexname, indexdef FROM pg_indexes
                     WHERE schemaname = 'kamailio' AND tablename = 'subscriber'
                     ORDER BY indexname""");
             ResultSet rows = query.executeQuery()) {
            List<String> definitions = new ArrayList<>();
            while (rows.next()) {
                definitions.add(rows.getString("indexname") + " " + rows.getString("indexdef"));
            }
            assertThat(definitions).anySatisfy(definition -> assertThat(definition)
                    .startsWith("subscriber_account_idx CREATE UNIQUE INDEX")
                    .contains("(username, domain)"));
            assertThat(definitions).anySatisfy(definition -> assertThat(definition)
                    .startsWith("subscriber_username_idx CREATE INDEX")
                    .contains("(username)"));
        }
        update("INSERT INTO kamailio.subscriber (username, domain, ha1, ha1b) VALUES ('1001', 'a.example', 'x', 'y')");
        assertSqlState(UNIQUE_VIOLATION, () -> update(
                "INSERT INTO kamailio.subscriber (username, domain, ha1, ha1b) VALUES ('1001', 'a.example', 'z', 'w')"));
    }

    @Test
    void extensionNumbersAreUniqueWithinATenantOnly() throws SQLException {
        UUID acme = tenant("acme");
        UUID globex = tenant("globex");
        extension(acme, "1001");

        assertSqlState(UNIQUE_VIOLATION, () -> extension(acme, "1001"));
        extension(globex, "1001");
    }

    @Test
    void anApiKeyCannotActForAnotherTenantsExtension() throws SQLException {
        UUID acme = tenant("acme");
        UUID globex = tenant("globex");
        UUID globexPhone = extension(globex, "2001");

        assertSqlState(FOREIGN_KEY_VIOLATION, () -> apiKey(acme, "softphone", "user", globexPhone));
        apiKey(globex, "softphone", "user", globexPhone);
    }

    @Test
    void userKeysAndOnlyUserKeysActForAnExtension() throws SQLException {
        UUID acme = tenant("acme");
        UUID phone = extension(acme, "4001");

        assertSqlState(CHECK_VIOLATION, () -> apiKey(acme, "no phone", "user", null));
        assertSqlState(CHECK_VIOLATION, () -> apiKey(acme, "admin with phone", "admin", phone));
        assertSqlState(CHECK_VIOLATION, () -> apiKey(null, "tenant-less admin", "admin", null));
        apiKey(null, "platform", "superadmin", null);
    }

    @Test
    void deletingAnExtensionDeletesTheKeysThatActForIt() throws SQLException {
        UUID acme = tenant("acme");
        UUID phone = extension(acme, "3001");
        UUID key = apiKey(acme, "desk", "user", phone);

        update("DELETE FROM extensions WHERE id = '" + phone + "'");

        assertThat(count("SELECT count(*) FROM api_keys WHERE id = '" + key + "'")).isZero();
    }

    @Test
    void activeApiKeyNamesAreUniquePerTenantIgnoringCase() throws SQLException {
        UUID acme = tenant("acme");
        UUID first = apiKey(acme, "CRM sync", "admin", null);

        assertSqlState(UNIQUE_VIOLATION, () -> apiKey(acme, "crm SYNC", "readonly", null));
        update("UPDATE api_keys SET status = 'revoked', revoked_at = now() WHERE id = '" + first + "'");
        apiKey(acme, "crm SYNC", "readonly", null);
    }

    @Test
    void onlySuperadminsAreWithoutATenant() throws SQLException {
        UUID acme = tenant("acme");
        account(null, "superadmin", "root-" + UUID.randomUUID() + "@example.com");
        account(acme, "admin", "boss-" + UUID.randomUUID() + "@example.com");

        assertSqlState(CHECK_VIOLATION, () -> account(null, "admin", "stray-" + UUID.randomUUID() + "@example.com"));
        assertSqlState(CHECK_VIOLATION, () -> account(acme, "superadmin", "odd-" + UUID.randomUUID() + "@example.com"));
    }

    @Test
    void accountEmailsAreUniqueIgnoringCase() throws SQLException {
        String email = "Ops-" + UUID.randomUUID() + "@Example.com";
        account(null, "superadmin", email);

        assertSqlState(UNIQUE_VIOLATION, () -> account(tenant("acme"), "admin", email.toLowerCase()));
    }

    @Test
    void aCallHasExactlyOneRecord() throws SQLException {
        UUID acme = tenant("acme");
        UUID call = UUID.randomUUID();
        callRecord(acme, call, "inbound", "completed");

        assertSqlState(UNIQUE_VIOLATION, () -> callRecord(acme, call, "outbound", "missed"));
    }

    @Test
    void callRecordsTakeOnlyKnownDirectionsAndStatuses() throws SQLException {
        UUID acme = tenant("acme");

        assertSqlState(CHECK_VIOLATION, () -> callRecord(acme, UUID.randomUUID(), "sideways", "completed"));
        assertSqlState(CHECK_VIOLATION, () -> callRecord(acme, UUID.randomUUID(), "inbound", "busy"));
        for (String direction : List.of("inbound", "outbound", "internal")) {
            for (String status : List.of("completed", "missed", "failed", "voicemail")) {
                callRecord(acme, UUID.randomUUID(), direction, status);
            }
        }
    }

    @Test
    void deletingATenantDeletesItsCallHistory() throws SQLException {
        UUID acme = tenant("acme");
        UUID call = UUID.randomUUID();
        callRecord(acme, call, "inbound", "completed");

        update("DELETE FROM tenants WHERE id = '" + acme + "'");

        assertThat(count("SELECT count(*) FROM call_records WHERE call_uuid = '" + call + "'")).isZero();
        assertSqlState(FOREIGN_KEY_VIOLATION, () -> callRecord(acme, UUID.randomUUID(), "inbound", "completed"));
    }

    @Test
    void theNumberSearchIndexIsATrigramIndex() throws SQLException {
        assertThat(count("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM pg_indexes
                WHERE tablename = 'call_records' AND indexname = 'call_records_search_trgm_idx'
                  AND indexdef LIKE '%USING gin%gin_trgm_ops%'""")).isEqualTo(1);
    }

    @Test
    void idempotencyKeysAreUniquePerPrincipalAndTenantAndAtMost255Characters() throws SQLException {
        UUID alice = UUID.randomUUID();
        String acme = UUID.randomUUID().toString();
        idempotencyKey(alice, acme, "k".repeat(255));
        idempotencyKey(UUID.randomUUID(), acme, "k".repeat(255));
        idempotencyKey(alice, UUID.randomUUID().toString(), "k".repeat(255));
        idempotencyKey(alice, "*", "k".repeat(255));

        assertSqlState(UNIQUE_VIOLATION, () -> idempotencyKey(alice, acme, "k".repeat(255)));
        assertSqlState(CHECK_VIOLATION, () -> idempotencyKey(alice, acme, "k".repeat(256)));
        assertSqlState(CHECK_VIOLATION, () -> idempotencyKey(alice, acme, ""));
        assertSqlState(NOT_NULL_VIOLATION, () -> idempotencyKey(alice, null, "k"));
    }

    @Test
    void webhookNamesAreUniquePerTenantIgnoringCase() throws SQLException {
        UUID acme = tenant("acme");
        webhook(acme, "CRM Sync");

        assertSqlState(UNIQUE_VIOLATION, () -> webhook(acme, "crm SYNC"));
        webhook(tenant("globex"), "crm SYNC");
    }

    @Test
    void deliveriesTakeOnlyKnownStatusesAndAPendingOneIsDueSometime() throws SQLException {
        UUID crm = webhook(tenant("acme"), "crm");

        assertSqlState(CHECK_VIOLATION, () -> delivery(crm, "sent", "now()"));
        assertSqlState(CHECK_VIOLATION, () -> delivery(crm, "pending", "NULL"));
        delivery(crm, "delivered", "NULL");
        delivery(crm, "pending", "now()");
    }

    @Test
    void deletingAWebhookDeletesItsDeliveriesAndTheirAttempts() throws SQLException {
        UUID crm = webhook(tenant("acme"), "crm");
        UUID delivery = delivery(crm, "pending", "now()");
        update("INSERT INTO webhook_delivery_attempts (delivery_id, attempt_no, at, duration_ms)"
                + " VALUES (?, 1, now(), 5)", delivery);

        update("DELETE FROM webhooks WHERE id = '" + crm + "'");

        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE id = '" + delivery + "'")).isZero();
        assertThat(count("SELECT count(*) FROM webhook_delivery_attempts WHERE delivery_id = '" + delivery + "'"))
                .isZero();
    }

    private UUID webhook(UUID tenant, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO webhooks (id, tenant_id, name, url, events, active, max_retries, retry_delay_seconds,
                                      secret_encrypted, created_at, updated_at)
                VALUES (?, ?, ?, 'https://hooks.example.com', '{call.start}', true, 5, 60, 'v1:x', now(), now())""",
                id, tenant, name);
        return id;
    }

    private UUID delivery(UUID webhook, String status, String nextAttemptAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO webhook_deliveries (id, webhook_id, tenant_id, event_id, event, body, status, created_at,
                                                next_attempt_at)
                SELECT ?, w.id, w.tenant_id, gen_random_uuid(), 'call.start', '{}', ?, now(), %s
                FROM webhooks w WHERE w.id = ?""".formatted(nextAttemptAt), id, status, webhook);
        return id;
    }

    private void callRecord(UUID tenant, UUID callUuid, String direction, String status) throws SQLException {
        update("""
                INSERT INTO call_records (id, tenant_id, call_uuid, direction, status, started_at, ended_at)
                VALUES (?, ?, ?, ?, ?, now(), now())""",
                UUID.randomUUID(), tenant, callUuid, direction, status);
    }

    private void idempotencyKey(UUID principal, String tenantScope, String key) throws SQLException {
        update("""
                INSERT INTO idempotency_keys (principal_id, tenant_scope, key, request_hash, response_status, response_body)
                VALUES (?, ?, ?, 'hash', 201, '{}')""",
                principal, tenantScope, key);
    }

    private UUID tenant(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        String subdomain = name + "-" + id.toString().substring(0, 8);
        update("INSERT INTO tenants (id, company_name, subdomain, sip_domain) VALUES (?, ?, ?, ?)",
                id, name, subdomain, subdomain + ".sip.example.com");
        return id;
    }

    private UUID extension(UUID tenant, String number) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO extensions (id, tenant_id, number, display_name, sip_password_enc) VALUES (?, ?, ?, ?, ?)",
                id, tenant, number, "Ext " + number, "v1:AAAA");
        return id;
    }

    private UUID apiKey(UUID tenant, String name, String role, UUID extension) throws SQLException {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO api_keys (id, tenant_id, name, role, extension_id, key_hash, key_last8, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'active')""",
                id, tenant, name, role, extension, "hash-" + id, "abcd1234");
        return id;
    }

    private void account(UUID tenant, String kind, String email) throws SQLException {
        update("""
                INSERT INTO accounts (id, tenant_id, kind, email, display_name, password_hash)
                VALUES (?, ?, ?, ?, 'Someone', '$2a$04$x')""",
                UUID.randomUUID(), tenant, kind, email);
    }

    private int tableVersion(String table) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT table_version FROM kamailio.version WHERE table_name = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("row for %s in kamailio.version", table).isTrue();
                return rows.getInt(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void assertSqlState(String expected, SqlAction action) {
        assertThatThrownBy(action::run)
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(expected);
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}
