package com.cloudpbx.storage.postgres.webhooks;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.webhooks.CustomHeaders;
import com.cloudpbx.core.webhooks.Webhook;
import com.cloudpbx.core.webhooks.WebhookTarget;
import com.cloudpbx.core.webhooks.port.WebhookRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With a delivery log far larger than what is pending, the claim reads the pending rows alone from
 * the partial index V16 builds for it. The plan is that of the adapter's own SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveriesQueryPlansTest {

    private static final int DELIVERED = 50_000;

    private final PostgresStorage storage = PostgresStorage.start();

    /** Fifty thousand delivered deliveries and five pending ones, over two webhooks. */
    @BeforeAll
    void aLongLogAndAFewPending() {
        Tenant acme = tenant("Acme");
        storage.bean(TenantRepository.class).insert(acme);
        for (String name : new String[] {"crm", "billing"}) {
            storage.bean(WebhookRepository.class).insert(new Webhook(UUID.randomUUID(), acme.id(), name,
                    new WebhookTarget(URI.create("https://hooks.example.com/" + name)), Set.of("call.start"), true,
                    CustomHeaders.NONE, 5, 60, "v1:secret", null, null, null, null, null, T0, T0));
        }
        storage.execute("""
                INSERT INTO webhook_deliveries (id, webhook_id, tenant_id, event_id, event, body, status,
                                                attempt_count, created_at, next_attempt_at, delivered_at)
                SELECT gen_random_uuid(), w.id, w.tenant_id, gen_random_uuid(), 'call.start', '{}',
                       CASE WHEN i <= 5 THEN 'pending' ELSE 'delivered' END, 1,
                       timestamptz '2026-01-01' + i * interval '1 second',
                       CASE WHEN i <= 5 THEN timestamptz '2026-01-01' + i * interval '1 second' END,
                       CASE WHEN i > 5 THEN timestamptz '2026-01-01' + i * interval '1 second' END
                FROM (SELECT * FROM webhooks ORDER BY name LIMIT 1) w, generate_series(1, %d) AS i"""
                .formatted(DELIVERED + 5));
        storage.execute("ANALYZE webhook_deliveries");
        storage.execute("ANALYZE webhooks");
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    @Test
    void theClaimWalksThePartialIndexOfPendingDeliveries() {
        String plan = explain(JdbcWebhookOutbox.claimQuery(storage.bean(DSLContext.class), 200,
                Set.of(UUID.randomUUID()), T0, Duration.ofMinutes(5)));

        assertThat(plan).contains("Index Scan using webhook_deliveries_due_idx")
                .doesNotContain("Seq Scan on webhook_deliveries");
    }

    private String explain(Query query) {
        String sql = storage.bean(DSLContext.class).renderInlined(query);
        return storage.rows("EXPLAIN " + sql).stream()
                .map(row -> row.values().iterator().next().toString())
                .collect(Collectors.joining("\n"));
    }
}
