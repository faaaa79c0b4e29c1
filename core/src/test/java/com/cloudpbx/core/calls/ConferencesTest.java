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

    private final MapLiveCallStore live = new MapLiveCallStore();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());
    private final Conferences conferences = new Conferences(media, rooms,
            new CallAccess(live, new ListExtensions(List.of(alice)), new ListTenants(List.of(acme, globex))));

    @Test
    void list_shows_the_tenants_rooms_by_their_own_names_sorted_by_name() {
        room(acme, "sales", false, member("1"));
        room(acme, "board", false, member("2"));
        room(globex, "all-hands", false, member("3"));
        media.conferences.add(new ConferenceSnapshot("3000", false, T0, List.of(member("4"))));

        assertThat(conferences.list(admin(acme))).extracting(Conference::name).containsExactly("board", "sales");
    }

    @Test
    void a_room_of_another_tenant_is_invisible_even_when_its_name_matches() {
        room(acme, "standup", false, member("1"));
        room(globex, "standup", true, member("7"), member("8"));

        Conference standup = conferences.get(admin(acme), "standup");

        assertThat(standup.locked()).isFalse();
        assertThat(standup.members()).extracting(Member::memberId).containsExactly("1");
        assertThat(conferences.list(admin(acme))).hasSize(1);
    }

    @Test
    void get_of_an_unknown_name_is_not_found() {
        room(acme, "standup", false, member("1"));

        assertRefused(() -> conferences.get(admin(acme), "retro"), ErrorKind.NOT_FOUND);
    }

    @Test
    void get_of_a_name_only_another_tenant_uses_is_not_found() {
        room(globex, "standup", false, member("1"));

        assertRefused(() -> conferences.get(admin(acme), "standup"), ErrorKind.NOT_FOUND);
    }

    @Test
    void a_superadmin_must_name_a_tenant_to_see_its_conferences() {
        assertRefusedWithCode(() -> conferences.list(superadmin()), "TENANT_REQUIRED");
    }

    @Test
    void kick_removes_the_member_from_the_tenants_room() {
        room(acme, "standup", false, member("1"), member("2"));

        conferences.kick(admin(acme), "standup", "2");

        assertThat(media.commands).containsExactly("kick " + rooms.room(acme.id(), "standup") + " 2");
    }

    @Test
    void mute_mutes_the_member_in_the_tenants_room() {
        room(acme, "standup", false, member("1"));

        conferences.mute(admin(acme), "standup", "1", true);

        assertThat(media.commands).containsExactly("mute " + rooms.room(acme.id(), "standup") + " 1 true");
    }

    @Test
    void lock_locks_the_tenants_room() {
        room(acme, "standup", false, member("1"));

        conferences.lock(admin(acme), "standup", true);

        assertThat(media.commands).containsExactly("lock " + rooms.room(acme.id(), "standup") + " true");
    }

    @Test
    void kicking_an_unknown_member_is_member_not_found_and_sends_nothing() {
        room(acme, "standup", false, member("1"));

        assertRefusedWithCode(() -> conferences.kick(admin(acme), "standup", "9"), "MEMBER_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void muting_an_unknown_member_is_member_not_found_and_sends_nothing() {
        room(acme, "standup", false, member("1"));

        assertRefusedWithCode(() -> conferences.mute(admin(acme), "standup", "9", true), "MEMBER_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void a_member_of_another_tenants_room_of_the_same_name_is_unknown() {
        room(acme, "standup", false, member("1"));
        room(globex, "standup", false, member("7"));

        assertRefusedWithCode(() -> conferences.kick(admin(acme), "standup", "7"), "MEMBER_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void kicking_without_a_member_id_is_a_validation_failure_naming_member_id() {
        room(acme, "standup", false, member("1"));

        assertInvalid(() -> conferences.kick(admin(acme), "standup", " "), "memberId");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void managing_a_room_only_another_tenant_has_is_not_found_and_sends_nothing() {
        room(globex, "standup", false, member("1"));

        assertRefused(() -> conferences.lock(admin(acme), "standup", true), ErrorKind.NOT_FOUND);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void an_extension_user_may_not_kick_mute_or_lock() {
        room(acme, "standup", false, member("1"));

        assertRefused(() -> conferences.kick(user(acme, alice), "standup", "1"), ErrorKind.FORBIDDEN);
        assertRefused(() -> conferences.mute(user(acme, alice), "standup", "1", true), ErrorKind.FORBIDDEN);
        assertRefused(() -> conferences.lock(user(acme, alice), "standup", true), ErrorKind.FORBIDDEN);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void join_moves_the_call_into_the_tenants_room() {
        LiveChannel leg = leg(acme);

        conferences.join(admin(acme), "standup", leg.uuid());

        assertThat(media.commands).containsExactly("join " + leg.uuid() + " " + rooms.room(acme.id(), "standup"));
    }

    @Test
    void join_refuses_an_invalid_name_naming_the_name_field() {
        LiveChannel leg = leg(acme);

        assertInvalid(() -> conferences.join(admin(acme), "bad name!", leg.uuid()), "name");
        assertInvalid(() -> conferences.join(admin(acme), null, leg.uuid()), "name");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void join_needs_a_call_uuid() {
        assertInvalid(() -> conferences.join(admin(acme), "standup", null), "callUuid");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void join_of_another_tenants_call_is_not_found() {
        LiveChannel theirs = leg(globex);

        assertRefused(() -> conferences.join(admin(acme), "standup", theirs.uuid()), ErrorKind.NOT_FOUND);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void join_of_an_unknown_call_is_call_not_found() {
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
