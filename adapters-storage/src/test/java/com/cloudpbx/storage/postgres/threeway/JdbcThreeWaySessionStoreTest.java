package com.cloudpbx.storage.postgres.threeway;

import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.threeway.ThreeWaySession;
import com.cloudpbx.core.threeway.ThreeWaySessionStoreContract;
import com.cloudpbx.core.threeway.ThreeWayState;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcThreeWaySessionStoreTest extends ThreeWaySessionStoreContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected ThreeWaySessionStore newStore() {
        return storage.emptied().bean(ThreeWaySessionStore.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }

    @Test
    void theBeanIsThePostgresStore() {
        assertThat(store()).isInstanceOf(JdbcThreeWaySessionStore.class);
    }

    @Test
    void aLostSaveInsideACallersTransactionUndoesOnlyItselfAndTheTransactionCarriesOn() {
        TenantId acme = newTenant();
        ThreeWaySession first = twoParty(acme, UUID.randomUUID(), UUID.randomUUID());
        ThreeWaySession sharesTheParty = twoParty(acme, UUID.randomUUID(), party(first));
        ThreeWaySession afterwards = twoParty(acme, UUID.randomUUID(), UUID.randomUUID());

        boolean[] lost = {false};
        storage.bean(Transactions.class).inTransaction(() -> {
            store().save(first, 0);
            lost[0] = !store().save(sharesTheParty, 0);
            return store().save(afterwards, 0);
        });

        assertThat(lost[0]).isTrue();
        assertThat(store().findByLegInAnyTenant(first.moderator())).contains(first);
        assertThat(store().findByLegInAnyTenant(afterwards.moderator())).contains(afterwards);
        assertThat(store().findByLegInAnyTenant(sharesTheParty.moderator())).isEmpty();
        assertThat(storage.count("SELECT count(*) FROM three_way_legs")).isEqualTo(4);
    }

    @Test
    void aSaveJoinsTheCallersTransactionAndRollsBackWithIt() {
        ThreeWaySession session = twoParty(newTenant(), UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> storage.bean(Transactions.class).inTransaction(() -> {
            store().save(session, 0);
            throw new IllegalStateException("the write this session belongs to failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store().findByLegInAnyTenant(session.moderator())).isEmpty();
    }

    @Test
    void deletingATenantDeletesItsSessionsAndTheirLegs() {
        TenantId acme = newTenant();
        TenantId globex = newTenant();
        ThreeWaySession ours = twoParty(acme, UUID.randomUUID(), UUID.randomUUID());
        ThreeWaySession theirs = twoParty(globex, UUID.randomUUID(), UUID.randomUUID());
        store().save(ours, 0);
        store().save(theirs, 0);

        storage.bean(TenantRepository.class).delete(acme);

        assertThat(store().findByLegInAnyTenant(party(ours))).isEmpty();
        assertThat(store().findByLegInAnyTenant(party(theirs))).contains(theirs);
        assertThat(storage.count("SELECT count(*) FROM three_way_legs")).isEqualTo(2);
    }

    @Test
    void theRowShowsTheStateInItsOwnColumnsAndTheMembersAsJson() {
        TenantId acme = newTenant();
        UUID moderator = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        store().save(new ThreeWaySession(acme, moderator, new ThreeWayState.Private(kept, held, "huddle"),
                Map.of(held, "42"), Set.of(), 7), 0);

        Map<String, Object> row = storage.rows("SELECT state, first_party, second_party, conference,"
                + " members::text AS members, version FROM three_way_sessions").getFirst();

        assertThat(row).containsEntry("state", "private").containsEntry("first_party", kept)
                .containsEntry("second_party", held).containsEntry("conference", "huddle")
                .containsEntry("members", "{\"" + held + "\": \"42\"}").containsEntry("version", 7L);
    }

    @Test
    void theTableRefusesAStateWithoutTheColumnsItNeeds() {
        TenantId acme = newTenant();

        assertThatThrownBy(() -> storage.execute("INSERT INTO three_way_sessions"
                + " (moderator, tenant_id, state, first_party, version) VALUES"
                + " (gen_random_uuid(), '" + acme.value() + "', 'merged', gen_random_uuid(), 1)"))
                .rootCause().hasMessageContaining("three_way_sessions_state_columns_check");
    }

    private ThreeWaySessionStore store() {
        return storage.bean(ThreeWaySessionStore.class);
    }

    private TenantId newTenant() {
        Tenant tenant = tenant("Acme");
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }

    private static ThreeWaySession twoParty(TenantId tenant, UUID moderator, UUID party) {
        return new ThreeWaySession(tenant, moderator, new ThreeWayState.TwoParty(party), Map.of(), Set.of(), 1);
    }

    private static UUID party(ThreeWaySession session) {
        return ((ThreeWayState.TwoParty) session.state()).a();
    }
}
