package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.admin;
import static com.cloudpbx.core.calls.CallFixtures.answeredLeg;
import static com.cloudpbx.core.calls.CallFixtures.superadmin;
import static com.cloudpbx.core.calls.CallFixtures.superadminIn;
import static com.cloudpbx.core.calls.CallFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.testing.CountingExtensions;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.testing.StoreSamples;
import com.cloudpbx.core.tenants.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveCallsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");

    private final Tenant acme = StoreSamples.tenant("Acme");
    private final Tenant globex = StoreSamples.tenant("Globex");
    private final Extension alice = StoreSamples.extension(acme.id(), "1001");
    private final Extension bob = StoreSamples.extension(acme.id(), "1002");
    private final Extension removed = StoreSamples.extension(acme.id(), "1009");

    private final MapLiveChannels live = new MapLiveChannels();
    private final LiveCalls calls = new LiveCalls(live,
            new CallAccess(live, new ListExtensions(List.of(alice, bob)), new ListTenants(List.of(acme, globex))));

    @Test
    void anAdminSeesTheLegsOfItsTenantSortedByStart() {
        LiveChannel later = put(leg(acme, "1001", T0.plusSeconds(30)));
        LiveChannel earlier = put(leg(acme, "1002", T0));
        put(leg(globex, "1001", T0.plusSeconds(10)));

        assertThat(calls.active(admin(acme))).containsExactly(earlier, later);
    }

    @Test
    void aSuperadminActingInNoTenantSeesTheLegsOfEveryTenant() {
        LiveChannel acmes = put(leg(acme, "1001", T0.plusSeconds(5)));
        LiveChannel globexs = put(leg(globex, "1001", T0));

        assertThat(calls.active(superadmin())).containsExactly(globexs, acmes);
    }

    @Test
    void aSuperadminActingInATenantSeesOnlyThatTenantsLegs() {
        LiveChannel acmes = put(leg(acme, "1001", T0));
        put(leg(globex, "1001", T0));

        assertThat(calls.active(superadminIn(acme))).containsExactly(acmes);
    }

    @Test
    void aUserSeesEveryLegOfTheCallsItsExtensionTakesPartInAndNothingElse() {
        UUID alicesCall = UUID.randomUUID();
        LiveChannel alicesLeg = put(answeredLeg(acme, alicesCall, "1001", T0));
        LiveChannel herCaller = put(answeredLeg(acme, alicesCall, null, T0.plusSeconds(1)));
        UUID bobsCall = UUID.randomUUID();
        put(answeredLeg(acme, bobsCall, "1002", T0));
        put(answeredLeg(acme, bobsCall, null, T0.plusSeconds(1)));

        assertThat(calls.active(user(acme, alice))).containsExactly(alicesLeg, herCaller);
    }

    @Test
    void aUserListingManyLegsCostsOneExtensionLookup() {
        CountingExtensions counted = new CountingExtensions(new ListExtensions(List.of(alice, bob)));
        LiveCalls counting = new LiveCalls(live, new CallAccess(live, counted, new ListTenants(List.of(acme))));
        UUID alicesCall = UUID.randomUUID();
        put(answeredLeg(acme, alicesCall, "1001", T0));
        put(answeredLeg(acme, alicesCall, null, T0.plusSeconds(1)));
        for (int i = 0; i < 200; i++) {
            put(answeredLeg(acme, UUID.randomUUID(), i % 2 == 0 ? "1002" : null, T0.plusSeconds(2 + i)));
        }

        List<LiveChannel> seen = counting.active(user(acme, alice));

        assertThat(seen).hasSize(2).allMatch(c -> c.callUuid().equals(alicesCall));
        assertThat(counted.lookups()).isEqualTo(1);
    }

    @Test
    void aUserWhoseExtensionNoLongerExistsSeesNoCall() {
        put(leg(acme, "1009", T0));

        assertThat(calls.active(user(acme, removed))).isEmpty();
    }

    @Test
    void parkedListsOnlyTheParkedLegs() {
        put(leg(acme, "1001", T0));
        LiveChannel parked = put(leg(acme, "1002", T0).parkedIn("701"));

        assertThat(calls.parked(admin(acme))).containsExactly(new ParkedCall("701", parked));
    }

    @Test
    void parkedCallsAreSortedBySlotNumberWhateverTheirStart() {
        put(leg(acme, "1001", T0).parkedIn("12"));
        put(leg(acme, "1002", T0.plusSeconds(10)).parkedIn("3"));
        put(leg(acme, "1003", T0.plusSeconds(20)).parkedIn("7"));

        assertThat(calls.parked(admin(acme))).extracting(ParkedCall::slot).containsExactly("3", "7", "12");
    }

    @Test
    void parkedCallsOfAnotherTenantAreNotListed() {
        put(leg(globex, "1001", T0).parkedIn("701"));

        assertThat(calls.parked(admin(acme))).isEmpty();
    }

    /** The only leg of a call of its own. */
    private static LiveChannel leg(Tenant tenant, String extension, Instant startedAt) {
        return answeredLeg(tenant, UUID.randomUUID(), extension, startedAt);
    }

    private LiveChannel put(LiveChannel channel) {
        live.put(channel);
        return channel;
    }
}
