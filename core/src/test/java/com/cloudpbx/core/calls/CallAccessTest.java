package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.answeredLeg;
import static com.cloudpbx.core.calls.CallFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.StoreSamples;
import com.cloudpbx.core.tenants.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallAccessTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");

    private final Tenant acme = StoreSamples.tenant("Acme");
    private final Extension alice = StoreSamples.extension(acme.id(), "1001");
    private final Extension bob = StoreSamples.extension(acme.id(), "1002");

    private final MapLiveChannels live = new MapLiveChannels();
    private final CallAccess access = new CallAccess(live, new ListExtensions(List.of(alice, bob)),
            new ListTenants(List.of(acme)));

    @Test
    void aUsersLegReadBeforeItsStateChangedIsStillItsOwn() {
        UUID call = UUID.randomUUID();
        LiveChannel read = answeredLeg(acme, call, "1001", T0);
        live.put(read);
        live.put(read.held(true));

        assertThat(access.ownedByUser(user(acme, alice), read)).isTrue();
    }

    @Test
    void aLegOfAnotherExtensionsCallIsNotTheUsers() {
        LiveChannel bobs = answeredLeg(acme, UUID.randomUUID(), "1002", T0);
        live.put(bobs);

        assertThat(access.ownedByUser(user(acme, alice), bobs)).isFalse();
    }
}
