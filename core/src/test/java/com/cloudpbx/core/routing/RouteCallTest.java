package com.cloudpbx.core.routing;

import static com.cloudpbx.core.routing.DirectoryLookupTest.extension;
import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static com.cloudpbx.core.testing.StoreSamples.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.blocklist.BlockDirection;
import com.cloudpbx.core.blocklist.BlockPattern;
import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.blocklist.MapBlocklistRepository;
import com.cloudpbx.core.calls.MapParkSlots;
import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.routing.RouteDecision.BridgeToExtension;
import com.cloudpbx.core.routing.RouteDecision.NotFound;
import com.cloudpbx.core.routing.RouteDecision.Outbound;
import com.cloudpbx.core.routing.RouteDecision.PickUpParked;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStatus;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouteCallTest {

    private final RoutingStore store = new RoutingStore();
    private final MapParkSlots parkSlots = new MapParkSlots();
    private final MapBlocklistRepository blocklist = new MapBlocklistRepository();
    private final java.util.Map<com.cloudpbx.core.shared.TenantId, String> trunks = new java.util.HashMap<>();
    private final MapPagingGroupRepository pagingGroups = new MapPagingGroupRepository(store.extensions());
    private final RouteCall routing = new RouteCall(store.tenants(), store.extensions(), parkSlots, new ParkSlotRange(701, 750),
            new CallScreening(blocklist), tenant -> Optional.ofNullable(trunks.get(tenant)), pagingGroups,
            new com.cloudpbx.core.calls.ConferenceRooms(new java.security.SecureRandom()));
    private final Tenant acme = tenant("Acme");

    RouteCallTest() {
        store.tenantRows.add(acme);
        store.extensionRows.add(extension(acme, "1001", "pass-1001", "Alice"));
        store.extensionRows.add(extension(acme, "1002", "pass-1002", "Bob"));
    }

    @Test
    void anExtensionOfTheTenantIsRungOnItsDomain() {
        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "1002"))
                .isEqualTo(new BridgeToExtension(acme.id(), "1002", acme.sipDomain()));
    }

    @Test
    void aSlotHoldingAParkedCallIsPickedUp() {
        parkSlots.claim(acme.id(), "701", UUID.randomUUID());

        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "701"))
                .isEqualTo(new PickUpParked(acme.id(), "701"));
    }

    @Test
    void anEmptySlotIsNothingToRouteTo() {
        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "702")).isEqualTo(new NotFound());
    }

    @Test
    void aCallParkedByAnotherTenantIsNotPickedUp() {
        Tenant other = tenant("Other");
        store.tenantRows.add(other);
        parkSlots.claim(other.id(), "701", UUID.randomUUID());

        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "701")).isEqualTo(new NotFound());
    }

    @Test
    void anOutsideNumberGoesOutThroughTheTenantsTrunkInE164() {
        trunks.put(acme.id(), "trunk-6a1d2c3b-0f4e-4d5c-8b9a-7e6f5d4c3b2a");

        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "+1 (555) 123-4567"))
                .isEqualTo(new Outbound(acme.id(), "+15551234567", "trunk-6a1d2c3b-0f4e-4d5c-8b9a-7e6f5d4c3b2a"));
    }

    @Test
    void withoutATrunkAnOutsideNumberGoesOutThroughTheTenantsOwnGateway() {
        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "+15551234567"))
                .isEqualTo(new Outbound(acme.id(), "+15551234567", TenantTrunks.gateway(acme.id())));
    }

    @Test
    void aPagingCodePagesTheGroupsOtherMembersIntoAFreshRoom() {
        pagingGroups.insert(new PagingGroup(UUID.randomUUID(), acme.id(), "All", null, "*801",
                java.util.List.of("1001", "1002"), T0, T0));

        RouteDecision decision = routing.route(acme.sipDomain(), Optional.of("1001"), "*801");

        assertThat(decision).isInstanceOfSatisfying(RouteDecision.Page.class, page -> {
            assertThat(page.members()).containsExactly("1002");
            assertThat(page.room()).contains("page-");
            assertThat(page.sipDomain()).isEqualTo(acme.sipDomain());
        });
    }

    @Test
    void aCodeNoGroupHasIsNothingToRouteTo() {
        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "*802")).isEqualTo(new NotFound());
    }

    @Test
    void aBlockedNumberIsNothingToRouteTo() {
        blocklist.insert(new BlockedNumber(UUID.randomUUID(), acme.id(), BlockPattern.exact(new PhoneNumber("+15551234567")),
                null, BlockDirection.OUTBOUND, T0));

        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "+15551234567")).isEqualTo(new NotFound());
    }

    @Test
    void unknownAndDisabledExtensionsAreNothingToRouteTo() {
        store.extensionRows.add(withStatus(extension(acme, "1003", "pass-1003", "Carol"), ExtensionStatus.DISABLED));

        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "1003")).isEqualTo(new NotFound());
        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "1999")).isEqualTo(new NotFound());
    }

    @Test
    void whatIsNeitherAnExtensionNorAPhoneNumberIsNothingToRouteTo() {
        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "*98")).isEqualTo(new NotFound());
        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "")).isEqualTo(new NotFound());
        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), null)).isEqualTo(new NotFound());
    }

    @Test
    void aDisabledOrUnknownCallerCannotCall() {
        store.extensionRows.add(withStatus(extension(acme, "1003", "pass-1003", "Carol"), ExtensionStatus.DISABLED));

        assertThat(routing.route(acme.sipDomain(), Optional.of("1003"), "1002")).isEqualTo(new NotFound());
        assertThat(routing.route(acme.sipDomain(), Optional.of("1999"), "1002")).isEqualTo(new NotFound());
    }

    @Test
    void aLegWithoutACallerExtensionIsRoutedByTheContextAlone() {
        assertThat(routing.route(acme.sipDomain(), Optional.empty(), "1002"))
                .isEqualTo(new BridgeToExtension(acme.id(), "1002", acme.sipDomain()));
    }

    @Test
    void unknownAndSuspendedTenantsRouteNothing() {
        Tenant base = tenant("Sleepy");
        Tenant sleepy = new Tenant(base.id(), base.companyName(), base.subdomain(), base.sipDomain(),
                TenantStatus.SUSPENDED, T0, T0);
        store.tenantRows.add(sleepy);
        store.extensionRows.add(extension(sleepy, "1002", "pass-1002", "Bob"));

        assertThat(routing.route(sleepy.sipDomain(), Optional.empty(), "1002")).isEqualTo(new NotFound());
        assertThat(routing.route("public", Optional.empty(), "1002")).isEqualTo(new NotFound());
    }

    @Test
    void anotherTenantsExtensionIsNotReachableFromThisContext() {
        Tenant other = tenant("Other");
        store.tenantRows.add(other);
        store.extensionRows.add(extension(other, "2001", "pass-2001", "Eve"));

        assertThat(routing.route(acme.sipDomain(), Optional.of("1001"), "2001")).isEqualTo(new NotFound());
    }
}
