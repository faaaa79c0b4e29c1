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

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MapLiveChannels;
import com.cloudpbx.core.calls.PagingBroadcast;
import com.cloudpbx.core.calls.RecordingMediaServer;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.routing.PageResult.MemberResult;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.StoreSamples;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastPagingTest {

    private final Tenant acme = tenant("Acme");
    private final MapPagingGroupRepositoryTest.DeletingExtensions extensions =
            new MapPagingGroupRepositoryTest.DeletingExtensions();
    private final MapPagingGroupRepository groups = new MapPagingGroupRepository(extensions);
    private final MapLiveChannels live = new MapLiveChannels();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());
    private final BroadcastPaging paging = new BroadcastPaging(groups, extensions,
            new ListTenants(new ArrayList<>(List.of(acme))), media, live,
            new PagingBroadcast(media, rooms, live, Duration.ofMillis(20)), Duration.ofMillis(300));
    private Set<String> answering = Set.of("1001", "1002", "1003", "1004", "1005");

    @BeforeEach
    void phonesAnswerWhenTheyAreOnline() {
        for (String number : List.of("1001", "1002", "1003", "1004", "1005")) {
            extensions.insert(extension(acme.id(), number));
        }
        media.listJoinedMembers();
        media.onIntercom(this::ring);
    }

    @Test
    void membersWhosePhoneAnswersAreOnlineAndJoinTheCallersRoomMutedTheOthersAreHungUp() {
        answering = Set.of("1001", "1002");
        PagingGroup group = group("1002", "1003");

        PageResult page = paging.broadcast(admin(acme), group.id(), "1001");

        assertThat(page.results()).containsExactly(new MemberResult("1002", true), new MemberResult("1003", false));
        assertThat(page.membersOnline()).isEqualTo(1);
        assertThat(page.membersContacted()).isEqualTo(1);
        assertThat(page.membersTotal()).isEqualTo(2);
        assertThat(page.groupName()).isEqualTo("Floor");
        assertThat(page.jobId()).isEqualTo(legOf("1001"));
        String room = rooms.room(acme.id(), page.conferenceName());
        assertThat(media.commands).containsSubsequence("intercom 1001", "intercom 1002", "intercom 1003",
                "hangup " + legOf("1003"), "join " + legOf("1001") + " " + room, "join " + legOf("1002") + " " + room,
                "mute " + room + " 2 true");
    }

    @Test
    void everyPhoneIsAskedToAnswerByItselfShowingTheCallerAndTheGroup() {
        PagingGroup group = group("1002");

        paging.broadcast(admin(acme), group.id(), "1001");

        assertThat(media.intercoms).allSatisfy(call -> {
            assertThat(call.tenant()).isEqualTo(acme.id());
            assertThat(call.callerIdNumber()).isEqualTo("1001");
            assertThat(call.callerIdName()).isEqualTo("Floor");
            assertThat(call.extension().sipDomain()).isEqualTo(acme.sipDomain());
            assertThat(call.timeout()).isEqualTo(Duration.ofMillis(300));
        });
    }

    @Test
    void aMemberInDoNotDisturbOrDisabledIsOfflineWithoutBeingRung() {
        Extension dnd = stored("1003");
        extensions.delete(acme.id(), dnd.id());
        extensions.delete(acme.id(), stored("1004").id());
        extensions.insert(new Extension(dnd.id(), dnd.tenant(), dnd.number(), dnd.displayName(),
                dnd.sipPasswordEncrypted(), false, null, true, true, true, null, ExtensionStatus.ACTIVE, null, null,
                dnd.presence(), T0, T0));
        extensions.insert(StoreSamples.withStatus(StoreSamples.extension(acme.id(), "1004"), ExtensionStatus.DISABLED));
        PagingGroup group = group("1002", "1003", "1004");

        PageResult page = paging.broadcast(admin(acme), group.id(), "1001");

        assertThat(page.results()).containsExactly(new MemberResult("1002", true), new MemberResult("1003", false),
                new MemberResult("1004", false));
        assertThat(media.commands).doesNotContain("intercom 1003", "intercom 1004");
    }

    @Test
    void thePagingCallerIsNotPagedEvenWhenAMember() {
        PagingGroup group = group("1001", "1002");

        PageResult page = paging.broadcast(admin(acme), group.id(), "1001");

        assertThat(page.results()).containsExactly(new MemberResult("1002", true));
        assertThat(page.membersTotal()).isEqualTo(1);
        assertThat(media.commands).filteredOn(c -> c.equals("intercom 1001")).hasSize(1);
    }

    @Test
    void noMemberAnsweringIsRefusedAndTheCallerIsHungUp() {
        answering = Set.of("1001");
        PagingGroup group = group("1002", "1003");

        assertRefusedWithCode(() -> paging.broadcast(admin(acme), group.id(), "1001"), "NO_MEMBERS_ONLINE");

        assertThat(media.commands).contains("hangup " + legOf("1001"), "hangup " + legOf("1002"),
                "hangup " + legOf("1003"));
        assertThat(media.commands).noneMatch(c -> c.startsWith("join "));
    }

    @Test
    void aCallerWhosePhoneDoesNotAnswerIsRefusedAndEveryLegIsHungUp() {
        answering = Set.of("1002");
        PagingGroup group = group("1002");

        assertRefusedWithCode(() -> paging.broadcast(admin(acme), group.id(), "1001"), "CALLER_OFFLINE");

        assertThat(media.commands).contains("hangup " + legOf("1001"), "hangup " + legOf("1002"));
        assertThat(media.commands).noneMatch(c -> c.startsWith("join "));
    }

    @Test
    void aRoomTheSwitchRefusesLeavesNoPhoneOnTheLine() {
        PagingGroup group = group("1002");
        media.refuse("join", com.cloudpbx.core.shared.DomainException.badGateway("MEDIA_SERVER_REFUSED", "no"));

        assertRefusedWithCode(() -> paging.broadcast(admin(acme), group.id(), "1001"), "MEDIA_SERVER_REFUSED");

        assertThat(media.commands).contains("hangup " + legOf("1001"), "hangup " + legOf("1002"));
    }

    @Test
    void aGroupWithNobodyToRingIsRefusedBeforeAnyPhoneRings() {
        PagingGroup group = group();

        assertRefusedWithCode(() -> paging.broadcast(admin(acme), group.id(), "1001"), "NO_MEMBERS_ONLINE");

        assertThat(media.commands).isEmpty();
    }

    @Test
    void anUnknownOrMissingCallerExtensionIsRefusedBeforeAnyPhoneRings() {
        PagingGroup group = group("1002");

        assertInvalid(() -> paging.broadcast(admin(acme), group.id(), "1999"), "callerExtension");
        assertInvalid(() -> paging.broadcast(admin(acme), group.id(), null), "callerExtension");

        assertThat(media.commands).isEmpty();
    }

    @Test
    void readonlyMayNotPageAndAnotherTenantsGroupIsNotFound() {
        PagingGroup group = group("1002");

        assertRefused(() -> paging.broadcast(readonly(acme), group.id(), "1001"), ErrorKind.FORBIDDEN);
        assertRefused(() -> paging.broadcast(admin(tenant("Globex")), group.id(), "1001"), ErrorKind.NOT_FOUND);
        assertThat(media.commands).isEmpty();
    }

    private void ring(IntercomCall call) {
        String number = call.extension().value();
        boolean answers = answering.contains(number);
        live.put(new LiveChannel(call.uuid(), call.uuid(), call.tenant(), number, call.callerIdNumber(),
                call.callerIdName(), number, CallDirection.INTERNAL, answers, false, T0, answers ? T0 : null, null,
                null, null));
    }

    private UUID legOf(String extension) {
        return media.intercoms.stream().filter(call -> call.extension().value().equals(extension)).findFirst()
                .orElseThrow().uuid();
    }

    private Extension stored(String number) {
        return extensions.list(java.util.Optional.of(acme.id())).stream()
                .filter(e -> e.number().value().equals(number)).findFirst().orElseThrow();
    }

    private PagingGroup group(String... members) {
        PagingGroup group = new PagingGroup(UUID.randomUUID(), acme.id(), "Floor", null, "*801", List.of(members),
                T0, T0);
        groups.insert(group);
        return group;
    }
}
