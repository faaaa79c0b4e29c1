package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.assertRefusedWithCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.testing.StoreSamples;
import com.cloudpbx.core.tenants.Tenant;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PagingBroadcastTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final Tenant acme = StoreSamples.tenant("Acme");
    private final MapLiveChannels live = new MapLiveChannels();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final ConferenceRooms rooms = new ConferenceRooms(new SecureRandom());
    private final PagingBroadcast paging = new PagingBroadcast(media, rooms, live, Duration.ofMillis(50));

    @Test
    void theCallerJoinsFirstAndEveryPagedLegJoinsMuted() {
        UUID caller = answered("1001");
        UUID first = answered("1002");
        UUID second = answered("1003");
        media.listJoinedMembers();

        String name = paging.broadcast(acme.id(), caller, List.of(first, second));

        String room = rooms.room(acme.id(), name);
        assertThat(name).startsWith("page-");
        assertThat(media.commands).containsExactly("join " + caller + " " + room, "join " + first + " " + room,
                "mute " + room + " 2 true", "join " + second + " " + room, "mute " + room + " 3 true");
    }

    @Test
    void aPagedLegThatHasNotAnsweredStopsThePageBeforeAnythingIsSent() {
        UUID caller = answered("1001");
        UUID ringing = UUID.randomUUID();
        live.put(new LiveChannel(ringing, ringing, acme.id(), "1002", "1001", "Agent", "1002", CallDirection.INTERNAL,
                false, false, NOW, null, null, null, null));

        assertRefusedWithCode(() -> paging.broadcast(acme.id(), caller, List.of(ringing)), "CALL_NOT_ANSWERED");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void anotherTenantsLegCannotBePaged() {
        UUID caller = answered("1001");
        UUID foreign = UUID.randomUUID();
        live.put(new LiveChannel(foreign, foreign, StoreSamples.tenant("Globex").id(), "1002", "1", "x", "1002",
                CallDirection.INTERNAL, true, false, NOW, NOW, null, null, null));

        assertRefusedWithCode(() -> paging.broadcast(acme.id(), caller, List.of(foreign)), "CALL_NOT_FOUND");
        assertThat(media.commands).isEmpty();
    }

    private UUID answered(String extension) {
        UUID uuid = UUID.randomUUID();
        live.put(new LiveChannel(uuid, uuid, acme.id(), extension, extension, "Someone", extension,
                CallDirection.INTERNAL, true, false, NOW, NOW, null, null, null));
        return uuid;
    }
}
