package com.cloudpbx.storage.postgres.routing;

import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.RingGroupRepositoryContract;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.routing.RingGroup;
import com.cloudpbx.core.routing.RouteTarget;
import com.cloudpbx.core.tenants.Tenant;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcRingGroupRepositoryTest extends RingGroupRepositoryContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected RingGroupRepository newRepository() {
        return storage.emptied().bean(RingGroupRepository.class);
    }

    @Override
    protected TenantRepository tenants() {
        return storage.bean(TenantRepository.class);
    }

    @Override
    protected ExtensionRepository extensions() {
        return storage.bean(ExtensionRepository.class);
    }

    @Test
    void theSchemaRefusesAMemberThatIsAnotherTenantsExtension() {
        RingGroupRepository groups = newRepository();
        Tenant acme = tenant("Acme");
        Tenant globex = tenant("Globex");
        tenants().insert(acme);
        tenants().insert(globex);
        Extension foreign = extension(globex.id(), "1001");
        extensions().insert(foreign);
        RingGroup group = new RingGroup(UUID.randomUUID(), acme.id(), "Sales", RingGroup.RingStrategy.SIMULTANEOUS, 30,
                RouteTarget.hangup(), List.of(), Instant.now(), Instant.now());
        groups.insert(group);

        assertThatThrownBy(() -> storage.execute("INSERT INTO ring_group_members (ring_group_id, tenant_id,"
                + " extension_id, position, priority, delay_seconds) VALUES ('" + group.id() + "', '"
                + acme.id().value() + "', '" + foreign.id() + "', 0, 1, 0)"))
                .cause().isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("23503"));
    }
}
