package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.shared.TenantId;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConferenceRoomsTest {

    private final TenantId acme = TenantId.of(UUID.fromString("0f8e3a52-1c4d-4b6e-9a7f-2d5c8b1e4a90"));
    private final TenantId globex = TenantId.of(UUID.randomUUID());
    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());

    @Test
    void a_room_name_carries_the_tenant_before_the_name() {
        assertThat(rooms.room(acme, "standup")).isEqualTo("t0f8e3a521c4d4b6e9a7f2d5c8b1e4a90-standup");
    }

    @Test
    void nameOf_gives_back_the_name_of_the_tenants_own_room() {
        assertThat(rooms.nameOf(acme, rooms.room(acme, "standup"))).contains("standup");
    }

    @Test
    void nameOf_does_not_name_another_tenants_room() {
        assertThat(rooms.nameOf(acme, rooms.room(globex, "standup"))).isEmpty();
    }

    @Test
    void nameOf_does_not_name_a_room_of_no_tenant() {
        assertThat(rooms.nameOf(acme, "3000")).isEmpty();
    }

    @Test
    void nameOf_strips_only_the_own_tenants_prefix_from_a_name_that_looks_like_another_room() {
        String lookalike = rooms.room(globex, "standup");

        assertThat(rooms.nameOf(acme, rooms.room(acme, lookalike))).contains(lookalike);
    }

    @Test
    void tenantOf_recovers_the_tenant_of_its_room() {
        assertThat(rooms.tenantOf(rooms.room(acme, "standup"))).contains(acme);
    }

    @Test
    void tenantOf_recovers_the_tenant_whose_prefix_comes_first() {
        assertThat(rooms.tenantOf(rooms.room(acme, rooms.room(globex, "standup")))).contains(acme);
    }

    @Test
    void tenantOf_recovers_no_tenant_from_a_room_that_is_no_tenants() {
        assertThat(rooms.tenantOf("3000")).isEmpty();
        assertThat(rooms.tenantOf("conf-abcdefgh")).isEmpty();
        assertThat(rooms.tenantOf("t0f8e3a521c4d4b6e9a7f2d5c8b1e4a90standup")).isEmpty();
        assertThat(rooms.tenantOf("tzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-standup")).isEmpty();
    }

    @Test
    void tenantOf_recovers_no_tenant_when_the_tenant_part_is_not_32_hex_digits() {
        assertThat(rooms.tenantOf("t1234-1234-1234-1234-123456789012-standup")).isEmpty();
    }

    @Test
    void generated_names_are_valid_conference_names() {
        IntStream.range(0, 200).mapToObj(i -> rooms.generateName()).forEach(name -> {
            assertThat(name).matches("conf-[a-z2-9]{8}");
            assertThat(rooms.requireName(name, "name")).isEqualTo(name);
        });
    }

    @Test
    void a_name_of_up_to_64_letters_digits_dashes_and_underscores_is_valid() {
        String longest = "a".repeat(63) + "_";

        assertThat(rooms.requireName("Sales-2026_q1", "name")).isEqualTo("Sales-2026_q1");
        assertThat(rooms.requireName(longest, "name")).isEqualTo(longest);
    }

    @Test
    void an_invalid_name_is_a_validation_failure_naming_the_field() {
        assertInvalid(() -> rooms.requireName(null, "conferenceName"), "conferenceName");
        assertInvalid(() -> rooms.requireName("", "conferenceName"), "conferenceName");
        assertInvalid(() -> rooms.requireName("bad name!", "conferenceName"), "conferenceName");
        assertInvalid(() -> rooms.requireName("a".repeat(65), "conferenceName"), "conferenceName");
    }
}
