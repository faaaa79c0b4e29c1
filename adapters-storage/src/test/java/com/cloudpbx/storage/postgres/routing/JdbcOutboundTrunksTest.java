package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;

import com.cloudpbx.core.calls.OutboundTrunksContract;
import com.cloudpbx.core.calls.port.OutboundTrunks;
import com.cloudpbx.core.routing.SipTrunk;
import com.cloudpbx.core.routing.port.TrunkRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcOutboundTrunksTest extends OutboundTrunksContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected OutboundTrunks newTrunks() {
        return storage.emptied().bean(OutboundTrunks.class);
    }

    @Override
    protected TenantId newTenant() {
        Tenant tenant = tenant("Tenant " + UUID.randomUUID());
        storage.bean(TenantRepository.class).insert(tenant);
        return tenant.id();
    }

    @Override
    protected UUID trunk(TenantId tenant, String name, boolean active) {
        SipTrunk trunk = new SipTrunk(UUID.randomUUID(), tenant, name, null, "sip.carrier.example", null, null, "udp",
                List.of("PCMU"), false, 30, active, T0, T0);
        storage.bean(TrunkRepository.class).insert(trunk);
        return trunk.id();
    }
}
