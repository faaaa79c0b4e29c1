package com.cloudpbx.core.routing;

import static com.cloudpbx.core.calls.CallFixtures.admin;
import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static com.cloudpbx.core.calls.CallFixtures.assertRefused;
import static com.cloudpbx.core.calls.CallFixtures.assertRefusedWithCode;
import static com.cloudpbx.core.calls.CallFixtures.readonly;
import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.audit.AuditEntry;
import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.testing.ListTenants;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagingGroupsTest {

    private final Tenant acme = tenant("Acme");
    private final MapPagingGroupRepositoryTest.DeletingExtensions extensions =
            new MapPagingGroupRepositoryTest.DeletingExtensions();
    private final MapPagingGroupRepository store = new MapPagingGroupRepository(extensions);
    private final List<AuditEntry> audited = Collections.synchronizedList(new ArrayList<>());
    private final PagingGroups groups = new PagingGroups(store, extensions,
            new ListTenants(new ArrayList<>(List.of(acme))), new RingGroupsTest.Direct(),
            new AuditRecorder(new RingGroupsTest.Trail(audited), Clock.fixed(T0, ZoneOffset.UTC)),
            Clock.fixed(T0, ZoneOffset.UTC));

    @BeforeEach
    void extensionsOfTheTenant() {
        for (String number : List.of("1001", "1002")) {
            extensions.insert(extension(acme.id(), number));
        }
    }

    @Test
    void aGroupIsCreatedWithItsCodeDescriptionAndMembers() {
        PagingGroup created = groups.create(admin(acme), request("Floor", " *801 ", "Warehouse", "1002", "1001"));

        assertThat(created.extensionCode()).isEqualTo("*801");
        assertThat(created.description()).isEqualTo("Warehouse");
        assertThat(created.members()).containsExactly("1002", "1001");
        assertThat(store.findById(acme.id(), created.id())).contains(created);
        assertThat(audited).extracting(AuditEntry::resource).containsExactly("paging_group");
    }

    @Test
    void anExtensionCodeIsAStarAndOneToSixDigits() {
        for (String code : List.of("801", "*", "*1234567", "*80a", "#801")) {
            assertInvalid(() -> groups.create(admin(acme), request("Floor " + code, code, null)), "extensionCode");
        }
        assertInvalid(() -> groups.create(admin(acme), request("No code", null, null)), "extensionCode");
        assertThat(groups.create(admin(acme), request("Longest", "*123456", null)).extensionCode()).isEqualTo("*123456");
    }

    @Test
    void aCodeTakenByAnotherGroupIsADuplicateNamingThatGroup() {
        groups.create(admin(acme), request("Floor", "*801", null));

        assertRefusedWithCode(() -> groups.create(admin(acme), request("Office", "*801", null)), "DUPLICATE");
    }

    @Test
    void aGroupKeepsItsOwnNameAndCodeOnUpdate() {
        PagingGroup group = groups.create(admin(acme), request("Floor", "*801", null, "1001"));

        PagingGroup updated = groups.update(admin(acme), group.id(), new PagingGroupRequest(Change.to("Floor"),
                Change.to("  "), Change.to("*801"), Change.absent()));

        assertThat(updated.description()).isNull();
        assertThat(updated.members()).containsExactly("1001");
    }

    @Test
    void readonlyReadsButDoesNotWriteAndAnotherTenantsGroupIsNotFound() {
        PagingGroup group = groups.create(admin(acme), request("Floor", "*801", null));

        assertThat(groups.list(readonly(acme)).items()).containsExactly(group);
        assertRefused(() -> groups.delete(readonly(acme), group.id()), ErrorKind.FORBIDDEN);
        assertRefused(() -> groups.delete(admin(tenant("Globex")), group.id()), ErrorKind.NOT_FOUND);
    }

    private static PagingGroupRequest request(String name, String code, String description, String... members) {
        return new PagingGroupRequest(Change.to(name), Change.to(description), Change.to(code),
                Change.to(List.of(members)));
    }
}
