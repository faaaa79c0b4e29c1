package com.cloudpbx.core.routing;

import static com.cloudpbx.core.calls.CallFixtures.admin;
import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static com.cloudpbx.core.calls.CallFixtures.assertRefused;
import static com.cloudpbx.core.calls.CallFixtures.assertRefusedWithCode;
import static com.cloudpbx.core.calls.CallFixtures.readonly;
import static com.cloudpbx.core.calls.CallFixtures.superadmin;
import static com.cloudpbx.core.calls.CallFixtures.user;
import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.audit.AuditEntry;
import com.cloudpbx.core.audit.AuditQuery;
import com.cloudpbx.core.audit.AuditRecorder;
import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.routing.RingGroup.Member;
import com.cloudpbx.core.routing.RingGroup.RingStrategy;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.port.Transactions;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.testing.ListTenants;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RingGroupsTest {

    private final Tenant acme = tenant("Acme");
    private final MapPagingGroupRepositoryTest.DeletingExtensions extensions =
            new MapPagingGroupRepositoryTest.DeletingExtensions();
    private final MapRingGroupRepository store = new MapRingGroupRepository(extensions);
    private final List<AuditEntry> audited = Collections.synchronizedList(new ArrayList<>());
    private final RingGroups groups = new RingGroups(store, extensions,
            new ListTenants(new ArrayList<>(List.of(acme))), new Direct(), new AuditRecorder(new Trail(audited),
            Clock.fixed(T0, ZoneOffset.UTC)), Clock.fixed(T0, ZoneOffset.UTC));

    @BeforeEach
    void extensionsOfTheTenant() {
        for (String number : List.of("1001", "1002", "1003")) {
            extensions.insert(extension(acme.id(), number));
        }
    }

    @Test
    void aGroupWithOnlyANameTakesTheDefaults() {
        RingGroup created = groups.create(admin(acme), request("Defaults"));

        assertThat(created.strategy()).isEqualTo(RingStrategy.SIMULTANEOUS);
        assertThat(created.ringTimeoutSeconds()).isEqualTo(30);
        assertThat(created.noAnswer()).isEqualTo(RouteTarget.hangup());
        assertThat(created.members()).isEmpty();
        assertThat(store.findById(acme.id(), created.id())).contains(created);
    }

    @Test
    void membersTakeTheirDefaultPriorityAndDelay() {
        RingGroup created = groups.create(admin(acme), withMembers("Team",
                new RingGroupRequest.Member(" 1002 ", null, null), new RingGroupRequest.Member("1001", 3, 10)));

        assertThat(created.members()).containsExactly(new Member("1002", 1, 0), new Member("1001", 3, 10));
    }

    @Test
    void aDisabledMemberExtensionIsRefusedNamingIt() {
        Extension disabled = com.cloudpbx.core.testing.StoreSamples.withStatus(extension(acme.id(), "1009"),
                com.cloudpbx.core.extensions.ExtensionStatus.DISABLED);
        extensions.insert(disabled);

        assertInvalid(() -> groups.create(admin(acme), withMembers("Team",
                new RingGroupRequest.Member("1009", null, null))), "members[0].extension");
    }

    @Test
    void moreThanAHundredMembersAreRefused() {
        RingGroupRequest.Member[] many = IntStream.range(0, 101)
                .mapToObj(i -> new RingGroupRequest.Member("1001", null, null)).toArray(RingGroupRequest.Member[]::new);

        assertInvalid(() -> groups.create(admin(acme), withMembers("Crowd", many)), "members");
    }

    @Test
    void aVoicemailTargetNeedsAnExtensionWithVoicemail() {
        assertInvalid(() -> groups.create(admin(acme), noAnswer("Mailbox", "voicemail", "1001")), "noAnswerTarget");
    }

    @Test
    void anExternalTargetIsStoredInE164AndHangupDropsTheTarget() {
        RingGroup external = groups.create(admin(acme), noAnswer("Outside", "external", "+1 (555) 123-4567"));
        RingGroup hangup = groups.create(admin(acme), noAnswer("Drop", "hangup", "1001"));

        assertThat(external.noAnswer()).isEqualTo(new RouteTarget(RouteAction.EXTERNAL, "+15551234567"));
        assertThat(hangup.noAnswer()).isEqualTo(RouteTarget.hangup());
    }

    @Test
    void anIvrOrQueueTargetIsTheIdOfThatResource() {
        UUID menu = UUID.randomUUID();

        assertThat(groups.create(admin(acme), noAnswer("Menu", "ivr", menu.toString())).noAnswer())
                .isEqualTo(RouteTarget.resource(RouteAction.IVR, menu));
        assertInvalid(() -> groups.create(admin(acme), noAnswer("Queue", "queue", "Support")), "noAnswerTarget");
    }

    @Test
    void aRingGroupTargetIsFoundByNameOrIdButNeverTheGroupItself() {
        RingGroup overflow = groups.create(admin(acme), request("Overflow"));

        RingGroup byName = groups.create(admin(acme), noAnswer("Front", "ring_group", "Overflow"));
        RingGroup byId = groups.create(admin(acme), noAnswer("Back", "ring_group", overflow.id().toString()));

        assertThat(byName.noAnswer()).isEqualTo(RouteTarget.resource(RouteAction.RING_GROUP, overflow.id()));
        assertThat(byId.noAnswer()).isEqualTo(byName.noAnswer());
        assertInvalid(() -> groups.update(admin(acme), overflow.id(), new RingGroupRequest(Change.absent(),
                Change.absent(), Change.absent(), Change.to("ring_group"), Change.to("Overflow"), Change.absent())),
                "noAnswerTarget");
    }

    @Test
    void changingTheActionAloneNeedsANewTarget() {
        RingGroup group = groups.create(admin(acme), noAnswer("Team", "extension", "1001"));

        assertInvalid(() -> groups.update(admin(acme), group.id(), new RingGroupRequest(Change.absent(),
                Change.absent(), Change.absent(), Change.to("external"), Change.absent(), Change.absent())),
                "noAnswerTarget");
        RingGroup retargeted = groups.update(admin(acme), group.id(), new RingGroupRequest(Change.absent(),
                Change.absent(), Change.absent(), Change.absent(), Change.to("1002"), Change.absent()));
        assertThat(retargeted.noAnswer()).isEqualTo(new RouteTarget(RouteAction.EXTENSION, "1002"));
    }

    @Test
    void nullForARequiredFieldOnUpdateIsRefused() {
        RingGroup group = groups.create(admin(acme), request("Team"));

        assertInvalid(() -> groups.update(admin(acme), group.id(), new RingGroupRequest(Change.absent(),
                Change.to(null), Change.absent(), Change.absent(), Change.absent(), Change.absent())), "strategy");
        assertInvalid(() -> groups.update(admin(acme), group.id(), new RingGroupRequest(Change.to(null),
                Change.absent(), Change.absent(), Change.absent(), Change.absent(), Change.absent())), "name");
    }

    @Test
    void aGroupAnotherGroupSendsCallsToCannotBeDeleted() {
        RingGroup overflow = groups.create(admin(acme), request("Overflow"));
        groups.create(admin(acme), noAnswer("Front", "ring_group", "Overflow"));

        assertRefusedWithCode(() -> groups.delete(admin(acme), overflow.id()), "IN_USE");
        assertThat(store.findById(acme.id(), overflow.id())).isPresent();
    }

    @Test
    void everyWriteIsAudited() {
        RingGroup group = groups.create(admin(acme), request("Audited"));
        groups.update(admin(acme), group.id(), request("Renamed"));
        groups.delete(admin(acme), group.id());

        assertThat(audited).extracting(AuditEntry::action).containsExactly("create", "update", "delete");
        assertThat(audited).extracting(AuditEntry::resource).containsOnly("ring_group");
    }

    @Test
    void readonlyReadsButDoesNotWriteAndUsersAndSuperadminsWithoutTenantAreRefused() {
        RingGroup group = groups.create(admin(acme), request("Visible"));

        assertThat(groups.get(readonly(acme), group.id())).isEqualTo(group);
        assertRefused(() -> groups.create(readonly(acme), request("No")), ErrorKind.FORBIDDEN);
        assertRefused(() -> groups.list(user(acme, extension(acme.id(), "1001"))), ErrorKind.FORBIDDEN);
        assertRefusedWithCode(() -> groups.create(superadmin(), request("No")), "TENANT_REQUIRED");
        assertRefused(() -> groups.get(admin(tenant("Globex")), group.id()), ErrorKind.NOT_FOUND);
    }

    private static RingGroupRequest request(String name) {
        return new RingGroupRequest(Change.to(name), Change.absent(), Change.absent(), Change.absent(),
                Change.absent(), Change.absent());
    }

    private static RingGroupRequest withMembers(String name, RingGroupRequest.Member... members) {
        return new RingGroupRequest(Change.to(name), Change.absent(), Change.absent(), Change.absent(),
                Change.absent(), Change.to(List.of(members)));
    }

    private static RingGroupRequest noAnswer(String name, String action, String target) {
        return new RingGroupRequest(Change.to(name), Change.absent(), Change.absent(), Change.to(action),
                Change.to(target), Change.absent());
    }

    /** Runs the work at once: the map store needs no transaction. */
    static final class Direct implements Transactions {

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }

    /** Keeps what is audited for the test to read. */
    record Trail(List<AuditEntry> entries) implements AuditLog {

        @Override
        public void append(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public Page<AuditEntry> find(AuditQuery query, PageRequest page) {
            throw new UnsupportedOperationException("not read here");
        }
    }
}
