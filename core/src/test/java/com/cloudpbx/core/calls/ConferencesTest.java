package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.admin;
import static com.cloudpbx.core.calls.CallFixtures.answeredLeg;
import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static com.cloudpbx.core.calls.CallFixtures.assertRefused;
import static com.cloudpbx.core.calls.CallFixtures.assertRefusedWithCode;
import static com.cloudpbx.core.calls.CallFixtures.superadmin;
import static com.cloudpbx.core.calls.CallFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.calls.ConferenceSnapshot.Member;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.testing.StoreSamples;
import com.cloudpbx.core.tenants.Tenant;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConferencesTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");

    private final Tenant acme = StoreSamples.tenant("Acme");
    private final Tenant globex = StoreSamples.tenant("Globex");
    private final Extension alice = StoreSamples.extension(acme.id(), "1001");

    private final MapLiveChannels live = new MapLiveChannels();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());
    private final Conferences conferences = new Conferences(media, rooms,
            new CallAccess(live, new ListExtensions(List.of(alice)), new ListTenants(List.of(acme, globex))));

    @Test
    void listShowsTheTenantsRoomsByTheirOwnNamesSortedByName() {
        room(acme, "sales", false, member("1"));
        room(acme, "board", false, member("2"));
        room(globex, "all-hands", false, member("3"));
        media.conferences.add(new ConferenceSnapshot("3000", false, T0, List.of(member("4"))));

        assertThat(conferences.list(admin(acme))).extracting(Conference::name).containsExactly("board", "sales");
    }

    @Test
    void aRoomOfAnotherTenantIsInvisibleEvenWhenItsNameMatches() {
        room(acme, "standup", false, member("1"));
        room(globex, "standup", true, member("7"), member("8"));

        Conference standup = conferences.get(admin(acme), "standup");

        assertThat(standup.locked()).isFalse();
        assertThat(standup.members()).extracting(Member::memberId).containsExactly("1");
        assertThat(conferences.list(admin(acme))).hasSize(1);
    }

    @Test
    void getOfAnUnknownNameIsNotFound() {
        room(acme, "standup", false, member("1"));

        assertRefused(() -> conferences.get(admin(acme), "retro"), ErrorKind.NOT_FOUND);
    }

    @Test
    void getOfANameOnlyAnotherTenantUsesIsNotFound() {
        room(globex, "standup", false, member("1"));

        assertRefused(() -> conferences.get(admin(acme), "standup"), ErrorKind.NOT_FOUND);
    }

    @Test
    void aSuperadminMustNameATenantToSeeItsConferences() {
        assertRefusedWithCode(() -> conferences.list(superadmin()), "TENANT_REQUIRED");
    }

    @Test
    void kickRemovesTheMemberFromTheTenantsRoom() {
        room(acme, "standup", false, member("1"), member("2"));

        conferences.kick(admin(acme), "standup", "2");

        assertThat(media.commands).containsExactly("kick " + rooms.room(acme.id(), "standup") + " 2");
    }

    @Test
    void muteMutesTheMemberInTheTenantsRoom() {
        room(acme, "standup", false, member("1"));

        conferences.mute(admin(acme), "standup", "1", true);

        assertThat(media.commands).containsExactly("mute " + rooms.room(acme.id(), "standup") + " 1 true");
    }

    @Test
    void lockLocksTheTenantsRoom() {
        room(acme, "standup", false, member("1"));

        conferences.lock(admin(acme), "standup", true);

        assertThat(media.commands).containsExactly("lock " + rooms.room(acme.id(), "standup") + " true");
    }

    @Test
    void kickingAnUnknownMemberIsMemberNotFoundAndSendsNothing() {
        room(acme, "standup", false, member("1"));

        assertRefusedWithCode(() -> conferences.kick(admin(acme), "standup", "9"), "MEMBER_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void mutingAnUnknownMemberIsMemberNotFoundAndSendsNothing() {
        room(acme, "standup", false, member("1"));

        assertRefusedWithCode(() -> conferences.mute(admin(acme), "standup", "9", true), "MEMBER_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void aMemberOfAnotherTenantsRoomOfTheSameNameIsUnknown() {
        room(acme, "standup", false, member("1"));
        room(globex, "standup", false, member("7"));

        assertRefusedWithCode(() -> conferences.kick(admin(acme), "standup", "7"), "MEMBER_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void kickingWithoutAMemberIdIsAValidationFailureNamingMemberId() {
        room(acme, "standup", false, member("1"));

        assertInvalid(() -> conferences.kick(admin(acme), "standup", " "), "memberId");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void managingARoomOnlyAnotherTenantHasIsNotFoundAndSendsNothing() {
        room(globex, "standup", false, member("1"));

        assertRefused(() -> conferences.lock(admin(acme), "standup", true), ErrorKind.NOT_FOUND);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void anExtensionUserMayNotKickMuteOrLock() {
        room(acme, "standup", false, member("1"));

        assertRefused(() -> conferences.kick(user(acme, alice), "standup", "1"), ErrorKind.FORBIDDEN);
        assertRefused(() -> conferences.mute(user(acme, alice), "standup", "1", true), ErrorKind.FORBIDDEN);
        assertRefused(() -> conferences.lock(user(acme, alice), "standup", true), ErrorKind.FORBIDDEN);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void joinMovesTheCallIntoTheTenantsRoom() {
        LiveChannel leg = leg(acme);

        conferences.join(admin(acme), "standup", leg.uuid());

        assertThat(media.commands).containsExactly("join " + leg.uuid() + " " + rooms.room(acme.id(), "standup"));
    }

    @Test
    void joinRefusesAnInvalidNameNamingTheNameField() {
        LiveChannel leg = leg(acme);

        assertInvalid(() -> conferences.join(admin(acme), "bad name!", leg.uuid()), "name");
        assertInvalid(() -> conferences.join(admin(acme), null, leg.uuid()), "name");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void joinNeedsACallUuid() {
        assertInvalid(() -> conferences.join(admin(acme), "standup", null), "callUuid");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void joinOfAnotherTenantsCallIsNotFound() {
        LiveChannel theirs = leg(globex);

        assertRefused(() -> conferences.join(admin(acme), "standup", theirs.uuid()), ErrorKind.NOT_FOUND);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void joinOfAnUnknownCallIsCallNotFound() {
        assertRefusedWithCode(() -> conferences.join(admin(acme), "standup", UUID.randomUUID()), "CALL_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    private void room(Tenant tenant, String name, boolean locked, Member... members) {
        media.conferences.add(new ConferenceSnapshot(rooms.room(tenant.id(), name), locked, T0, List.of(members)));
    }

    private static Member member(String memberId) {
        return new Member(memberId, UUID.randomUUID(), "+1555000" + memberId, "Member " + memberId, false);
    }

    private LiveChannel leg(Tenant tenant) {
        LiveChannel leg = answeredLeg(tenant, UUID.randomUUID(), "1001", T0);
        live.put(leg);
        return leg;
    }
}
