package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With a tenant's history too large to read whole, PostgreSQL answers the default page and the
 * number search from V4's indexes. The plans are those of the adapter's own SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallRecordsQueryPlansTest {

    /** Per tenant. */
    private static final int CALLS = 50_000;

    private final PostgresStorage storage = PostgresStorage.start();
    private final CallRecordQueries queries = new CallRecordQueries(storage.bean(DSLContext.class));
    private TenantId acme;

    /** Two tenants with a large history each: a tenant's rows are then half the table, not all of it. */
    @BeforeAll
    void aLargeHistory() {
        acme = newTenant("Acme");
        insertCalls(acme);
        insertCalls(newTenant("Globex"));
        storage.execute("ANALYZE call_records");
    }

    @AfterAll
    void stop() {
        storage.close();
    }

    @Test
    void theDefaultPageWalksTheTenantsNewestFirstIndex() {
        String plan = explain(queries.page(CallQuery.forTenant(Optional.of(acme)), PageRequest.of(1, 50)));

        assertThat(plan).contains("Index Scan using call_records_tenant_started_idx").doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void aFilteredPageWalksItsFiltersIndexWithoutSorting() {
        CallQuery inbound = new CallQuery(Optional.of(acme), Optional.of(CallDirection.INBOUND), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        String plan = explain(queries.page(inbound, PageRequest.of(1, 50)));

        assertThat(plan).contains("Index Scan using call_records_tenant_direction_idx").doesNotContain("Sort");
    }

    @Test
    void countingANumberSearchUsesTheTrigramIndex() {
        CallQuery search = new CallQuery(Optional.of(acme), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("0012345"), Optional.empty(), Optional.empty());

        String plan = explain(queries.count(search));

        assertThat(plan).contains("Bitmap Index Scan on call_records_search_trgm_idx").doesNotContain("Seq Scan");
        assertThat(storage.bean(CallHistory.class).find(search, PageRequest.of(1, 50)).total()).isEqualTo(1);
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }

    private void insertCalls(TenantId tenant) {
        storage.execute("""
                INSERT INTO call_records (id, tenant_id, call_uuid, direction, caller_id_number, caller_id_name,
                                          destination, extension, status, duration_seconds, billsec, started_at,
                                          ended_at)
                SELECT gen_random_uuid(), '%s', gen_random_uuid(),
                       (ARRAY['inbound', 'outbound', 'internal'])[1 + i %% 3],
                       '+1555' || lpad(i::text, 7, '0'), 'Caller ' || i, (1000 + i %% 200)::text,
                       (1000 + i %% 200)::text, 'completed', 60, 50,
                       timestamptz '2026-01-01' + i * interval '1 minute',
                       timestamptz '2026-01-01' + i * interval '1 minute' + interval '1 minute'
                FROM generate_series(1, %d) AS i""".formatted(tenant.value(), CALLS));
    }

    private String explain(Query query) {
        String sql = storage.bean(DSLContext.class).renderInlined(query);
        return storage.rows("EXPLAIN " + sql).stream()
                .map(row -> row.values().iterator().next().toString())
                .collect(Collectors.joining("\n"));
    }
}
