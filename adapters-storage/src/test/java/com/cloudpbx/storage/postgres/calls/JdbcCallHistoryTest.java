package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallHistoryContract;
import com.cloudpbx.core.calls.CallQuery;
import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStatus;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcCallHistoryTest extends CallHistoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected CallHistory newHistory() {
        return storage.emptied().bean(JdbcCallHistory.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }

    @Test
    void streamingReadsThroughAServerSideCursorInBatches() {
        Tenant acme = newTenant();
        insertCalls(acme, 3 * JdbcCallHistory.STREAM_FETCH_SIZE);
        DSLContext dsl = storage.bean(DSLContext.class);
        List<Long> openCursors = new ArrayList<>();
        int[] streamed = {0};

        history().stream(CallQuery.forTenant(Optional.of(acme.id())), Optional.empty(), call -> {
            if (streamed[0]++ == 0) {
                // Same transaction, same session: the driver's portal on the history query is still
                // open on the server. (The pattern is split so this query does not match itself.)
                openCursors.add(dsl.fetchSingle(
                        "SELECT count(*) FROM pg_cursors WHERE statement LIKE '%call' || '_records%'")
                        .get(0, Long.class));
            }
        });

        assertThat(streamed[0]).isEqualTo(3 * JdbcCallHistory.STREAM_FETCH_SIZE);
        assertThat(openCursors).singleElement().isEqualTo(1L);
    }

    @Test
    void streamingJoinsTheCallersTransaction() {
        Tenant acme = newTenant();
        CallRecord call = call(acme, UUID.randomUUID());
        List<CallRecord> streamed = new ArrayList<>();

        storage.bean(Transactions.class).inTransaction(() -> {
            history().record(call);
            history().stream(CallQuery.forTenant(Optional.of(acme.id())), Optional.empty(), streamed::add);
            return null;
        });

        assertThat(streamed).containsExactly(call);
    }

    @Test
    void recordsJoinTheCallersTransactionAndRollBackWithIt() {
        Tenant acme = newTenant();
        CallRecord call = call(acme, UUID.randomUUID());

        try {
            storage.bean(Transactions.class).inTransaction(() -> {
                history().record(call);
                throw new IllegalStateException("the write this record belongs to failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction is rolled back
        }

        assertThat(history().findByIdInAnyTenant(call.id())).isEmpty();
    }

    @Test
    void manyRecordsAreStoredInOneStatementExceptRepeatsOfACall() {
        Tenant acme = newTenant();
        CallRecord stored = call(acme, UUID.randomUUID());
        history().record(stored);
        List<CallRecord> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(call(acme, UUID.randomUUID()));
        }
        CallRecord again = call(acme, stored.callUuid());
        CallRecord twiceInTheBatch = call(acme, batch.get(7).callUuid());
        batch.add(again);
        batch.add(twiceInTheBatch);

        Set<UUID> inserted = history().recordAll(batch);

        assertThat(inserted).hasSize(200).doesNotContain(stored.callUuid());
        assertThat(history().findByIdInAnyTenant(batch.get(7).id())).contains(batch.get(7));
        assertThat(history().findByIdInAnyTenant(twiceInTheBatch.id())).isEmpty();
        assertThat(history().findByIdInAnyTenant(again.id())).isEmpty();
        assertThat(storage.count("SELECT count(*) FROM call_records WHERE tenant_id = ?", acme.id().value()))
                .isEqualTo(201);
    }

    @Test
    void aCallerIdWithANulCharacterIsStoredWithAReplacementCharacter() {
        Tenant acme = newTenant();
        CallRecord call = call(acme, UUID.randomUUID());
        CallRecord nul = new CallRecord(call.id(), call.tenant(), call.callUuid(), call.direction(), "+1555\u00000",
                "Eve\u0000", "1001\u0000", "1001", call.status(), call.durationSeconds(), call.billsec(), null,
                false, "NORMAL_CLEARING", call.startedAt(), call.answeredAt(), call.endedAt());

        assertThat(history().recordAll(List.of(nul))).containsExactly(nul.callUuid());
        assertThat(storage.rows("SELECT caller_id_number, caller_id_name, destination FROM call_records WHERE id = ?",
                nul.id())).singleElement().isEqualTo(java.util.Map.of("caller_id_number", "+1555\uFFFD0",
                "caller_id_name", "Eve\uFFFD", "destination", "1001\uFFFD"));
    }

    @Test
    void anEmptyBatchStoresNothing() {
        assertThat(history().recordAll(List.of())).isEmpty();
    }

    @Test
    void deletingATenantDeletesItsHistory() {
        Tenant acme = newTenant();
        Tenant globex = newTenant();
        CallRecord ours = call(acme, UUID.randomUUID());
        CallRecord theirs = call(globex, UUID.randomUUID());
        history().record(ours);
        history().record(theirs);

        storage.bean(TenantRepository.class).delete(acme.id());

        assertThat(history().findByIdInAnyTenant(ours.id())).isEmpty();
        assertThat(history().findByIdInAnyTenant(theirs.id())).contains(theirs);
    }

    private JdbcCallHistory history() {
        return storage.bean(JdbcCallHistory.class);
    }

    private Tenant newTenant() {
        Tenant tenant = tenant("Acme");
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant;
    }

    private void insertCalls(Tenant tenant, int count) {
        storage.execute("""
                INSERT INTO call_records (id, tenant_id, call_uuid, direction, caller_id_number, destination,
                                          status, started_at, ended_at)
                SELECT gen_random_uuid(), '%s', gen_random_uuid(), 'inbound', '+1555' || i, '1001', 'completed',
                       now() - i * interval '1 minute', now() - i * interval '1 minute' + interval '30 seconds'
                FROM generate_series(1, %d) AS i""".formatted(tenant.id().value(), count));
    }

    private static CallRecord call(Tenant tenant, UUID callUuid) {
        return new CallRecord(UUID.randomUUID(), tenant.id(), callUuid, CallDirection.OUTBOUND, "1001", "Desk",
                "+15559870000", "1001", CallStatus.COMPLETED, 30, 25, null, false, "NORMAL_CLEARING", T0,
                T0.plusSeconds(5), T0.plusSeconds(30));
    }
}
