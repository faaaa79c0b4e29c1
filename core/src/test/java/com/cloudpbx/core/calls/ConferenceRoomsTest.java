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
    void aRoomNameCarriesTheTenantBeforeTheName() {
        assertThat(rooms.room(acme, "standup")).isEqualTo("t0f8e3a521c4d4b6e9a7f2d5c8b1e4a90-standup");
    }

    @Test
    void nameOfGivesBackTheNameOfTheTenantsOwnRoom() {
        assertThat(rooms.nameOf(acme, rooms.room(acme, "standup"))).contains("standup");
    }

    @Test
    void nameOfDoesNotNameAnotherTenantsRoom() {
        assertThat(rooms.nameOf(acme, rooms.room(globex, "standup"))).isEmpty();
    }

    @Test
    void nameOfDoesNotNameARoomOfNoTenant() {
        assertThat(rooms.nameOf(acme, "3000")).isEmpty();
    }

    @Test
    void nameOfStripsOnlyTheOwnTenantsPrefixFromANameThatLooksLikeAnotherRoom() {
        String lookalike = rooms.room(globex, "standup");

        assertThat(rooms.nameOf(acme, rooms.room(acme, lookalike))).contains(lookalike);
    }

    @Test
    void tenantOfRecoversTheTenantOfItsRoom() {
        assertThat(rooms.tenantOf(rooms.room(acme, "standup"))).contains(acme);
    }

    @Test
    void tenantOfRecoversTheTenantWhosePrefixComesFirst() {
        assertThat(rooms.tenantOf(rooms.room(acme, rooms.room(globex, "standup")))).contains(acme);
    }

    @Test
    void tenantOfRecoversNoTenantFromARoomThatIsNoTenants() {
        assertThat(rooms.tenantOf("3000")).isEmpty();
        assertThat(rooms.tenantOf("conf-abcdefgh")).isEmpty();
        assertThat(rooms.tenantOf("t0f8e3a521c4d4b6e9a7f2d5c8b1e4a90standup")).isEmpty();
        assertThat(rooms.tenantOf("tzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-standup")).isEmpty();
    }

    @Test
    void tenantOfRecoversNoTenantWhenTheTenantPartIsNot32HexDigits() {
        assertThat(rooms.tenantOf("t1234-1234-1234-1234-123456789012-standup")).isEmpty();
    }

    @Test
    void generatedNamesAreValidConferenceNames() {
        IntStream.range(0, 200).mapToObj(i -> rooms.generateName()).forEach(name -> {
            assertThat(name).matches("conf-[a-z2-9]{8}");
            assertThat(rooms.requireName(name, "name")).isEqualTo(name);
        });
    }

    @Test
    void aNameOfUpTo64LettersDigitsDashesAndUnderscoresIsValid() {
        String longest = "a".repeat(63) + "_";

        assertThat(rooms.requireName("Sales-2026_q1", "name")).isEqualTo("Sales-2026_q1");
        assertThat(rooms.requireName(longest, "name")).isEqualTo(longest);
    }

    @Test
    void anInvalidNameIsAValidationFailureNamingTheField() {
        assertInvalid(() -> rooms.requireName(null, "conferenceName"), "conferenceName");
        assertInvalid(() -> rooms.requireName("", "conferenceName"), "conferenceName");
        assertInvalid(() -> rooms.requireName("bad name!", "conferenceName"), "conferenceName");
        assertInvalid(() -> rooms.requireName("a".repeat(65), "conferenceName"), "conferenceName");
    }
}
