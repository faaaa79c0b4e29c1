package com.cloudpbx.storage.races;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.testing.StoreSamples;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.util.Set;
import java.util.UUID;

/** The one tenant a race runs in, stored in an emptied database, and an admin of it calling from 127.0.0.1. */
record RaceTenant(Tenant tenant, Actor admin) {

    static RaceTenant in(PostgresStorage storage) {
        storage.emptied();
        Tenant tenant = StoreSamples.tenant("Race");
        storage.bean(TenantRepository.class).insert(tenant);
        Actor admin = new Actor(new Principal(UUID.randomUUID(), PrincipalKind.ADMIN, Role.ADMIN, tenant.id(), null,
                Set.of()), tenant.id(), "127.0.0.1");
        return new RaceTenant(tenant, admin);
    }
}
