package com.cloudpbx.storage.postgres.calls;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.CallHistoryContract;
import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStatus;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The history the application injects: JdbcCallHistory with submitted records written in batches. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchingCallHistoryTest extends CallHistoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected CallHistory newHistory() {
        CallHistory injected = storage.emptied().bean(CallHistory.class);
        assertThat(injected).isInstanceOf(BatchingCallHistory.class);
        return injected;
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }

    @Test
    void callsEndingTogetherShareAWriteAndClosingStoresEveryOne() {
        Tenant acme = tenant("Acme");
        tenants().insert(acme);
        JdbcCallHistory jdbc = storage.bean(JdbcCallHistory.class);
        List<Integer> writes = new CopyOnWriteArrayList<>();
        var history = new BatchingCallHistory(jdbc, batch -> {
            writes.add(batch.size());
            jdbc.recordAll(batch);
        });
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            calls.add(call(acme));
        }

        calls.forEach(history::submit);
        history.close();

        assertThat(history.pending()).isZero();
        assertThat(writes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
        assertThat(writes.size()).isLessThan(2_000);
        assertThat(storage.count("SELECT count(*) FROM call_records WHERE tenant_id = ?", acme.id().value()))
                .isEqualTo(2_000);
    }

    @Test
    void aRecordOfADeletedTenantDoesNotHoldUpTheOthers() throws InterruptedException {
        Tenant acme = tenant("Acme");
        tenants().insert(acme);
        Tenant gone = tenant("Gone");
        var history = (BatchingCallHistory) storage.bean(CallHistory.class);
        List<CallRecord> calls = List.of(call(acme), call(gone), call(acme));

        calls.forEach(history::submit);

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (history.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(history.findByIdInAnyTenant(calls.get(0).id())).isPresent();
        assertThat(history.findByIdInAnyTenant(calls.get(2).id())).isPresent();
        assertThat(history.findByIdInAnyTenant(calls.get(1).id())).isEmpty();
    }

    @Test
    void stoppingTheApplicationStoresWhatWasSubmittedFirst() throws Exception {
        PostgresStorage own = PostgresStorage.start();
        String url = own.context().getRequiredProperty("datasources.default.url", String.class);
        String user = own.context().getRequiredProperty("datasources.default.username", String.class);
        String password = own.context().getRequiredProperty("datasources.default.password", String.class);
        Tenant acme = tenant("Acme");
        own.bean(TenantRepository.class).insert(acme);
        CallHistory history = own.bean(CallHistory.class);

        for (int i = 0; i < 3_000; i++) {
            history.submit(call(acme));
        }
        own.close();

        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM call_records")) {
            count.next();
            assertThat(count.getLong(1)).isEqualTo(3_000);
        }
    }

    private static CallRecord call(Tenant tenant) {
        return new CallRecord(UUID.randomUUID(), tenant.id(), UUID.randomUUID(), CallDirection.OUTBOUND, "1001",
                "Desk", "+15559870000", "1001", CallStatus.COMPLETED, 30, 25, null, false, "NORMAL_CLEARING", T0,
                T0.plusSeconds(5), T0.plusSeconds(30));
    }
}
